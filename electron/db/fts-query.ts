/**
 * Turns what someone typed into an FTS5 MATCH expression that always parses.
 *
 * The text is cut into words the way the index's unicode61 tokenizer cuts it
 * (letters, digits and private-use characters; everything else separates), and
 * each word is quoted, so no character of the input is ever read as FTS5
 * syntax: `AND`, `NEAR`, `-`, `:`, `*`, `"` and `^` are just text. Words are
 * ANDed. The last word is a prefix while it is being typed (no separator after
 * it), so results appear as you type.
 *
 * Quoting a single word also matters because the index is `detail = none`: a
 * quoted string that held two tokens would be a phrase query, which such an
 * index refuses.
 */

export const MAX_TERMS = 12;

/**
 * Marks are separators here, whatever the tokenizer makes of them: a word cut
 * at a stray combining mark merely matches more, while a mark kept inside a
 * word the tokenizer splits would make a phrase, which the index refuses.
 * NFC first folds the common accented letters into single characters.
 */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

export interface FtsQuery {
  /** The MATCH expression, or null when the text has no word to look for. */
  match: string | null;
  terms: string[];
  prefix: boolean;
}

export function toFtsQuery(text: string, options: { minPrefixLength?: number } = {}): FtsQuery {
  const normalised = text.normalize('NFC');
  const words = normalised.match(WORD) ?? [];
  const terms = words.slice(0, MAX_TERMS);
  if (terms.length === 0) return { match: null, terms, prefix: false };
  const last = terms.at(-1)!;
  // Past the cap, the word being typed is not among the terms kept.
  const stillTyping = words.length <= MAX_TERMS && /[\p{L}\p{N}\p{Co}]$/u.test(normalised);
  const prefix = stillTyping && [...last].length >= (options.minPrefixLength ?? 1);
  const quoted = terms.map((t) => `"${t}"`);
  if (prefix) quoted[quoted.length - 1] += '*';
  return { match: quoted.join(' '), terms, prefix };
}

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

/**
 * The same query with the word being typed written out as the indexed words
 * it begins (see search-terms.ts): an OR of whole words that FTS5 reads
 * lazily, newest first, where its prefix query would merge every one of their
 * message lists first. Null when no indexed word begins so: nothing matches.
 */
export function withPrefixWords(query: FtsQuery, words: readonly string[]): string | null {
  if (!query.prefix || words.length === 0) return null;
  const typed = words.length === 1 ? quote(words[0]!) : `(${words.map(quote).join(' OR ')})`;
  // An explicit AND: FTS5 reads `"a" ("b" OR "c")` as a syntax error, not as an implicit AND.
  return [...query.terms.slice(0, -1).map(quote), typed].join(' AND ');
}
