import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

describe('sending a message', () => {
  it('refuses with NO_API_KEY when there is no key, and writes nothing', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl, apiKey: null });
    const conversation = await tb.newConversation();
    const requestsBefore = fake.requests.length;

    const answer = await tb.call('chat:send', { conversationId: conversation.id, content: 'Hello?' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NO_API_KEY' } });
    expect(await tb.value('messages:list', { conversationId: conversation.id })).toEqual([]);
    expect((await tb.value('conversations:list', {}))[0]?.title).toBe('New chat');
    expect(fake.requests.length).toBe(requestsBefore);
    expect(tb.events).toEqual([]);
  });

  it('works once a session key is given', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl, apiKey: null });
    await tb.value('secrets:setKey', { providerId: 'openai', key: 'sk-session-only-1234', sessionOnly: true });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hello');
    expect(await tb.waitForDone(assistantMessage.id)).toMatchObject({ status: 'complete' });
    expect(fake.requests.at(-1)?.authorization).toBe('Bearer sk-session-only-1234');
  });

  it('refuses a second message with BUSY while an answer is streaming', async () => {
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 50 }, (_, i) => `w${i} `), delayMs: 30 });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const first = await tb.send(conversation.id, 'First');

    const second = await tb.call('chat:send', { conversationId: conversation.id, content: 'Second' });
    expect(second).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await tb.value('messages:list', { conversationId: conversation.id })).map((m) => m.id)).toEqual([first.userMessage.id, first.assistantMessage.id]);

    await tb.value('chat:stop', { messageId: first.assistantMessage.id });
    await tb.waitForDone(first.assistantMessage.id);
    expect((await tb.call('chat:send', { conversationId: conversation.id, content: 'Second' })).ok).toBe(true);
  });

  it('sends a double-clicked Send once: both clicks get the same question and answer', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['Once'] });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const requestsBefore = fake.requests.filter((r) => r.body.stream === true).length;
    // Both arrive before the first has written anything: it is still waiting on the keychain.
    const [a, b] = await Promise.all([
      tb.call('chat:send', { conversationId: conversation.id, content: 'Hi' }),
      tb.call('chat:send', { conversationId: conversation.id, content: 'Hi' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(a).toEqual(b);
    if (!a.ok) return;
    await tb.waitForDone(a.value.assistantMessage.id);
    expect((await tb.value('messages:list', { conversationId: conversation.id })).map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(fake.requests.filter((r) => r.body.stream === true).length - requestsBefore).toBe(1);
  });

  it('refuses a different message sent while the first is still starting with BUSY', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['One'] });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const [a, b] = await Promise.all([
      tb.call('chat:send', { conversationId: conversation.id, content: 'One' }),
      tb.call('chat:send', { conversationId: conversation.id, content: 'Two' }),
    ]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    if (a.ok) await tb.waitForDone(a.value.assistantMessage.id);
    expect(await tb.value('messages:list', { conversationId: conversation.id })).toHaveLength(2);
  });

  it('regenerates once when Regenerate is pressed twice at once', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['Again'] });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const first = await tb.send(conversation.id, 'Hi');
    await tb.waitForDone(first.assistantMessage.id);
    const [a, b] = await Promise.all([
      tb.call('chat:regenerate', { messageId: first.assistantMessage.id }),
      tb.call('chat:regenerate', { messageId: first.assistantMessage.id }),
    ]);
    expect(a).toEqual(b);
    if (a.ok) await tb.waitForDone(a.value.assistantMessage.id);
    expect(await tb.value('messages:list', { conversationId: conversation.id })).toHaveLength(3);
  });

  it('lets another conversation send while one is streaming', async () => {
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 20 }, (_, i) => `w${i} `), delayMs: 20 });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const a = await tb.newConversation();
    const b = await tb.newConversation();
    const first = await tb.send(a.id, 'One');
    const second = await tb.send(b.id, 'Two');
    const [doneA, doneB] = await Promise.all([tb.waitForDone(first.assistantMessage.id), tb.waitForDone(second.assistantMessage.id)]);
    expect([doneA.status, doneB.status]).toEqual(['complete', 'complete']);
  });

  it('refuses a conversation that does not exist with NOT_FOUND', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    expect(await tb.call('chat:send', { conversationId: 'gone', content: 'Hi' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a reply to a message that is not in the conversation with NOT_FOUND, and writes nothing', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const answer = await tb.call('chat:send', { conversationId: conversation.id, parentId: 'elsewhere', content: 'Hi' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await tb.value('messages:list', { conversationId: conversation.id })).toEqual([]);
  });
});
