import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFileOf, cacheWritten, loadEncoder } from '../../electron/services/chat/tokenizer-loader';

const packaged = createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as { countTokens(text: string, o?: object): number };
const plain = { disallowedSpecial: new Set<string>() };

// Texts that reach every kind of rank: common words, rare words merged byte by byte, CJK, emoji, tokens that are not UTF-8 alone.
const samples = [
  'The quick brown fox jumps over the lazy dog.',
  'Pseudohypoparathyroidism, floccinaucinihilipilification and zyzzyva.',
  '東京都の天気は晴れです。北京欢迎你。서울의 날씨',
  'Emoji: 👩‍👩‍👧‍👦 🏳️‍🌈 🤖🦄 and combining marks: é̃ ǖ',
  'function parse(input: string): Token[] {\n  return lex(input).filter((t) => t.kind !== "space");\n}\n',
  '<|endoftext|> is text here, as is <|im_start|>.',
  '\u0000\u0001\u00ff\ufffd  \t\t\r\n\r\n   trailing',
];

describe('tokenizer loader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parley-tokenizer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts like the package itself, read from the package and then from the cached copy', async () => {
    const fromPackage = loadEncoder('o200k_base', dir);
    await cacheWritten();
    const file = cacheFileOf(dir, 'o200k_base');
    const written = statSync(file).mtimeMs;
    const fromCache = loadEncoder('o200k_base', dir);
    await cacheWritten();
    for (const text of samples) {
      const expected = packaged.countTokens(text, plain);
      expect(fromPackage.countTokens(text, plain)).toBe(expected);
      expect(fromCache.countTokens(text, plain)).toBe(expected);
    }
    // A good copy is read, not written again.
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('names the copy after the package and V8 versions, so an upgraded tokenizer or Electron never reads an old table', () => {
    const { version } = createRequire(import.meta.url)('gpt-tokenizer/package.json') as { version: string };
    expect(path.basename(cacheFileOf(dir, 'cl100k_base'))).toBe(`cl100k_base-${version}-v8-${process.versions.v8}.bin`);
  });

  it('ignores a damaged or foreign copy, counts correctly and replaces it', async () => {
    const file = cacheFileOf(dir, 'o200k_base');
    const damagedCopies = [serialize({ not: 'ranks' }), serialize(['!', '"', 3]), Buffer.from('['), serialize(Array.from({ length: 60_000 }, () => 'x')), serialize(['!', '"']).subarray(0, 5)];
    for (const damaged of damagedCopies) {
      writeFileSync(file, damaged);
      const encoder = loadEncoder('o200k_base', dir);
      expect(encoder.countTokens(samples[1]!, plain)).toBe(packaged.countTokens(samples[1]!, plain));
      await cacheWritten();
      const copy = deserialize(readFileSync(file)) as unknown[];
      expect(copy[0]).toBe('!');
      expect(copy.length).toBeGreaterThan(100_000);
    }
  });

  it('works without a cache folder and when the folder cannot be written', async () => {
    expect(loadEncoder('o200k_base', null).countTokens('hello world', plain)).toBe(2);
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, '');
    // The cache "folder" is a file: writing fails quietly, counting still works.
    expect(loadEncoder('o200k_base', path.join(blocked, 'cache')).countTokens('hello world', plain)).toBe(2);
    await cacheWritten();
  });
});
