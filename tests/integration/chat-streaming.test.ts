import { afterEach, describe, expect, it } from 'vitest';
import { estimateCostUsd } from '../../shared/model-catalogue';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';

const fake = useFakeOpenAI();
afterEach(closeAllBackends);

const chunks = ['The ', 'quick ', 'brown ', 'fox ', 'jumps.'];

describe('a streamed answer', () => {
  it('arrives as deltas whose concatenation is exactly what is stored', async () => {
    fake.setScenario({ kind: 'stream', chunks, delayMs: 30 });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Say something');
    expect(assistantMessage).toMatchObject({ status: 'streaming', content: '' });

    const done = await tb.waitForDone(assistantMessage.id);
    const deltas = tb.deltasOf(assistantMessage.id);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(chunks.join(''));
    expect(done.content).toBe(chunks.join(''));
    const stored = await tb.value('messages:list', { conversationId: conversation.id });
    expect(stored.find((m) => m.id === assistantMessage.id)?.content).toBe(chunks.join(''));
  });

  it('stores usage, time to first token, total time and cost on the message', async () => {
    fake.setScenario({ kind: 'stream', chunks, firstDelayMs: 80, delayMs: 20, usage: { prompt_tokens: 1200, completion_tokens: 345 } });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Measure me');
    await tb.waitForDone(assistantMessage.id);

    const [, stored] = await tb.value('messages:list', { conversationId: conversation.id });
    expect(stored).toMatchObject({
      status: 'complete',
      error: null,
      finishReason: 'stop',
      model: 'gpt-4o-mini',
      usage: { promptTokens: 1200, completionTokens: 345 },
      costUsd: estimateCostUsd('gpt-4o-mini', 1200, 345),
    });
    expect(stored!.costUsd).toBeGreaterThan(0);
    expect(stored!.ttftMs).toBeGreaterThanOrEqual(70);
    expect(stored!.totalMs).toBeGreaterThanOrEqual(stored!.ttftMs! + 4 * 15);
  });

  it('asks for usage in the stream, with the key in the Authorization header', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const before = fake.requests.length;
    const { assistantMessage } = await tb.send(conversation.id, 'Hello');
    await tb.waitForDone(assistantMessage.id);

    expect(fake.requests).toHaveLength(before + 1);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.authorization).toBe(`Bearer ${tb.apiKey}`);
    expect(request.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } });
    expect(request.body.messages).toEqual([{ role: 'user', content: 'Hello' }]);
  });

  it('uses the base URL exactly as typed, path prefix included', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const typed = fake.baseUrl.replace(/\/v1$/, '/team-proxy/openai/v1');
    await tb.value('settings:setProvider', { baseUrl: typed, model: 'my-local-model' });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hello');
    const done = await tb.waitForDone(assistantMessage.id);

    expect(done.status).toBe('complete');
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/team-proxy/openai/v1/chat/completions');
    expect(request.body.model).toBe('my-local-model');
  });

  it('sends the earlier turns of the conversation with the next question', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const first = await tb.send(conversation.id, 'One');
    await tb.waitForDone(first.assistantMessage.id);
    const second = await tb.send(conversation.id, 'Two');
    await tb.waitForDone(second.assistantMessage.id);

    expect(second.userMessage.parentId).toBe(first.assistantMessage.id);
    expect(fake.requests.at(-1)!.body.messages).toEqual([
      { role: 'user', content: 'One' },
      { role: 'assistant', content: 'You said: One' },
      { role: 'user', content: 'Two' },
    ]);
  });

  it('titles a new conversation from its first message and says so', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    expect(conversation.title).toBe('New chat');
    const { assistantMessage } = await tb.send(conversation.id, 'Plan a weekend in Porto\nwith two kids');
    await tb.waitForDone(assistantMessage.id);

    const changed = tb.events.filter((e) => e.event === 'conversations:changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.payload).toMatchObject({ conversation: { id: conversation.id, title: 'Plan a weekend in Porto' } });
    const [listed] = await tb.value('conversations:list', {});
    expect(listed?.title).toBe('Plan a weekend in Porto');
  });

  it('sends chat:done exactly once per answer', async () => {
    fake.setScenario({ kind: 'stream', chunks, delayMs: 5 });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Once');
    await tb.waitForDone(assistantMessage.id);
    await tb.close();
    expect(tb.events.filter((e) => e.event === 'chat:done')).toHaveLength(1);
  });
});
