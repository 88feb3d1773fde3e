import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { createSearchRepository } from '../../electron/db/search-repository';

let db: Database.Database;
const beforeTerms = migrations.filter((m) => m.version < 4);

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, beforeTerms);
  db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('old', 'Before', 'openai', 1, 1)").run();
  const insert = db.prepare("INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, 'old', 'user', ?, ?, 1, 1)");
  insert.run('done', 'Capybaras enjoy Water', 'complete');
  insert.run('live', 'streaming words unseen', 'streaming');
  // Up to this migration only: a later one moves user_version on.
  migrate(db, migrations.filter((m) => m.version <= 4));
});

describe('migration 0004 (search terms)', () => {
  it('records version 4 and lists every word already indexed, and only those', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all()).toEqual(['capybaras', 'enjoy', 'water']);
    expect(db.prepare('SELECT count(*) FROM search_terms_pending').pluck().get()).toBe(0);
  });

  it('notes a message when it enters the index, and finds it by the word being typed', () => {
    db.prepare("UPDATE messages SET status = 'complete', content = 'finished answer' WHERE id = 'live'").run();
    expect(db.prepare('SELECT count(*) FROM search_terms_pending').pluck().get()).toBe(1);
    expect(createSearchRepository(db).newestMessages('fini', 5).map((h) => h.messageId)).toEqual(['live']);
    expect(createSearchRepository(db).newestMessages('capy', 5).map((h) => h.messageId)).toEqual(['done']);
  });
});
