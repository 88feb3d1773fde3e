import { describe, expect, it } from 'vitest';
import { scoreTexts, termPatterns } from '../../electron/db/relevance';

const rank = (texts: string[], terms: string[], prefix = false) => {
  const scores = scoreTexts(texts, termPatterns({ terms, prefix }));
  return texts.map((t, i) => ({ t, s: scores[i]! })).sort((a, b) => b.s - a.s).map((x) => x.t);
};

describe('relevance of a message to the words searched for', () => {
  it('puts a message that uses the word more often first', () => {
    expect(rank(['the okapi ran', 'okapi, okapi and more okapi'], ['okapi'])).toEqual(['okapi, okapi and more okapi', 'the okapi ran']);
  });

  it('weighs a long message down against a short one with the word as often', () => {
    expect(rank([`okapi ${'filler '.repeat(80)}`, 'an okapi'], ['okapi'])).toEqual(['an okapi', `okapi ${'filler '.repeat(80)}`]);
  });

  it('counts whole words, ignoring case, and words begun by the prefix being typed', () => {
    const [exact] = scoreTexts(['Cat category cat'], termPatterns({ terms: ['cat'], prefix: false }));
    const [typed] = scoreTexts(['Cat category cat'], termPatterns({ terms: ['cat'], prefix: true }));
    const [none] = scoreTexts(['concatenate'], termPatterns({ terms: ['cat'], prefix: true }));
    expect(exact).toBeLessThan(typed!);
    expect(none).toBe(0);
  });

  it('gives credit for each word searched', () => {
    expect(rank(['okapi alone', 'okapi and zebra'], ['okapi', 'zebra'])).toEqual(['okapi and zebra', 'okapi alone']);
  });

  it('reads regular-expression characters in a word as text', () => {
    expect(() => termPatterns({ terms: ['a+b', '(x', '[y'], prefix: true })).not.toThrow();
  });
});
