import type { Migration } from './migration';

/**
 * Search over every message and every conversation title.
 *
 * messages_fts is rebuilt with `detail = none`: the index then holds which
 * messages contain a word and not where, which measured less than half the
 * size of the default (0.15× the raw text against 0.38× on the benchmark
 * corpus) and is what keeps the whole database under 1.8× its text. Search
 * builds its queries from single words, so it never needs the positions that
 * phrase and NEAR queries would; snippet(), highlight() and bm25() still work
 * by re-reading the few rows they are asked about.
 *
 * The triggers are those of 0001, re-created because dropping the table drops
 * them; only finished messages are copied in, as the triggers would have done.
 *
 * conversations_fts indexes titles the same way, kept by triggers on insert,
 * rename and delete.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up: `
    DROP TRIGGER messages_fts_insert;
    DROP TRIGGER messages_fts_unindex;
    DROP TRIGGER messages_fts_index;
    DROP TRIGGER messages_fts_delete;
    DROP TABLE messages_fts;

    CREATE VIRTUAL TABLE messages_fts USING fts5 (
      content, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2', detail = none
    );
    INSERT INTO messages_fts (rowid, content) SELECT rowid, content FROM messages WHERE status != 'streaming';

    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status != 'streaming' BEGIN
      INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
    END;
    -- BEFORE, not AFTER: see 0001 (the newest AFTER trigger fires first).
    CREATE TRIGGER messages_fts_unindex BEFORE UPDATE OF content, status ON messages WHEN old.status != 'streaming' BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    END;
    CREATE TRIGGER messages_fts_index AFTER UPDATE OF content, status ON messages WHEN new.status != 'streaming' BEGIN
      INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status != 'streaming' BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    END;

    CREATE VIRTUAL TABLE conversations_fts USING fts5 (
      title, content = 'conversations', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2', detail = none
    );
    INSERT INTO conversations_fts (rowid, title) SELECT rowid, title FROM conversations;

    CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
      INSERT INTO conversations_fts (rowid, title) VALUES (new.rowid, new.title);
    END;
    CREATE TRIGGER conversations_fts_unindex BEFORE UPDATE OF title ON conversations BEGIN
      INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    END;
    CREATE TRIGGER conversations_fts_index AFTER UPDATE OF title ON conversations BEGIN
      INSERT INTO conversations_fts (rowid, title) VALUES (new.rowid, new.title);
    END;
    CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
      INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    END;
  `,
};
