import { withPrefixWords, type FtsQuery } from './fts-query';
import type { IndexedWord } from './search-terms';

/** Words asked about first: enough that the newest matches are usually among theirs. */
const FIRST_WORDS = 8;

/**
 * The MATCH expression for the newest `limit` matches of a query whose last
 * word is being typed, naming only the words that can reach those matches.
 *
 * A prefix can begin a hundred words or more, and an OR names each of them
 * to FTS5 at a cost per word. But a word whose newest message is older than
 * the `limit`-th newest match already found cannot add to the result, so the
 * words are taken most recent first: ask with the first few, and if fewer
 * than `limit` matches came back or some other word has a message newer than
 * the last of them, ask again with every word that does. Each round can only
 * move that bound newer, so it ends, usually after one or two rounds of a
 * handful of words. `newestRowids` runs a MATCH newest first up to a limit.
 */
export function typedWordMatch(
  query: FtsQuery,
  words: readonly IndexedWord[],
  limit: number,
  newestRowids: (match: string, limit: number) => number[],
): string | null {
  if (words.length === 0) return null;
  let taken = Math.min(FIRST_WORDS, words.length);
  for (;;) {
    const match = withPrefixWords(query, words.slice(0, taken).map((w) => w.term))!;
    if (taken === words.length) return match;
    const rowids = newestRowids(match, limit);
    const bound = rowids.length < limit ? -Infinity : rowids.at(-1)!;
    // Sorted most recent first, so the words that could still add a match come next.
    let reach = taken;
    while (reach < words.length && words[reach]!.lastRowid > bound) reach++;
    if (reach === taken) return match;
    taken = reach;
  }
}
