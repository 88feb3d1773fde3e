import type { Migration } from './migration';

/**
 * The words of the message index, kept apart so the word being typed can be
 * turned into the words it begins with one index range read, each with the
 * newest message it was indexed for.
 *
 * FTS5 answers a prefix query (`"barn"*`) by reading and merging the whole
 * list of messages of every word the prefix begins, which took 20–300 ms on a
 * million messages whenever a common word was among them, for every key
 * pressed. An OR of the same words, written out, is read lazily and newest
 * first like any other query; and knowing each word's newest message, a
 * search for the newest 20 matches can leave out every word whose newest
 * message is older than the 20th match already found (see
 * typed-word-match.ts), which is most of them. FTS5's own vocabulary
 * (fts5vocab) is no quicker to ask, because it counts every word's messages
 * as it goes.
 *
 * `last_rowid` is an upper bound, never too low: it is the newest message the
 * word was indexed for, which may since have been edited or deleted. Words
 * whose messages are gone stay, costing a lookup and changing no result. The
 * triggers note which messages entered the index since the list was last
 * brought up to date; search-terms.ts reads their words through FTS5's own
 * tokenizer before the next prefix search, so the list can never disagree
 * with the index about what a word is.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'search-terms',
  up: `
    CREATE TABLE search_terms (term TEXT PRIMARY KEY, last_rowid INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE search_terms_pending (message_rowid INTEGER PRIMARY KEY);

    CREATE VIRTUAL TABLE temp.search_terms_migration USING fts5vocab(main, 'messages_fts', 'instance');
    INSERT INTO search_terms (term, last_rowid) SELECT term, max(doc) FROM temp.search_terms_migration GROUP BY term;
    DROP TABLE temp.search_terms_migration;

    -- The same conditions as the messages_fts triggers of 0002: whenever a message enters the index.
    CREATE TRIGGER search_terms_note_insert AFTER INSERT ON messages WHEN new.status != 'streaming' BEGIN
      INSERT OR IGNORE INTO search_terms_pending (message_rowid) VALUES (new.rowid);
    END;
    CREATE TRIGGER search_terms_note_update AFTER UPDATE OF content, status ON messages WHEN new.status != 'streaming' BEGIN
      INSERT OR IGNORE INTO search_terms_pending (message_rowid) VALUES (new.rowid);
    END;
  `,
};
