import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { createMessageRepository } from '../../electron/db/message-repository';

describe('migration 0007 (reused explanations)', () => {
  it('records version 7 and leaves the answers already stored unmarked', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version < 7));
    db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('c', 'Old chat', 'openai', 1, 1)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES ('a', 'c', NULL, 'assistant', 'x', 'complete', 1, 1)").run();
    migrate(db, migrations.filter((m) => m.version <= 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);

    const messages = createMessageRepository(db);
    expect(messages.get('a')!.reused).toBeUndefined();
    const copied = messages.insert({ id: 'b', conversationId: 'c', parentId: null, role: 'assistant', content: 'y', status: 'complete', model: null, now: 2, reused: true });
    expect(copied.reused).toBe(true);
  });
});
