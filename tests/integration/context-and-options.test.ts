import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { defaultContextWindow } from '../../shared/model-catalogue';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, makeBackend, type TestBackend } from '../fixtures/test-backend';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

async function ask(tb: TestBackend, conversationId: string, content: string) {
  const { assistantMessage } = await tb.send(conversationId, content);
  await tb.waitForDone(assistantMessage.id);
  return fake.requests.at(-1)!.body;
}

/** About 300 tokens, led by a word that says which message it is. */
const longMessage = (topic: string) => `${topic} ${'lorem '.repeat(300)}`;

describe('the history sent with a request', () => {
  it('sends the system prompt and only the newest messages that fit, as the estimate said', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    // gpt-4 has 8,192 tokens; keeping 7,000 for the answer leaves about 1,200 for the prompt.
    await tb.value('conversations:setOptions', { id, model: 'gpt-4', systemPrompt: 'Answer briefly.', maxOutputTokens: 7_000 });
    await ask(tb, id, longMessage('FIRST'));
    await ask(tb, id, longMessage('SECOND'));

    const estimate = await tb.value('chat:estimate', { conversationId: id, content: longMessage('THIRD') });
    expect(estimate).toMatchObject({ model: 'gpt-4', contextWindow: 8_192, contextWindowKnown: true, reservedForAnswer: 7_000, sentMessages: 2, omittedMessages: 2, fits: true });
    expect(estimate.promptTokens).toBeLessThanOrEqual(8_192 - 7_000);
    expect(estimate.estimatedCostUsd).toBeCloseTo((estimate.promptTokens * 30) / 1_000_000, 10);

    const body = await ask(tb, id, longMessage('THIRD'));
    expect(body.messages!.map((m) => `${m.role}:${m.content.split(' ').slice(0, 3).join(' ')}`)).toEqual([
      'system:Answer briefly.',
      'user:SECOND lorem lorem',
      'assistant:You said: SECOND',
      'user:THIRD lorem lorem',
    ]);
    expect(body.max_tokens).toBe(7_000);
    expect(body).not.toHaveProperty('temperature');
  });

  it('sends the whole conversation when it fits', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    await ask(tb, id, 'One');
    const body = await ask(tb, id, 'Two');
    expect(body.messages!.map((m) => m.content)).toEqual(['One', 'You said: One', 'Two']);
  });
});

describe('per-conversation options', () => {
  it('leaves temperature and the maximum out until they are chosen, then sends them', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    const plain = await ask(tb, id, 'Hello');
    expect(plain).not.toHaveProperty('temperature');
    expect(plain).not.toHaveProperty('max_tokens');

    await tb.value('conversations:setOptions', { id, temperature: 0.3, maxOutputTokens: 256 });
    const chosen = await ask(tb, id, 'Again');
    expect(chosen).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.3, max_tokens: 256 });
  });

  it('asks a reasoning model for max_completion_tokens and leaves its temperature alone', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    await tb.value('conversations:setOptions', { id, model: 'gpt-5-mini', temperature: 0.5, maxOutputTokens: 300 });
    const body = await ask(tb, id, 'Think');
    expect(body).toMatchObject({ model: 'gpt-5-mini', max_completion_tokens: 300 });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('falls back to the defaults from Settings for what a conversation has not chosen', async () => {
    fake.setScenario({ kind: 'echo' });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    await tb.value('settings:setChatDefaults', { systemPrompt: 'Be terse.', temperature: 1.2, maxOutputTokens: null });
    const { id } = await tb.newConversation();
    expect((await ask(tb, id, 'Hi')).messages![0]).toEqual({ role: 'system', content: 'Be terse.' });
    expect(fake.requests.at(-1)!.body.temperature).toBe(1.2);

    await tb.value('conversations:setOptions', { id, systemPrompt: 'Be verbose.' });
    expect((await ask(tb, id, 'Hi again')).messages![0]).toEqual({ role: 'system', content: 'Be verbose.' });

    // Emptying the prompt returns the conversation to the default.
    const back = await tb.value('conversations:setOptions', { id, systemPrompt: '  ' });
    expect(back.systemPrompt).toBeNull();
    expect((await ask(tb, id, 'And now')).messages![0]).toEqual({ role: 'system', content: 'Be terse.' });
  });

  it('keeps the choices when Parley is reopened, and tells other windows about a new model', async () => {
    const dataDir = makeTempDir();
    onTestFinished(() => removeTempDir(dataDir));
    const first = makeBackend({ baseUrl: fake.baseUrl, dataDir });
    const { id } = await first.newConversation();
    await first.value('conversations:setOptions', { id, model: 'gpt-4o', temperature: 0.9 });
    expect(first.events).toContainEqual({ event: 'conversations:changed', payload: { conversation: expect.objectContaining({ id, model: 'gpt-4o' }) } });
    await first.value('settings:setChatDefaults', { systemPrompt: null, temperature: null, maxOutputTokens: 1_000 });
    await first.close();

    const reopened = makeBackend({ baseUrl: fake.baseUrl, dataDir });
    expect(await reopened.value('conversations:getOptions', { id })).toEqual({ id, model: 'gpt-4o', systemPrompt: null, temperature: 0.9, maxOutputTokens: null });
    expect(await reopened.value('settings:getChatDefaults', {})).toEqual({ systemPrompt: null, temperature: null, maxOutputTokens: 1_000 });
    await reopened.close();
  });

  it('answers NOT_FOUND for a conversation that does not exist', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const r = await tb.call('conversations:setOptions', { id: 'nope', temperature: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await tb.call('chat:estimate', { conversationId: 'nope', content: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the estimate', () => {
  it('counts a draft for a new chat that has no conversation yet', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const estimate = await tb.value('chat:estimate', { content: 'hello world' });
    expect(estimate).toMatchObject({ model: 'gpt-4o-mini', sentMessages: 0, omittedMessages: 0, fits: true });
    // Two tokens of text plus the chat format's overheads.
    expect(estimate.promptTokens).toBe(2 + 4 + 3);
    expect(estimate.estimatedCostUsd).toBeGreaterThan(0);
  });

  it('assumes a window and says the cost is unknown for a model not in the catalogue', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    await tb.value('conversations:setOptions', { id, model: 'llama3.2:3b' });
    const estimate = await tb.value('chat:estimate', { conversationId: id, content: 'hello' });
    expect(estimate).toMatchObject({ model: 'llama3.2:3b', contextWindow: defaultContextWindow, contextWindowKnown: false, estimatedCostUsd: null });
  });
});
