import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchMessages } from '../fixtures/sqlite';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { makeBackend } from '../fixtures/test-backend';

const fake = useFakeOpenAI({ kind: 'echo' });
const data = freshDataDirEachTest();

describe('conversations on disk', () => {
  it('survive closing and reopening, with their messages', async () => {
    const first = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const trip = await first.newConversation();
    const { assistantMessage } = await first.send(trip.id, 'Plan a trip');
    await first.waitForDone(assistantMessage.id);
    await first.value('conversations:rename', { id: trip.id, title: 'Lisbon trip' });
    await first.value('conversations:create', { title: 'Recipes' });
    const conversationsBefore = await first.value('conversations:list', {});
    const messagesBefore = await first.value('messages:list', { conversationId: trip.id });
    await first.close();

    const second = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    expect(await second.value('conversations:list', {})).toEqual(conversationsBefore);
    expect(await second.value('messages:list', { conversationId: trip.id })).toEqual(messagesBefore);
    expect(conversationsBefore.map((c) => c.title).sort()).toEqual(['Lisbon trip', 'Recipes']);
    expect(messagesBefore.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Plan a trip'],
      ['assistant', 'You said: Plan a trip'],
    ]);
  });

  it('list the most recently used first', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const older = await tb.value('conversations:create', { title: 'Older' });
    await new Promise((r) => setTimeout(r, 5));
    await tb.value('conversations:create', { title: 'Newer' });
    await new Promise((r) => setTimeout(r, 5));
    const { assistantMessage } = await tb.send(older.id, 'Bump');
    await tb.waitForDone(assistantMessage.id);
    expect((await tb.value('conversations:list', {})).map((c) => c.title)).toEqual(['Older', 'Newer']);
  });

  it('take their messages with them when deleted', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const doomed = await tb.newConversation();
    const kept = await tb.newConversation();
    for (const [c, text] of [[doomed, 'aardvark facts'], [kept, 'okapi facts']] as const) {
      const { assistantMessage } = await tb.send(c.id, text);
      await tb.waitForDone(assistantMessage.id);
    }

    expect(await tb.value('conversations:delete', { id: doomed.id })).toEqual({ deleted: true });
    const db = new Database(tb.databaseFile, { readonly: true });
    try {
      const count = (id: string) => db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(id)!.n;
      expect(count(doomed.id)).toBe(0);
      expect(count(kept.id)).toBe(2);
      expect(searchMessages(db, 'aardvark')).toEqual([]);
      expect(searchMessages(db, 'okapi')).toHaveLength(2);
    } finally {
      db.close();
    }
    expect(await tb.call('messages:list', { conversationId: doomed.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await tb.value('conversations:list', {})).map((c) => c.id)).toEqual([kept.id]);
  });

  it('answer deleted: false for a conversation that is not there', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    expect(await tb.value('conversations:delete', { id: 'never-was' })).toEqual({ deleted: false });
  });

  it('refuse a rename of a conversation that is not there with NOT_FOUND', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    expect(await tb.call('conversations:rename', { id: 'never-was', title: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
