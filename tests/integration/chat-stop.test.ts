import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

/** A long, slow answer: 200 words at 40 ms each would take 8 s if nobody stopped it. */
const slowAnswer = { kind: 'stream' as const, chunks: Array.from({ length: 200 }, (_, i) => `word${i} `), delayMs: 40 };

describe('stopping an answer', () => {
  it('keeps the partial answer as cancelled, and settles quickly', async () => {
    fake.setScenario(slowAnswer);
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Write a lot');
    await tb.waitForText(assistantMessage.id, 'word0 word1 word2 '.length);

    const stopAt = Date.now();
    expect(await tb.value('chat:stop', { messageId: assistantMessage.id })).toEqual({ stopped: true });
    const done = await tb.waitForDone(assistantMessage.id, 2000);
    expect(Date.now() - stopAt).toBeLessThan(500);

    expect(done).toMatchObject({ status: 'cancelled', error: null });
    expect(done.content).toMatch(/^word0 word1 word2 /);
    expect(done.content.length).toBeLessThan(slowAnswer.chunks.join('').length);
    expect(done.content).toBe(tb.deltasOf(assistantMessage.id).join(''));
    const stored = (await tb.value('messages:list', { conversationId: conversation.id })).find((m) => m.id === assistantMessage.id);
    expect(stored).toEqual(done);
  });

  it('sends nothing more for the message once stopped', async () => {
    fake.setScenario(slowAnswer);
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Write a lot');
    await tb.waitForText(assistantMessage.id);
    await tb.value('chat:stop', { messageId: assistantMessage.id });
    const done = await tb.waitForDone(assistantMessage.id, 2000);
    const eventsAtDone = tb.events.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(tb.events.length).toBe(eventsAtDone);
    expect(tb.deltasOf(assistantMessage.id).join('')).toBe(done.content);
  });

  it('answers stopped: false for an answer that already finished or never existed', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Quick');
    const done = await tb.waitForDone(assistantMessage.id);
    expect(await tb.value('chat:stop', { messageId: assistantMessage.id })).toEqual({ stopped: false });
    expect(await tb.value('chat:stop', { messageId: 'no-such-message' })).toEqual({ stopped: false });
    const stored = (await tb.value('messages:list', { conversationId: conversation.id })).find((m) => m.id === assistantMessage.id);
    expect(stored).toEqual(done);
  });

  it('stores an answer in flight as cancelled when the backend closes', async () => {
    fake.setScenario(slowAnswer);
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Write a lot');
    await tb.waitForText(assistantMessage.id);
    await tb.backend.close();
    const done = tb.events.find((e) => e.event === 'chat:done');
    expect(done?.payload).toMatchObject({ message: { id: assistantMessage.id, status: 'cancelled' } });
  });
});
