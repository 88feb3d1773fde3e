import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, makeBackend, type TestBackend } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

/** A conversation with two finished turns, answered by the echo scenario. */
async function twoTurns(tb: TestBackend) {
  fake.setScenario({ kind: 'echo' });
  const conversation = await tb.newConversation();
  const first = await tb.send(conversation.id, 'One');
  await tb.waitForDone(first.assistantMessage.id);
  const second = await tb.send(conversation.id, 'Two');
  await tb.waitForDone(second.assistantMessage.id);
  return { conversation, first, second };
}

describe('regenerating an answer', () => {
  it('writes a new answer beside the old one, which stays as an earlier version', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { conversation, second } = await twoTurns(tb);
    fake.setScenario({ kind: 'stream', chunks: ['A ', 'fresh ', 'take.'] });

    const { assistantMessage } = await tb.value('chat:regenerate', { messageId: second.assistantMessage.id });
    expect(assistantMessage).toMatchObject({ parentId: second.userMessage.id, role: 'assistant', status: 'streaming', content: '' });
    expect(await tb.waitForDone(assistantMessage.id)).toMatchObject({ status: 'complete', content: 'A fresh take.' });

    const stored = await tb.value('messages:list', { conversationId: conversation.id });
    const answersToTwo = stored.filter((m) => m.parentId === second.userMessage.id);
    expect(answersToTwo.map((m) => m.content)).toEqual(['You said: Two', 'A fresh take.']);
  });

  it('asks the model with the question again, without the answer it replaces', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { second } = await twoTurns(tb);

    const { assistantMessage } = await tb.value('chat:regenerate', { messageId: second.assistantMessage.id });
    await tb.waitForDone(assistantMessage.id);
    expect(fake.requests.at(-1)!.body.messages).toEqual([
      { role: 'user', content: 'One' },
      { role: 'assistant', content: 'You said: One' },
      { role: 'user', content: 'Two' },
    ]);
  });

  it('answers a question again when given the question itself', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { second } = await twoTurns(tb);
    const { assistantMessage } = await tb.value('chat:regenerate', { messageId: second.userMessage.id });
    expect(assistantMessage.parentId).toBe(second.userMessage.id);
    expect((await tb.waitForDone(assistantMessage.id)).content).toBe('You said: Two');
  });

  it('is refused with BUSY while an answer is streaming, and writes nothing', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { conversation, first } = await twoTurns(tb);
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 40 }, (_, i) => `w${i} `), delayMs: 25 });
    const third = await tb.send(conversation.id, 'Three');
    const countBefore = (await tb.value('messages:list', { conversationId: conversation.id })).length;

    expect(await tb.call('chat:regenerate', { messageId: first.assistantMessage.id })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(await tb.call('chat:edit', { messageId: first.userMessage.id, content: 'Uno' })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await tb.value('messages:list', { conversationId: conversation.id })).length).toBe(countBefore);
    await tb.value('chat:stop', { messageId: third.assistantMessage.id });
    await tb.waitForDone(third.assistantMessage.id);
  });

  it('is refused with NO_API_KEY without a key, leaving no empty answer behind', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl, apiKey: null });
    await tb.value('secrets:setKey', { providerId: 'openai', key: 'sk-session-only-1234', sessionOnly: true });
    const { conversation, second } = await twoTurns(tb);
    await tb.value('secrets:deleteKey', { providerId: 'openai' });

    expect(await tb.call('chat:regenerate', { messageId: second.assistantMessage.id })).toMatchObject({ ok: false, error: { code: 'NO_API_KEY' } });
    expect(await tb.value('messages:list', { conversationId: conversation.id })).toHaveLength(4);
  });

  it('says NOT_FOUND for a message that does not exist', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    expect(await tb.call('chat:regenerate', { messageId: 'no-such-message' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('editing a sent message', () => {
  it('adds the new text beside the old question, with a new answer under it', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { conversation, first, second } = await twoTurns(tb);

    const { userMessage, assistantMessage } = await tb.value('chat:edit', { messageId: second.userMessage.id, content: 'Two, but better' });
    expect(userMessage).toMatchObject({ parentId: first.assistantMessage.id, role: 'user', content: 'Two, but better' });
    expect(assistantMessage).toMatchObject({ parentId: userMessage.id, status: 'streaming' });
    expect((await tb.waitForDone(assistantMessage.id)).content).toBe('You said: Two, but better');

    const stored = await tb.value('messages:list', { conversationId: conversation.id });
    expect(stored.filter((m) => m.parentId === first.assistantMessage.id).map((m) => m.content)).toEqual(['Two', 'Two, but better']);
    // The old question keeps its own answer.
    expect(stored.find((m) => m.parentId === second.userMessage.id)?.content).toBe('You said: Two');
  });

  it('sends the earlier turns and the edited text, and nothing of the old version', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { second } = await twoTurns(tb);
    const { assistantMessage } = await tb.value('chat:edit', { messageId: second.userMessage.id, content: 'Deux' });
    await tb.waitForDone(assistantMessage.id);
    expect(fake.requests.at(-1)!.body.messages).toEqual([
      { role: 'user', content: 'One' },
      { role: 'assistant', content: 'You said: One' },
      { role: 'user', content: 'Deux' },
    ]);
  });

  it('makes a second first message when the first one is edited, leaving the title alone', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { conversation, first } = await twoTurns(tb);
    const { userMessage, assistantMessage } = await tb.value('chat:edit', { messageId: first.userMessage.id, content: 'Start over' });
    await tb.waitForDone(assistantMessage.id);

    expect(userMessage.parentId).toBeNull();
    expect(fake.requests.at(-1)!.body.messages).toEqual([{ role: 'user', content: 'Start over' }]);
    expect((await tb.value('conversations:list', {})).find((c) => c.id === conversation.id)?.title).toBe('One');
  });

  it('refuses to edit an answer', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { second } = await twoTurns(tb);
    expect(await tb.call('chat:edit', { messageId: second.assistantMessage.id, content: 'Rewritten' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Only your own messages can be edited.' },
    });
  });
});

describe('sending on an earlier branch', () => {
  it('continues the branch the parent belongs to, not the newest one', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { conversation, second } = await twoTurns(tb);
    const edited = await tb.value('chat:edit', { messageId: second.userMessage.id, content: 'Other two' });
    await tb.waitForDone(edited.assistantMessage.id);

    // The person switched back to the first version of the second question and carries on from its answer.
    const reply = await tb.value('chat:send', { conversationId: conversation.id, parentId: second.assistantMessage.id, content: 'Three' });
    await tb.waitForDone(reply.assistantMessage.id);
    expect(reply.userMessage.parentId).toBe(second.assistantMessage.id);
    expect(fake.requests.at(-1)!.body.messages?.map((m) => m.content)).toEqual(['One', 'You said: One', 'Two', 'You said: Two', 'Three']);
  });
});
