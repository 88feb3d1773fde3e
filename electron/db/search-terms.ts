import type Database from 'better-sqlite3';

/**
 * A typed prefix becomes an OR of the words it begins past this many: an OR
 * of 100 words took 2–3 ms on a million messages and grows with the count,
 * while FTS5's own prefix query costs the same whatever the count; past this
 * it is the cheaper of the two.
 */
export const MAX_PREFIX_EXPANSION = 512;

/** U+10FFFF sorts after every character, so `prefix + LAST_CHAR` bounds every word that begins with `prefix`. */
const LAST_CHAR = '\u{10FFFF}';

export interface IndexedWord {
  term: string;
  /** The newest message the word was indexed for: no message newer than this holds it. */
  lastRowid: number;
}

/** The tokenizer messages_fts was made with, read from its own definition so the two can never drift apart. */
function messageTokenizer(db: Database.Database): string {
  const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").get()?.sql ?? '';
  return /tokenize\s*=\s*'([^']*)'/i.exec(sql)?.[1] ?? 'unicode61';
}

/**
 * The words of the message index (see migration 0004) and the words a typed
 * prefix begins. Words are read through a scratch FTS5 table with the same
 * tokenizer as the index, for the messages that entered the index since the
 * last search and for the typed word itself, so case, accents and word
 * boundaries are whatever the index made of them.
 */
export function createSearchTerms(db: Database.Database) {
  let scratch: ReturnType<typeof prepareScratch> | null = null;

  function prepareScratch() {
    // Temporary tables belong to this connection and vanish with it: nothing to migrate or clean up.
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms_scratch USING fts5 (
        content, content = '', tokenize = '${messageTokenizer(db).replaceAll("'", "''")}', detail = none
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms_scratch_words USING fts5vocab(temp, 'search_terms_scratch', 'row');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms_scratch_places USING fts5vocab(temp, 'search_terms_scratch', 'instance');
    `);
    return {
      hasPending: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM search_terms_pending)').pluck(),
      readPending: db.prepare(`INSERT INTO temp.search_terms_scratch (rowid, content)
        SELECT m.rowid, m.content FROM search_terms_pending AS p JOIN messages AS m ON m.rowid = p.message_rowid`),
      // WHERE true: without it SQLite would read ON CONFLICT as part of the SELECT.
      keepWords: db.prepare(`INSERT INTO search_terms (term, last_rowid)
        SELECT term, max(doc) FROM temp.search_terms_scratch_places WHERE true GROUP BY term
        ON CONFLICT (term) DO UPDATE SET last_rowid = max(last_rowid, excluded.last_rowid)`),
      clearPending: db.prepare('DELETE FROM search_terms_pending'),
      tokenize: db.prepare<[string]>('INSERT INTO temp.search_terms_scratch (rowid, content) VALUES (1, ?)'),
      words: db.prepare<[], string>('SELECT term FROM temp.search_terms_scratch_words').pluck(),
      clearScratch: db.prepare("INSERT INTO temp.search_terms_scratch (search_terms_scratch) VALUES ('delete-all')"),
      range: db.prepare<[string, string, number], IndexedWord>(
        'SELECT term, last_rowid AS lastRowid FROM search_terms WHERE term >= ? AND term < ? LIMIT ?',
      ),
    };
  }

  const statements = () => (scratch ??= prepareScratch());

  /** Brings search_terms up to date with the messages indexed since the last call. */
  const catchUp = () => {
    const s = statements();
    if (!s.hasPending.get()) return;
    db.transaction(() => {
      s.readPending.run();
      s.keepWords.run();
      s.clearScratch.run();
      s.clearPending.run();
    })();
  };

  /** What the index's tokenizer makes of `text`, in sorted order. */
  const tokenize = (text: string): string[] => {
    const s = statements();
    s.tokenize.run(text);
    try {
      return s.words.all();
    } finally {
      s.clearScratch.run();
    }
  };

  return {
    catchUp,
    tokenize,
    /**
     * The indexed words that begin with `prefix`, the most recently used
     * first; or null when there are more than MAX_PREFIX_EXPANSION of them
     * (or the prefix is not one word to the tokenizer) and FTS5's own prefix
     * query should answer instead.
     */
    wordsBeginning(prefix: string): IndexedWord[] | null {
      catchUp();
      const folded = tokenize(prefix);
      if (folded.length !== 1) return null;
      const words = statements().range.all(folded[0]!, folded[0]! + LAST_CHAR, MAX_PREFIX_EXPANSION + 1);
      return words.length > MAX_PREFIX_EXPANSION ? null : words.sort((a, b) => b.lastRowid - a.lastRowid);
    },
  };
}

export type SearchTerms = ReturnType<typeof createSearchTerms>;
