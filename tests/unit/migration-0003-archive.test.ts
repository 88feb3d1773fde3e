import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migration0001 } from '../../electron/db/migrations/0001-initial';
import { migration0002 } from '../../electron/db/migrations/0002-search';
import { migration0003 } from '../../electron/db/migrations/0003-archive';
import { createConversationRepository } from '../../electron/db/conversation-repository';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001, migration0002]);
  db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('old', 'Before the archive', 'openai', 1, 1)").run();
  migrate(db, [migration0001, migration0002, migration0003]);
});

describe('migration 0003 (archive)', () => {
  it('records version 3 and leaves existing conversations in the list', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT archived_at FROM conversations WHERE id = ?').get('old')).toEqual({ archived_at: null });
    expect(createConversationRepository(db).list().map((c) => c.id)).toEqual(['old']);
  });

  it('lists conversations through the index, without sorting them in memory', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM conversations WHERE archived_at IS NULL ORDER BY pinned DESC, updated_at DESC")
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('conversations_by_update');
    expect(plan).not.toContain('USE TEMP B-TREE');
  });

  it('hides an archived conversation from the list and shows it in the archive, newest archived first', () => {
    const repo = createConversationRepository(db);
    for (const id of ['a', 'b']) repo.create({ id, title: id, providerId: 'openai', model: null, origin: 'chat', now: 10 });
    repo.setArchived('a', 100);
    repo.setArchived('old', 200);
    expect(repo.list().map((c) => c.id)).toEqual(['b']);
    expect(repo.listArchived().map((c) => [c.id, c.archivedAt])).toEqual([['old', 200], ['a', 100]]);
    repo.setArchived('a', null);
    expect(repo.list().map((c) => c.id).sort()).toEqual(['a', 'b']);
  });
});
