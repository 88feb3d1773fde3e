import { describe, expect, it } from 'vitest';
import { createMessageRepository } from '../../electron/db/message-repository';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

function setUp() {
  const db = migratedMemoryDatabase();
  db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('c1', 'A', 'openai', 1, 1), ('c2', 'B', 'openai', 1, 1)").run();
  const repo = createMessageRepository(db);
  const add = (id: string, conversationId: string, parentId: string | null, now: number, status: 'complete' | 'streaming' = 'complete') =>
    repo.insert({ id, conversationId, parentId, role: 'user', content: id, status, model: null, now });
  return { db, repo, add };
}

const plan = (db: ReturnType<typeof setUp>['db'], sql: string) =>
  db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x').map((r) => (r as { detail: string }).detail).join('\n');

describe('the single-row questions asked before every answer', () => {
  it('say whether a conversation has an answer streaming, and only for that conversation', () => {
    const { repo, add } = setUp();
    add('m1', 'c1', null, 1);
    expect(repo.hasStreaming('c1')).toBe(false);
    add('m2', 'c2', null, 2, 'streaming');
    expect(repo.hasStreaming('c1')).toBe(false);
    expect(repo.hasStreaming('c2')).toBe(true);
  });

  it('find the newest message in the order listByConversation gives, and whether a message has replies', () => {
    const { repo, add } = setUp();
    expect(repo.newestIn('c1')).toBeNull();
    add('m1', 'c1', null, 5);
    add('m2', 'c1', 'm1', 5);
    add('other', 'c2', null, 9);
    expect(repo.newestIn('c1')!.id).toBe(repo.listByConversation('c1').at(-1)!.id);
    expect(repo.hasChildren('m1')).toBe(true);
    expect(repo.hasChildren('m2')).toBe(false);
  });

  it('use indexes rather than reading the conversation', () => {
    const { db } = setUp();
    expect(plan(db, "SELECT 1 FROM messages WHERE status = 'streaming' AND conversation_id = ? LIMIT 1")).toMatch(/USING INDEX/);
    expect(plan(db, 'SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')).toMatch(/USING INDEX messages_by_conversation/);
    expect(plan(db, 'SELECT 1 FROM messages WHERE parent_id = ? LIMIT 1')).toMatch(/USING (COVERING )?INDEX messages_by_parent/);
  });
});
