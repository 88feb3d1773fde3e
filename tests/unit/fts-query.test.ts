import { describe, expect, it } from 'vitest';
import { MAX_TERMS, toFtsQuery } from '../../electron/db/fts-query';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

describe('turning typed text into an FTS5 query', () => {
  it('quotes every word, ANDs them, and prefix-matches the word being typed', () => {
    expect(toFtsQuery('capybara riv').match).toBe('"capybara" "riv"*');
  });

  it('matches the last word exactly once a space follows it', () => {
    expect(toFtsQuery('capybara river ').match).toBe('"capybara" "river"');
  });

  it('reads FTS5 syntax as plain words', () => {
    expect(toFtsQuery('cats AND NOT dogs').match).toBe('"cats" "AND" "NOT" "dogs"*');
    expect(toFtsQuery('content:x NEAR(a b) -c ^d "e" f*').match).toBe('"content" "x" "NEAR" "a" "b" "c" "d" "e" "f"');
  });

  it('cuts words where the tokenizer does, so no quoted string is a phrase', () => {
    expect(toFtsQuery("e-mail don't 3.14").terms).toEqual(['e', 'mail', 'don', 't', '3', '14']);
  });

  it('keeps letters of every script and composes accents', () => {
    expect(toFtsQuery('cafe\u0301 Ελλάδα 東京').terms).toEqual(['café', 'Ελλάδα', '東京']);
  });

  it('has nothing to look for in punctuation or space alone', () => {
    for (const text of ['', '   ', '"', '***', '()', '-']) expect(toFtsQuery(text).match).toBeNull();
  });

  it(`keeps the first ${MAX_TERMS} words, and none of them as a prefix when more were typed`, () => {
    const words = Array.from({ length: MAX_TERMS + 3 }, (_, i) => `w${i}`);
    const q = toFtsQuery(words.join(' '));
    expect(q.terms).toEqual(words.slice(0, MAX_TERMS));
    expect(q.prefix).toBe(false);
  });

  it('leaves a word shorter than the minimum prefix length exact', () => {
    expect(toFtsQuery('a', { minPrefixLength: 2 }).match).toBe('"a"');
    expect(toFtsQuery('ab', { minPrefixLength: 2 }).match).toBe('"ab"*');
  });

  it('gives FTS5 an expression it accepts for hostile input', () => {
    const db = migratedMemoryDatabase();
    const hostile = ['"', '" OR "', 'NEAR(', 'a:b', '*', '^', "'; DROP TABLE messages; --", '\u0000x', 'e\u0301\u0301', '🙂 x', '\uE000y'];
    for (const text of hostile) {
      const { match } = toFtsQuery(text);
      if (match) expect(() => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all(match), text).not.toThrow();
    }
  });
});
