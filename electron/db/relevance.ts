/**
 * How well a message matches the words searched for, in the shape of BM25
 * (term frequency that saturates, long messages weighed down) without its
 * inverse document frequency. FTS5's bm25() gets that frequency by walking
 * every match of every word, half a second for a word in a third of all
 * messages, and the message index keeps no word counts to be read instead
 * (detail = none); so counts come from the text of the candidates, and every
 * word weighs the same. With one word, which is most searches, the order is
 * the one bm25() gives.
 */

const K1 = 1.2;
const B = 0.75;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{Co}]';

export interface RelevanceQuery {
  terms: string[];
  /** The last term matches words it begins, as FTS5's prefix query did. */
  prefix: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per term: a whole word, or the start of one for the prefix term; case-insensitive. */
export function termPatterns(query: RelevanceQuery): RegExp[] {
  return query.terms.map((t, i) => {
    const end = query.prefix && i === query.terms.length - 1 ? '' : `(?!${WORD_CHAR})`;
    return new RegExp(`(?<!${WORD_CHAR})${escapeRegExp(t)}${end}`, 'giu');
  });
}

const countMatches = (text: string, pattern: RegExp): number => {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
};

/** Scores each text against the patterns; higher is better. Lengths are normalised by the candidates' own average. */
export function scoreTexts(texts: readonly string[], patterns: readonly RegExp[]): number[] {
  if (texts.length === 0) return [];
  const average = texts.reduce((a, t) => a + t.length, 0) / texts.length || 1;
  return texts.map((text) => {
    const norm = K1 * (1 - B + (B * text.length) / average);
    let score = 0;
    for (const p of patterns) {
      const tf = countMatches(text, p);
      score += (tf * (K1 + 1)) / (tf + norm);
    }
    return score;
  });
}
