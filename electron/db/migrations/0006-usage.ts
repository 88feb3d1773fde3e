import type { Migration } from './migration';

/**
 * One row per model request, written when its answer ends, for budgets and
 * the usage dashboard. A table of its own rather than more columns on
 * `messages`: money spent stays spent when a conversation is deleted, so the
 * rows keep the conversation's and message's ids without a foreign key.
 * `day` is the person's local calendar day at the time of the request, fixed
 * when written, so "today" and "this month" are plain index ranges.
 * `estimated` marks tokens Parley counted itself because the provider sent
 * no usage report; the same flag is kept on the message. Answers already in
 * the database are copied in, so the dashboard starts with the history.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'usage',
  up: `
    ALTER TABLE messages ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE usage (
      id INTEGER PRIMARY KEY,
      message_id TEXT,
      conversation_id TEXT,
      provider_id TEXT,
      model TEXT NOT NULL,
      at INTEGER NOT NULL,
      day TEXT NOT NULL,
      status TEXT NOT NULL,
      error_code TEXT,
      prompt_tokens INTEGER NOT NULL DEFAULT 0,
      completion_tokens INTEGER NOT NULL DEFAULT 0,
      estimated INTEGER NOT NULL DEFAULT 0,
      cost_usd REAL,
      ttft_ms REAL,
      total_ms REAL
    );
    CREATE INDEX usage_by_day ON usage (day, at);

    INSERT INTO usage (message_id, conversation_id, provider_id, model, at, day, status, error_code,
                       prompt_tokens, completion_tokens, estimated, cost_usd, ttft_ms, total_ms)
      SELECT m.id, m.conversation_id, c.provider_id, COALESCE(m.model, c.model, ''), m.created_at,
             date(m.created_at / 1000, 'unixepoch', 'localtime'), m.status, m.error_code,
             COALESCE(m.prompt_tokens, 0), COALESCE(m.completion_tokens, 0), 0, m.cost_usd, m.ttft_ms, m.total_ms
      FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.role = 'assistant' AND m.status != 'streaming'
      ORDER BY m.created_at;
  `,
};
