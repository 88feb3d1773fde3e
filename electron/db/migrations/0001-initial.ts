import type { Migration } from './migration';

/**
 * The search index is external-content FTS5 kept by triggers that fire only
 * when a message leaves `streaming`: flushing a growing answer rewrites one
 * row and never the index, and the finished message is indexed exactly once.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      model TEXT,
      provider_id TEXT NOT NULL,
      system_prompt TEXT,
      params TEXT NOT NULL DEFAULT '{}',
      pinned INTEGER NOT NULL DEFAULT 0,
      origin TEXT NOT NULL DEFAULT 'chat' CHECK (origin IN ('chat', 'quick', 'file')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX conversations_by_update ON conversations (pinned DESC, updated_at DESC);

    CREATE TABLE messages (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
      parent_id TEXT REFERENCES messages (id) ON DELETE SET NULL,
      role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
      content TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('streaming', 'complete', 'cancelled', 'error', 'interrupted')),
      error_code TEXT,
      error_message TEXT,
      retry_after_ms INTEGER,
      model TEXT,
      finish_reason TEXT,
      prompt_tokens INTEGER,
      completion_tokens INTEGER,
      cost_usd REAL,
      ttft_ms REAL,
      total_ms REAL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at);
    CREATE INDEX messages_by_parent ON messages (parent_id);
    CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

    CREATE VIRTUAL TABLE messages_fts USING fts5 (
      content, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status != 'streaming' BEGIN
      INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
    END;
    -- BEFORE, not AFTER: SQLite fires the newest AFTER trigger first, so an AFTER unindex would run after the
    -- reindex and delete the words the old and new text share (or the whole entry on a status-only change).
    CREATE TRIGGER messages_fts_unindex BEFORE UPDATE OF content, status ON messages WHEN old.status != 'streaming' BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    END;
    CREATE TRIGGER messages_fts_index AFTER UPDATE OF content, status ON messages WHEN new.status != 'streaming' BEGIN
      INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status != 'streaming' BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    END;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
