import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI, type Scenario } from '../fixtures/fake-openai-server';
import { closeAllBackends, closedPortUrl, makeBackend } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

// Streamed requests only: a title request after the answer is not an attempt at it.
const chatRequests = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions') && r.body.stream === true).length;

/** Sends one question under `scenario`, or under a scenario per attempt; counts the attempts at the server. */
async function answerAt(baseUrl: string, scenario?: Scenario | ((nth: number) => Scenario)) {
  fake.setScenarioHandler(typeof scenario === 'function' ? (_, nth) => scenario(nth) : null);
  if (scenario && typeof scenario !== 'function') fake.setScenario(scenario);
  const tb = makeBackend({ baseUrl });
  const conversation = await tb.newConversation();
  const requestsBefore = chatRequests();
  const started = Date.now();
  const { assistantMessage } = await tb.send(conversation.id, 'Hello');
  const done = await tb.waitForDone(assistantMessage.id);
  const elapsedMs = Date.now() - started;
  const all = await tb.value('messages:list', { conversationId: conversation.id });
  const stored = all.find((m) => m.id === assistantMessage.id)!;
  return { done, stored, requests: chatRequests() - requestsBefore, elapsedMs, messages: all };
}

afterEach(() => fake.setScenarioHandler(null));

describe('a request the provider refuses', () => {
  it('reports a 401 as an invalid key, stored on the message, without trying again', async () => {
    const { done, stored, requests } = await answerAt(fake.baseUrl, { kind: 'status', status: 401 });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'INVALID_KEY' } });
    expect(stored).toEqual(done);
    expect(requests).toBe(1);
  });

  it('reports a 403 as a key not allowed to use the model, without trying again', async () => {
    const { done, requests } = await answerAt(fake.baseUrl, { kind: 'status', status: 403, body: { error: { message: 'Project does not have access', type: 'test', code: null } } });
    expect(done.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Project does not have access') });
    expect(requests).toBe(1);
  });

  it('tries a 429 three times, then reports it as rate limited', async () => {
    const { done, stored, requests, messages } = await answerAt(fake.baseUrl, { kind: 'status', status: 429, headers: { 'retry-after-ms': '30' } });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'RATE_LIMITED', retryAfterMs: 30 } });
    expect(stored.error).toEqual(done.error);
    expect(requests).toBe(3);
    expect(messages).toHaveLength(2);
  });

  it('tries a 429 without retry-after three times, backing off, then says to wait a moment', async () => {
    const { done, requests } = await answerAt(fake.baseUrl, { kind: 'status', status: 429 });
    expect(done.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/wait a moment/i) });
    expect(done.error).not.toHaveProperty('retryAfterMs');
    expect(requests).toBe(3);
  });

  it('does not wait out a long retry-after: one request, and the person is told when to try again', async () => {
    const { done, requests, elapsedMs } = await answerAt(fake.baseUrl, { kind: 'status', status: 429, headers: { 'retry-after': '90' } });
    expect(done).toMatchObject({ status: 'error', error: { code: 'RATE_LIMITED', retryAfterMs: 90_000, message: expect.stringContaining('90 seconds') } });
    expect(requests).toBe(1);
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('answers after a 429 that the second attempt gets past, with one question and one answer stored', async () => {
    const { done, requests, messages } = await answerAt(fake.baseUrl, (nth) =>
      nth === 1 ? { kind: 'status', status: 429, headers: { 'retry-after-ms': '20' } } : { kind: 'stream', chunks: ['Fine ', 'now'] },
    );
    expect(done).toMatchObject({ status: 'complete', content: 'Fine now', error: null });
    expect(requests).toBe(2);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('stops during the wait before the next attempt: cancelled at once, nothing more sent', async () => {
    fake.setScenarioHandler(null);
    fake.setScenario({ kind: 'status', status: 429, headers: { 'retry-after-ms': '15000' } });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const before = chatRequests();
    const { assistantMessage } = await tb.send(conversation.id, 'Hello');
    while (chatRequests() === before) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await tb.value('chat:stop', { messageId: assistantMessage.id });
    const done = await tb.waitForDone(assistantMessage.id);
    expect(done).toMatchObject({ status: 'cancelled', content: '', error: null });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(chatRequests() - before).toBe(1);
  });

  it('reports an exhausted quota as such, without trying again', async () => {
    const { done, requests } = await answerAt(fake.baseUrl, {
      kind: 'status',
      status: 429,
      body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } },
    });
    expect(done.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/quota/) });
    expect(done.error).not.toHaveProperty('retryAfterMs');
    expect(requests).toBe(1);
  });

  it.each([500, 503])('tries a %i three times, then reports it as a server problem', async (status) => {
    const { done, requests, messages } = await answerAt(fake.baseUrl, { kind: 'status', status });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'SERVER', message: expect.stringContaining(String(status)) } });
    expect(requests).toBe(3);
    expect(messages).toHaveLength(2);
  });

  it('answers when a 503 clears on the third attempt', async () => {
    const { done, requests, messages } = await answerAt(fake.baseUrl, (nth) => (nth < 3 ? { kind: 'status', status: 503 } : { kind: 'stream', chunks: ['Back ', 'up'] }));
    expect(done).toMatchObject({ status: 'complete', content: 'Back up' });
    expect(done.ttftMs).not.toBeNull();
    expect(requests).toBe(3);
    expect(messages).toHaveLength(2);
  });

  it('reports a 404 as a model the provider does not have, without trying again', async () => {
    const { done, requests } = await answerAt(fake.baseUrl, { kind: 'status', status: 404 });
    expect(done.error).toMatchObject({ code: 'MODEL_NOT_FOUND', message: expect.stringContaining('gpt-4o-mini') });
    expect(requests).toBe(1);
  });

  it('reports a too-long conversation as such', async () => {
    const { done } = await answerAt(fake.baseUrl, {
      kind: 'status',
      status: 400,
      body: { error: { message: "This model's maximum context length is 128000 tokens.", type: 'invalid_request_error', code: 'context_length_exceeded' } },
    });
    expect(done.error).toMatchObject({ code: 'CONTEXT_TOO_LONG' });
  });

  it('reports a refused connection (nothing listening) as a network problem', async () => {
    const { done } = await answerAt(await closedPortUrl());
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'NETWORK' } });
  });

  it('tries a connection cut before any response three times, then reports a network problem', async () => {
    const { done, requests, messages } = await answerAt(fake.baseUrl, { kind: 'drop' });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'NETWORK' } });
    expect(requests).toBe(3);
    expect(messages).toHaveLength(2);
  });
});
