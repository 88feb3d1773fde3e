import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migration0001 } from '../../electron/db/migrations/0001-initial';
import { ftsIndexBlocks, ftsIndexIsConsistent, searchMessages } from '../fixtures/sqlite';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001]);
  db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('c1', 'Chat', 'openai', 1, 1)").run();
});

function insertMessage(id: string, content: string, status: string, parentId: string | null = null, conversationId = 'c1'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at)
         VALUES (?, ?, ?, 'assistant', ?, ?, 1, 1)`,
      )
      .run(id, conversationId, parentId, content, status).lastInsertRowid,
  );
}

const flush = (id: string, content: string) => db.prepare("UPDATE messages SET content = ? WHERE id = ? AND status = 'streaming'").run(content, id);
const finish = (id: string, status: string) => db.prepare('UPDATE messages SET status = ? WHERE id = ?').run(status, id);

describe('migration 0001 (initial)', () => {
  it('records version 1', () => {
    expect(migration0001.version).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('creates the conversations, messages, search index and settings tables', () => {
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all().map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['conversations', 'messages', 'messages_fts', 'settings', 'messages_fts_insert', 'messages_fts_index', 'messages_fts_unindex', 'messages_fts_delete']),
    );
  });

  it('indexes a message inserted complete', () => {
    const rowid = insertMessage('m1', 'the capybara swims', 'complete');
    expect(searchMessages(db, 'capybara')).toEqual([rowid]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('does not index a message while it is streaming', () => {
    insertMessage('m1', '', 'streaming');
    flush('m1', 'the capybara');
    expect(searchMessages(db, 'capybara')).toEqual([]);
  });

  it('leaves the index untouched by flushes of a streaming message', () => {
    insertMessage('done', 'an older answer', 'complete');
    insertMessage('m1', '', 'streaming');
    const before = ftsIndexBlocks(db);
    for (const text of ['the', 'the capybara', 'the capybara swims', 'the capybara swims far']) flush('m1', text);
    expect(ftsIndexBlocks(db)).toBe(before);
  });

  it.each([['complete'], ['cancelled'], ['error'], ['interrupted']])('indexes the message once when it leaves streaming as %s', (status) => {
    const rowid = insertMessage('m1', '', 'streaming');
    flush('m1', 'the capybara swims');
    finish('m1', status);
    expect(searchMessages(db, 'capybara')).toEqual([rowid]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('catches a message indexed twice (the consistency check this suite relies on)', () => {
    const rowid = insertMessage('m1', 'the capybara swims', 'complete');
    db.prepare('INSERT INTO messages_fts (rowid, content) VALUES (?, ?)').run(rowid, 'the capybara swims');
    expect(ftsIndexIsConsistent(db)).toBe(false);
  });

  it('re-indexes a finished message whose text changes', () => {
    const rowid = insertMessage('m1', 'old shared words', 'complete');
    db.prepare("UPDATE messages SET content = 'new shared words' WHERE id = 'm1'").run();
    expect(searchMessages(db, 'old')).toEqual([]);
    expect(searchMessages(db, 'new')).toEqual([rowid]);
    expect(searchMessages(db, 'shared')).toEqual([rowid]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('keeps a finished message searchable when only its status changes', () => {
    const rowid = insertMessage('m1', 'the capybara swims', 'interrupted');
    finish('m1', 'error');
    expect(searchMessages(db, 'capybara')).toEqual([rowid]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('removes a finished message from the index while it streams again, and indexes the new text', () => {
    const rowid = insertMessage('m1', 'the capybara', 'interrupted');
    finish('m1', 'streaming');
    expect(searchMessages(db, 'capybara')).toEqual([]);
    flush('m1', 'the capybara swims on');
    finish('m1', 'complete');
    expect(searchMessages(db, 'capybara AND swims')).toEqual([rowid]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('removes a deleted message from the index', () => {
    insertMessage('m1', 'the capybara swims', 'complete');
    const keep = insertMessage('m2', 'a capybara sleeps', 'complete');
    db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
    expect(searchMessages(db, 'capybara')).toEqual([keep]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('deletes a streaming message without touching the index', () => {
    insertMessage('done', 'an older answer', 'complete');
    insertMessage('m1', 'half', 'streaming');
    const before = ftsIndexBlocks(db);
    db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
    expect(ftsIndexBlocks(db)).toBe(before);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it("removes a conversation's messages, and their index entries, with it", () => {
    insertMessage('m1', 'the capybara swims', 'complete');
    insertMessage('m2', 'still streaming', 'streaming');
    db.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
    expect(searchMessages(db, 'capybara')).toEqual([]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('keeps a reply when the message it answered is deleted, with no parent', () => {
    insertMessage('q', 'question', 'complete');
    insertMessage('a', 'answer', 'complete', 'q');
    db.prepare("DELETE FROM messages WHERE id = 'q'").run();
    expect(db.prepare("SELECT parent_id FROM messages WHERE id = 'a'").get()).toEqual({ parent_id: null });
  });

  it('finds words without their accents', () => {
    const rowid = insertMessage('m1', 'un café crème', 'complete');
    expect(searchMessages(db, 'cafe creme')).toEqual([rowid]);
  });

  it('refuses an unknown message status or conversation origin', () => {
    expect(() => insertMessage('m1', 'x', 'pending')).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO conversations (id, title, provider_id, origin, created_at, updated_at) VALUES ('c2', 't', 'p', 'web', 1, 1)").run(),
    ).toThrow(/CHECK/);
  });

  it('refuses a message for a conversation that does not exist', () => {
    expect(() => insertMessage('m1', 'x', 'complete', null, 'nope')).toThrow(/FOREIGN KEY/);
  });
});
