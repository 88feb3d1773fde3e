import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI, type Scenario } from '../fixtures/fake-openai-server';
import { closeAllBackends, closedPortUrl, makeBackend } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

async function answerAt(baseUrl: string, scenario?: Scenario) {
  if (scenario) fake.setScenario(scenario);
  const tb = makeBackend({ baseUrl });
  const conversation = await tb.newConversation();
  const requestsBefore = fake.requests.length;
  const { assistantMessage } = await tb.send(conversation.id, 'Hello');
  const done = await tb.waitForDone(assistantMessage.id);
  const stored = (await tb.value('messages:list', { conversationId: conversation.id })).find((m) => m.id === assistantMessage.id)!;
  return { done, stored, requests: fake.requests.length - requestsBefore };
}

describe('a request the provider refuses', () => {
  it('reports a 401 as an invalid key, stored on the message', async () => {
    const { done, stored } = await answerAt(fake.baseUrl, { kind: 'status', status: 401 });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'INVALID_KEY' } });
    expect(stored).toEqual(done);
  });

  it('reports a 429 as rate limited with the wait the server asked for', async () => {
    const { done, stored } = await answerAt(fake.baseUrl, { kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    expect(done).toMatchObject({ status: 'error', error: { code: 'RATE_LIMITED', retryAfterMs: 7000 } });
    expect(stored.error).toEqual(done.error);
  });

  it('does not retry a 429 behind the person’s back', async () => {
    const { requests } = await answerAt(fake.baseUrl, { kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    expect(requests).toBe(1);
  });

  it('reports an exhausted quota as such', async () => {
    const { done } = await answerAt(fake.baseUrl, {
      kind: 'status',
      status: 429,
      body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } },
    });
    expect(done.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/quota/) });
    expect(done.error).not.toHaveProperty('retryAfterMs');
  });

  it('reports a 500 as a server problem, once', async () => {
    const { done, requests } = await answerAt(fake.baseUrl, { kind: 'status', status: 500 });
    expect(done).toMatchObject({ status: 'error', error: { code: 'SERVER' } });
    expect(requests).toBe(1);
  });

  it('reports a 404 as a model the provider does not have', async () => {
    const { done } = await answerAt(fake.baseUrl, { kind: 'status', status: 404 });
    expect(done.error).toMatchObject({ code: 'MODEL_NOT_FOUND', message: expect.stringContaining('gpt-4o-mini') });
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
});
