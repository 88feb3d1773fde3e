import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { ftsIndexIsConsistent, searchMessages } from '../fixtures/sqlite';
import { closeAllBackends, makeBackend, sleep } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

it('indexes an answer for search exactly once, when it is done and not before', async () => {
  fake.setScenario({ kind: 'stream', chunks: ['The ', 'quokka ', 'smiles ', 'at ', 'everyone ', 'it ', 'meets ', 'today.'], delayMs: 120 });
  const tb = makeBackend({ baseUrl: fake.baseUrl });
  const conversation = await tb.newConversation();
  const { assistantMessage } = await tb.send(conversation.id, 'Tell me about an animal');

  const reader = new Database(tb.databaseFile, { readonly: true });
  try {
    const storedContent = () => reader.prepare<[string], { content: string; status: string }>('SELECT content, status FROM messages WHERE id = ?').get(assistantMessage.id)!;
    // Wait until a flush has put the word on disk while the answer still streams.
    const deadline = Date.now() + 5000;
    while (!storedContent().content.includes('quokka') && Date.now() < deadline) await sleep(20);
    expect(storedContent()).toMatchObject({ status: 'streaming', content: expect.stringContaining('quokka') });
    expect(searchMessages(reader, 'quokka')).toEqual([]);

    await tb.waitForDone(assistantMessage.id);
    const rowid = reader.prepare<[string], { rowid: number }>('SELECT rowid FROM messages WHERE id = ?').get(assistantMessage.id)!.rowid;
    expect(searchMessages(reader, 'quokka')).toEqual([rowid]);
    expect(searchMessages(reader, 'quokka AND today')).toEqual([rowid]);
  } finally {
    reader.close();
  }
  // MATCH would find a doubly indexed message once too; FTS5's integrity check would not pass it.
  const checker = new Database(tb.databaseFile);
  try {
    expect(ftsIndexIsConsistent(checker)).toBe(true);
  } finally {
    checker.close();
  }
});
