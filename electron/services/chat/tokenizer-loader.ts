import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TokenEncoding } from '../../../shared/model-catalogue';

export interface Encoder {
  countTokens(text: string, options?: { disallowedSpecial?: Set<string> }): number;
}

/** A rank table: entry i is the token with rank i, as text, or as bytes when it is not valid UTF-8. */
type Ranks = (string | number[])[];

interface GptEncodingClass {
  getEncodingApi(name: TokenEncoding, ranks: () => Ranks): Encoder;
}

const load = createRequire(import.meta.url);

let cacheDir: string | null = null;
const loaded = new Map<TokenEncoding, Promise<Encoder>>();
let writing: Promise<void> = Promise.resolve();

/** Settles once the last table read from the package is in the cache folder (or could not be written there). */
export function cacheWritten(): Promise<void> {
  return writing;
}

/**
 * Where rank tables are kept once read, in V8's own serialization.
 * gpt-tokenizer ships each table as a JavaScript array literal (2.4 MB for
 * o200k), which took 110–150 ms to compile and run; V8 reads the same array
 * back from its serialized form in about 30 ms, a fifth of a cold count
 * (bench/ingest.ts). The form is V8's, so the file is named after V8's
 * version as well as the package's.
 */
export function useTokenizerCache(dir: string | null): void {
  cacheDir = dir;
}

function packageVersion(): string {
  return (load('gpt-tokenizer/package.json') as { version: string }).version;
}

// Named after both versions, so an upgraded tokenizer or Electron never reads an old table.
export const cacheFileOf = (dir: string, encoding: TokenEncoding) => path.join(dir, `${encoding}-${packageVersion()}-v8-${process.versions.v8}.bin`);

/** A table read back is used only if it has the shape of one; anything else is ignored and rewritten. */
function readCachedRanks(file: string): Ranks | null {
  try {
    const ranks = deserialize(readFileSync(file)) as unknown;
    const plausible = Array.isArray(ranks) && ranks.length > 50_000 && ranks[0] === '!' && ranks.every((r) => typeof r === 'string' || Array.isArray(r));
    return plausible ? (ranks as Ranks) : null;
  } catch {
    return null;
  }
}

/**
 * Written beside and renamed into place, so a crash mid-write leaves no half
 * table for the next start; written without blocking, since the first load
 * may come while an answer streams and its flushes must not wait.
 */
async function writeCachedRanks(file: string, ranks: Ranks): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, serialize(ranks));
    await rename(partial, file);
  } catch {
    // A read-only or full disk only costs the next start the slower load.
  }
}

/** Reads an encoding, from the cache folder's copy when there is a good one; otherwise from the package, then caches it. */
export function loadEncoder(encoding: TokenEncoding, dir: string | null): Encoder {
  const { GptEncoding } = load('gpt-tokenizer/GptEncoding') as { GptEncoding: GptEncodingClass };
  const file = dir ? cacheFileOf(dir, encoding) : null;
  let ranks = file ? readCachedRanks(file) : null;
  if (!ranks) {
    const fromPackage = (load(`gpt-tokenizer/bpeRanks/${encoding}`) as { default: Ranks }).default;
    if (file) writing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => writeCachedRanks(file, fromPackage));
    ranks = fromPackage;
  }
  const table = ranks;
  return GptEncoding.getEncodingApi(encoding, () => table);
}

/**
 * Each encoding is loaded once per process and shared by every counter. It
 * is read from node_modules on first use, never bundled: bundled, the tables
 * added 6 MB that every start of the app parsed for a feature used later.
 */
export function encoderFor(encoding: TokenEncoding): Promise<Encoder> {
  let p = loaded.get(encoding);
  if (!p) {
    p = new Promise<Encoder>((resolve) => resolve(loadEncoder(encoding, cacheDir)));
    // A failed load may be retried by the next caller instead of failing for ever.
    p.catch(() => loaded.delete(encoding));
    loaded.set(encoding, p);
  }
  return p;
}
