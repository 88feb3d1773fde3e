import type { Migration } from './migration';

/**
 * Files given to a conversation (dropped, opened, attached), kept so a
 * follow-up question can send the file again, and the explanations already
 * paid for, so the same content, template and model reuse one at once.
 * `extracted_text` is the text the model reads (a CSV's or JSON's whole
 * text; none for an image), not the file's bytes. An attachment leaves with
 * its conversation; a saved explanation leaves with its message.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'attachments',
  up: `
    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      message_id TEXT REFERENCES messages(id) ON DELETE SET NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      extracted_text TEXT,
      token_count INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX attachments_by_conversation ON attachments (conversation_id, created_at);

    CREATE TABLE saved_explanations (
      sha256 TEXT NOT NULL,
      template_id TEXT NOT NULL,
      model TEXT NOT NULL,
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      parts TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      PRIMARY KEY (sha256, template_id, model)
    );
    CREATE INDEX saved_explanations_by_message ON saved_explanations (message_id);
  `,
};
