import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { createAttachmentRepository } from '../../electron/db/attachment-repository';
import { explanationKey } from '../../electron/services/explain/explanation-key';

let db: Database.Database;
const before = migrations.filter((m) => m.version < 5);
const key = { sha256: 'AB'.repeat(32), templateId: 'explain-code', model: 'gpt-4o-mini' };

function message(id: string, status = 'complete', content = 'An explanation.') {
  db.prepare(
    "INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES (?, 'old', NULL, 'assistant', ?, ?, 2, 2)",
  ).run(id, content, status);
}

function attach(id: string, messageId: string | null) {
  createAttachmentRepository(db).insert({
    id, conversationId: 'old', messageId, name: 'a.ts', kind: 'code', mime: 'text/plain', size: 10, sha256: key.sha256, tokenCount: 3, extractedText: 'let a = 1;', now: 5,
  });
}

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, before);
  db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('old', 'Before attachments', 'openai', 1, 1)").run();
  // Up to this migration only: a later one moves user_version on.
  migrate(db, migrations.filter((m) => m.version <= 5));
});

describe('migration 0005 (attachments)', () => {
  it('records version 5 and leaves existing conversations without attachments', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(createAttachmentRepository(db).list('old')).toEqual([]);
  });

  it('keeps an attachment with its text, lists it through its index, and drops it with its conversation', () => {
    message('m1');
    attach('att-1', 'm1');
    const repo = createAttachmentRepository(db);
    expect(repo.list('old')).toEqual([expect.objectContaining({ id: 'att-1', messageId: 'm1', kind: 'code', tokenCount: 3 })]);
    expect(repo.listWithText('old')[0]!.extractedText).toBe('let a = 1;');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM attachments WHERE conversation_id = 'old' ORDER BY created_at").all().map((r) => (r as { detail: string }).detail).join('\n');
    expect(plan).toContain('attachments_by_conversation');
    db.prepare("DELETE FROM conversations WHERE id = 'old'").run();
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });

  it('finds a saved explanation by content, template and model only while its answer is complete, and forgets it with the answer', () => {
    message('m1');
    const repo = createAttachmentRepository(db);
    const store = repo.explanationStoreFor('m1', key);
    store.save({ key: explanationKey(key), text: 'ignored: the message holds the text', parts: [{ label: 'lines 1–9', text: 'notes' }], model: key.model, createdAt: 3 });
    expect(repo.findSaved(key)).toMatchObject({ conversationId: 'old', messageId: 'm1', text: 'An explanation.', parts: [{ label: 'lines 1–9', text: 'notes' }] });
    expect(store.find(explanationKey(key))?.text).toBe('An explanation.');
    expect(repo.findSaved({ ...key, model: 'gpt-4o' })).toBeNull();
    expect(repo.partNotes(key.sha256)).toEqual([{ label: 'lines 1–9', text: 'notes' }]);

    db.prepare("UPDATE messages SET status = 'cancelled' WHERE id = 'm1'").run();
    expect(repo.findSaved(key)).toBeNull();
    db.prepare("UPDATE messages SET status = 'complete' WHERE id = 'm1'").run();
    db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
    expect(repo.findSaved(key)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM saved_explanations').get()).toEqual({ n: 0 });
  });

  it('keeps an attachment when the question it came with is deleted', () => {
    message('m2');
    attach('att-2', 'm2');
    db.prepare("DELETE FROM messages WHERE id = 'm2'").run();
    expect(createAttachmentRepository(db).list('old')).toEqual([expect.objectContaining({ id: 'att-2', messageId: null })]);
  });
});
