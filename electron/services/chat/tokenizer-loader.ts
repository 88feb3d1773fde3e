import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TokenEncoding } from '../../../shared/model-catalogue';

export interface Encoder {
  countTokens(text: string, options?: { disallowedSpecial?: Set<string> }): number;
}

/** A rank table: entry i is the token with rank i, as text, or as bytes when it is not valid UTF-8. */
type Ranks = (string | number[])[];

interface GptEncodingClass {
  getEncodingApi(name: TokenEncoding, ranks: () => Ranks): Encoder & { setMergeCacheSize(size: number): void };
}

const load = createRequire(import.meta.url);

/**
 * Words missing from the table are merged byte by byte and remembered. The
 * package keeps 100,000 of them, about 15 MB once a large source file fills
 * it (bench/ingest.ts, peak memory); the most used few thousand give nearly
 * all of the gain, and the cache keeps the most recently used.
 */
export const mergeCacheEntries = 20_000;
let cacheDir: string | null = null;
const loaded = new Map<TokenEncoding, Promise<Encoder>>();

/**
 * Where rank tables are kept as JSON once read. gpt-tokenizer ships each
 * table as a JavaScript array literal (2.4 MB for o200k); V8 parses the same
 * table as JSON in about half the time, which is most of what a first count
 * waits for after the tokenizing itself (bench/ingest.ts, cold count).
 */
export function useTokenizerCache(dir: string | null): void {
  cacheDir = dir;
}

function packageVersion(): string {
  return (load('gpt-tokenizer/package.json') as { version: string }).version;
}

// The cache is named after the package's version, so an upgraded tokenizer never reads an old table.
export const cacheFileOf = (dir: string, encoding: TokenEncoding) => path.join(dir, `${encoding}-${packageVersion()}.json`);

/** A table read back is used only if it has the shape of one; anything else is ignored and rewritten. */
function readCachedRanks(file: string): Ranks | null {
  try {
    const ranks = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const plausible = Array.isArray(ranks) && ranks.length > 50_000 && ranks[0] === '!' && ranks.every((r) => typeof r === 'string' || Array.isArray(r));
    return plausible ? (ranks as Ranks) : null;
  } catch {
    return null;
  }
}

// Written beside and renamed into place, so a crash mid-write leaves no half table for the next start.
function writeCachedRanks(file: string, ranks: Ranks): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(ranks));
    renameSync(partial, file);
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
    if (file) setImmediate(() => writeCachedRanks(file, fromPackage));
    ranks = fromPackage;
  }
  const table = ranks;
  const encoder = GptEncoding.getEncodingApi(encoding, () => table);
  encoder.setMergeCacheSize(mergeCacheEntries);
  return encoder;
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
