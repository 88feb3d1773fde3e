import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migration0001 } from '../../electron/db/migrations/0001-initial';
import { migration0002 } from '../../electron/db/migrations/0002-search';
import { ftsIndexBlocks, ftsIndexIsConsistent, searchMessages } from '../fixtures/sqlite';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001]);
});

const toLatest = () => migrate(db, [migration0001, migration0002]);

function insertConversation(id: string, title: string): number {
  return Number(
    db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES (?, ?, 'openai', 1, 1)").run(id, title).lastInsertRowid,
  );
}

function insertMessage(id: string, content: string, status: string, conversationId = 'c1'): number {
  return Number(
    db
      .prepare(`INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, ?, 'assistant', ?, ?, 1, 1)`)
      .run(id, conversationId, content, status).lastInsertRowid,
  );
}

const searchTitles = (query: string) =>
  db.prepare<[string], { rowid: number }>('SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ? ORDER BY rowid').all(query).map((r) => r.rowid);

const titlesConsistent = () => {
  try {
    db.exec("INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1)");
    return true;
  } catch {
    return false;
  }
};

describe('migration 0002 (search)', () => {
  it('records version 2', () => {
    toLatest();
    expect(migration0002.version).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('keeps every finished message searchable, and leaves a streaming one out of the index', () => {
    insertConversation('c1', 'Animals');
    const done = insertMessage('m1', 'the capybara swims', 'complete');
    const stopped = insertMessage('m2', 'a capybara, stopped', 'cancelled');
    const streaming = insertMessage('m3', 'a capybara still streaming', 'streaming');
    toLatest();
    expect(searchMessages(db, 'capybara')).toEqual([done, stopped]);
    // FTS5's check compares with every row of messages, streaming ones too: it can only pass once none streams.
    db.prepare("UPDATE messages SET status = 'complete' WHERE id = 'm3'").run();
    expect(searchMessages(db, 'capybara')).toEqual([done, stopped, streaming]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('indexes the streaming message once it finishes, as the triggers of 0001 did', () => {
    insertConversation('c1', 'Animals');
    const rowid = insertMessage('m1', '', 'streaming');
    toLatest();
    db.prepare("UPDATE messages SET content = 'the quokka smiles' WHERE id = 'm1'").run();
    expect(searchMessages(db, 'quokka')).toEqual([]);
    db.prepare("UPDATE messages SET status = 'complete' WHERE id = 'm1'").run();
    expect(searchMessages(db, 'quokka')).toEqual([rowid]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('keeps the index untouched by flushes of a streaming message', () => {
    toLatest();
    insertConversation('c1', 'Animals');
    insertMessage('done', 'an older answer', 'complete');
    insertMessage('m1', '', 'streaming');
    const before = ftsIndexBlocks(db);
    for (const text of ['the', 'the capybara', 'the capybara swims']) db.prepare("UPDATE messages SET content = ? WHERE id = 'm1'").run(text);
    expect(ftsIndexBlocks(db)).toBe(before);
  });

  it('re-indexes an edited message and forgets a deleted one', () => {
    toLatest();
    insertConversation('c1', 'Animals');
    const edited = insertMessage('m1', 'old shared words', 'complete');
    insertMessage('m2', 'gone shared words', 'complete');
    db.prepare("UPDATE messages SET content = 'new shared words' WHERE id = 'm1'").run();
    db.prepare("DELETE FROM messages WHERE id = 'm2'").run();
    expect(searchMessages(db, 'old')).toEqual([]);
    expect(searchMessages(db, 'gone')).toEqual([]);
    expect(searchMessages(db, 'shared')).toEqual([edited]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
  });

  it('stores no word positions, which keeps the index small', () => {
    toLatest();
    expect(db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").get()!.sql).toMatch(/detail\s*=\s*none/);
    insertConversation('c1', 'Animals');
    insertMessage('m1', 'the capybara swims', 'complete');
    expect(() => db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH '\"capybara swims\"'").all()).toThrow(/phrase/);
  });

  it('indexes the titles of conversations that existed before it', () => {
    const trip = insertConversation('c1', 'Trip to Lisbon');
    insertConversation('c2', 'Tax return');
    toLatest();
    expect(searchTitles('lisbon')).toEqual([trip]);
    expect(titlesConsistent()).toBe(true);
  });

  it('keeps titles searchable through create, rename and delete', () => {
    toLatest();
    const trip = insertConversation('c1', 'Trip to Lisbon');
    const other = insertConversation('c2', 'Café crème recipes');
    expect(searchTitles('trip')).toEqual([trip]);
    db.prepare("UPDATE conversations SET title = 'Holiday in Porto' WHERE id = 'c1'").run();
    expect(searchTitles('trip')).toEqual([]);
    expect(searchTitles('porto')).toEqual([trip]);
    expect(searchTitles('cafe creme')).toEqual([other]);
    db.prepare("UPDATE conversations SET pinned = 1 WHERE id = 'c1'").run();
    expect(searchTitles('porto')).toEqual([trip]);
    db.prepare("DELETE FROM conversations WHERE id = 'c2'").run();
    expect(searchTitles('cafe')).toEqual([]);
    expect(titlesConsistent()).toBe(true);
  });

  it("removes a deleted conversation's messages from the index with it", () => {
    toLatest();
    insertConversation('c1', 'Animals');
    insertMessage('m1', 'the capybara swims', 'complete');
    db.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(searchMessages(db, 'capybara')).toEqual([]);
    expect(ftsIndexIsConsistent(db)).toBe(true);
    expect(titlesConsistent()).toBe(true);
  });
});
