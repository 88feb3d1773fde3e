import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import { continueInstruction } from '../../electron/services/chat/continuation';
import { restartedAfterCrash } from '../fixtures/crash-leftovers';
import { ftsIndexIsConsistent, searchMessages } from '../fixtures/sqlite';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { makeBackend, sleep, type TestBackend } from '../fixtures/test-backend';

const fake = useFakeOpenAI();
const data = freshDataDirEachTest();

/** The `chat:done` of `messageId` that comes after the first `skip` events: a continued answer ends twice. */
async function doneAfter(tb: TestBackend, skip: number, messageId: string): Promise<Message> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    for (const e of tb.events.slice(skip)) if (e.event === 'chat:done' && e.payload.message.id === messageId) return e.payload.message;
    await sleep(10);
  }
  throw new Error(`no chat:done for ${messageId}`);
}

/** What a crash leaves behind, seen by the next start: a question and an answer cut mid-sentence. */
const interruptedAnswer = () =>
  restartedAfterCrash(
    { baseUrl: fake.baseUrl, dataDir: data.dir },
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, prompt_tokens, completion_tokens, ttft_ms, total_ms, created_at, updated_at) VALUES
     ('q1', @c, NULL, 'user', 'Tell me about wombats', 'complete', NULL, NULL, NULL, NULL, 1, 1),
     ('a1', @c, 'q1', 'assistant', 'Wombats are marsupials that ', 'streaming', 20, 6, 120, 900, 2, 2)`,
  );

describe('continuing a cut answer', () => {
  it('adds the rest to the same message, which ends complete with the cut text kept in front', async () => {
    const { tb, conversationId } = await interruptedAnswer();
    fake.setScenario({ kind: 'stream', chunks: ['dig ', 'burrows.'], usage: { prompt_tokens: 40, completion_tokens: 2 } });

    const { assistantMessage } = await tb.value('chat:continue', { messageId: 'a1' });
    expect(assistantMessage).toMatchObject({ id: 'a1', status: 'streaming', content: 'Wombats are marsupials that ', error: null });
    const done = await doneAfter(tb, 0, 'a1');

    expect(done).toMatchObject({ status: 'complete', error: null, content: 'Wombats are marsupials that dig burrows.', finishReason: 'stop' });
    // Only the new text travels as deltas: the window already shows the rest.
    expect(tb.deltasOf('a1').join('')).toBe('dig burrows.');
    // Both attempts were paid for.
    expect(done.usage).toEqual({ promptTokens: 60, completionTokens: 8 });
    expect(done.totalMs).toBeGreaterThanOrEqual(900);
    expect(await tb.value('messages:list', { conversationId })).toHaveLength(2);
  });

  it('sends the cut answer as it stands and asks the model to go on from there', async () => {
    const { tb } = await interruptedAnswer();
    fake.setScenario({ kind: 'echo' });
    await tb.value('chat:continue', { messageId: 'a1' });
    await doneAfter(tb, 0, 'a1');
    expect(fake.requests.at(-1)!.body.messages).toEqual([
      { role: 'user', content: 'Tell me about wombats' },
      { role: 'assistant', content: 'Wombats are marsupials that ' },
      { role: 'user', content: continueInstruction },
    ]);
  });

  it('continues an answer the model cut at its token limit', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['A list: one, ', 'two, '], finishReason: 'length' });
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Count to four');
    expect(await tb.waitForDone(assistantMessage.id)).toMatchObject({ status: 'complete', finishReason: 'length' });

    fake.setScenario({ kind: 'stream', chunks: ['three, ', 'four.'] });
    const mark = tb.events.length;
    await tb.value('chat:continue', { messageId: assistantMessage.id });
    expect(await doneAfter(tb, mark, assistantMessage.id)).toMatchObject({ content: 'A list: one, two, three, four.', finishReason: 'stop' });
  });

  it('continues a stopped answer, and keeps both parts when the continuation fails too', async () => {
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 40 }, (_, i) => `w${i} `), delayMs: 20 });
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Go on and on');
    await tb.waitForText(assistantMessage.id, 6);
    await tb.value('chat:stop', { messageId: assistantMessage.id });
    const stopped = await tb.waitForDone(assistantMessage.id);
    expect(stopped.status).toBe('cancelled');

    fake.setScenario({ kind: 'stream', chunks: ['more ', 'words ', 'then'], fault: { type: 'reset', afterChunks: 2 } });
    const mark = tb.events.length;
    await tb.value('chat:continue', { messageId: assistantMessage.id });
    const failed = await doneAfter(tb, mark, assistantMessage.id);
    expect(failed).toMatchObject({ status: 'error', error: { code: 'NETWORK' }, content: `${stopped.content}more words ` });
  });

  it('keeps the search index right through reopening and finishing again', async () => {
    const { tb } = await interruptedAnswer();
    fake.setScenario({ kind: 'stream', chunks: ['dig ', 'burrows.'] });
    await tb.value('chat:continue', { messageId: 'a1' });
    await doneAfter(tb, 0, 'a1');
    const db = new Database(tb.databaseFile);
    try {
      expect(searchMessages(db, 'marsupials')).toHaveLength(1);
      expect(searchMessages(db, 'burrows')).toHaveLength(1);
      expect(ftsIndexIsConsistent(db)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses an answer that finished normally', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hi');
    await tb.waitForDone(assistantMessage.id);
    expect(await tb.call('chat:continue', { messageId: assistantMessage.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses a cut answer the conversation has gone on from, leaving it as it was', async () => {
    const { tb, conversationId } = await interruptedAnswer();
    fake.setScenario({ kind: 'echo' });
    const next = await tb.value('chat:send', { conversationId, parentId: 'a1', content: 'Never mind' });
    await tb.waitForDone(next.assistantMessage.id);

    const answer = await tb.call('chat:continue', { messageId: 'a1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('Regenerate it instead') } });
    const stored = (await tb.value('messages:list', { conversationId })).find((m) => m.id === 'a1');
    expect(stored).toMatchObject({ status: 'interrupted', content: 'Wombats are marsupials that ' });
  });

  it('refuses with BUSY while another answer of the conversation is streaming', async () => {
    const { tb, conversationId } = await interruptedAnswer();
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 40 }, (_, i) => `w${i} `), delayMs: 25 });
    const { assistantMessage } = await tb.value('chat:regenerate', { messageId: 'a1' });
    expect(await tb.call('chat:continue', { messageId: 'a1' })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await tb.value('messages:list', { conversationId })).find((m) => m.id === 'a1')?.status).toBe('interrupted');
    await tb.value('chat:stop', { messageId: assistantMessage.id });
    await tb.waitForDone(assistantMessage.id);
  });
});
