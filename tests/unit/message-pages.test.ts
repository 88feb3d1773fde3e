import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationRepository } from '../../electron/db/conversation-repository';
import { createMessageRepository, newestPageSql, pageBeforeSql, type MessageRepository } from '../../electron/db/message-repository';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

let db: Database.Database;
let messages: MessageRepository;

beforeEach(() => {
  db = migratedMemoryDatabase();
  messages = createMessageRepository(db);
  const conversations = createConversationRepository(db);
  for (const id of ['long', 'other']) conversations.create({ id, title: id, providerId: 'openai', model: null, origin: 'chat', now: 1 });
  db.transaction(() => {
    // Pairs share a timestamp, as a question and the answer row created with it can: order falls back to insertion.
    for (let i = 0; i < 10; i++) messages.insert({ id: `m${i}`, conversationId: 'long', parentId: null, role: 'user', content: `${i}`, status: 'complete', model: null, now: 100 + Math.floor(i / 2) });
    messages.insert({ id: 'x', conversationId: 'other', parentId: null, role: 'user', content: 'x', status: 'complete', model: null, now: 102 });
  })();
});

const ids = (list: { id: string }[]) => list.map((m) => m.id);

describe('reading a conversation a page at a time', () => {
  it('gives the newest page, oldest first like the whole list', () => {
    expect(ids(messages.listPage('long', 3))).toEqual(['m7', 'm8', 'm9']);
    expect(ids(messages.listByConversation('long')).slice(-3)).toEqual(['m7', 'm8', 'm9']);
  });

  it('walks back page by page without skipping or repeating a message, even between equal timestamps', () => {
    const seen: string[] = [];
    let page = messages.listPage('long', 3);
    while (page.length > 0) {
      seen.unshift(...ids(page));
      page = messages.listPage('long', 3, page[0]!.id);
    }
    expect(seen).toEqual(ids(messages.listByConversation('long')));
  });

  it('finds nothing before a message of another conversation', () => {
    expect(messages.listPage('long', 3, 'x')).toEqual([]);
  });

  it('reads the page from the conversation index, without sorting the conversation', () => {
    const detail = (sql: string, ...p: unknown[]) => db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...p).map((r) => r.detail);
    expect(detail(newestPageSql, 'long', 3)).toEqual(['SEARCH messages USING INDEX messages_by_conversation (conversation_id=?)']);
    const before = detail(pageBeforeSql, { conversationId: 'long', before: 'm5', limit: 3 });
    expect(before[0]).toMatch(/^SEARCH messages USING INDEX messages_by_conversation \(conversation_id=\? AND created_at<\?\)$/);
    expect(before.join('\n')).not.toMatch(/TEMP B-TREE|SCAN messages/);
  });
});
