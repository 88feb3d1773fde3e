import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { migration0006 } from '../../electron/db/migrations/0006-usage';
import { createMessageRepository } from '../../electron/db/message-repository';
import { createUsageRepository } from '../../electron/db/usage-repository';
import { localDay } from '../../shared/usage';

let db: Database.Database;
const before = migrations.filter((m) => m.version < 6);
const at = new Date(2026, 2, 10, 23, 30).getTime();

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, before);
  db.prepare("INSERT INTO conversations (id, title, provider_id, model, created_at, updated_at) VALUES ('c', 'Old chat', 'openai', 'gpt-4o', 1, 1)").run();
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_code, model, prompt_tokens, completion_tokens, cost_usd, ttft_ms, total_ms, created_at, updated_at)
     VALUES (?, 'c', NULL, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insert.run('q', 'user', 'complete', null, null, null, null, null, null, null, at, at);
  insert.run('a', 'assistant', 'complete', null, 'gpt-4o-mini', 10, 5, 0.001, 120, 900, at + 1, at + 1);
  insert.run('e', 'assistant', 'error', 'RATE_LIMITED', null, null, null, null, null, 40, at + 2, at + 2);
  insert.run('s', 'assistant', 'streaming', null, 'gpt-4o-mini', null, null, null, null, null, at + 3, at + 3);
  migrate(db, [...before, migration0006]);
});

describe('migration 0006 (usage)', () => {
  it('records version 6 and copies the answers already stored, on their local day', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const rows = createUsageRepository(db).between('2000-01-01', '2100-01-01');
    expect(rows.map((r) => [r.messageId, r.providerId, r.model, r.day, r.status, r.errorCode, r.promptTokens, r.completionTokens, r.costUsd, r.estimated])).toEqual([
      ['a', 'openai', 'gpt-4o-mini', localDay(at), 'complete', null, 10, 5, 0.001, false],
      ['e', 'openai', 'gpt-4o', localDay(at), 'error', 'RATE_LIMITED', 0, 0, null, false],
    ]);
    expect(rows[0]!.conversationTitle).toBe('Old chat');
  });

  it('leaves existing messages’ usage as reported, and stores an estimated one as such', () => {
    migrate(db, migrations); // the repository is written for the latest schema
    const messages = createMessageRepository(db);
    expect(messages.get('a')!.usage).toEqual({ promptTokens: 10, completionTokens: 5 });
    messages.finish('s', { status: 'complete', content: 'done', error: null, finishReason: 'stop', usage: { promptTokens: 7, completionTokens: 3, estimated: true }, costUsd: 0, ttftMs: 1, totalMs: 2, now: at + 10 });
    expect(messages.get('s')!.usage).toEqual({ promptTokens: 7, completionTokens: 3, estimated: true });
  });

  it('reads a day’s spending through its index', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT COALESCE(SUM(cost_usd), 0) FROM usage WHERE day BETWEEN '2026-03-01' AND '2026-03-10'")
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('usage_by_day');
  });

  it('keeps spending when its conversation is deleted', () => {
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
    const rows = createUsageRepository(db).between('2000-01-01', '2100-01-01');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.conversationTitle).toBeNull();
    expect(createUsageRepository(db).spent('2000-01-01', '2100-01-01')).toBeCloseTo(0.001, 9);
  });
});
