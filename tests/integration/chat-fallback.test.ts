import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI, type Scenario } from '../fixtures/fake-openai-server';
import { closeAllBackends, closedPortUrl, makeBackend, sleep, type MakeBackendOptions, type TestBackend } from '../fixtures/test-backend';

/** The primary (the OpenAI entry) and a local server set up as its fallback, each counting its own attempts. */
let primary: FakeOpenAI;
let local: FakeOpenAI;
beforeAll(async () => {
  [primary, local] = await Promise.all([startFakeOpenAI(), startFakeOpenAI({ kind: 'stream', chunks: ['From ', 'the ', 'fallback'] })]);
});
afterAll(() => Promise.all([primary.close(), local.close()]));
afterEach(closeAllBackends);
afterEach(() => primary.setScenarioHandler(null));

const attemptsAt = (server: FakeOpenAI) => server.requests.filter((r) => r.body.stream === true).length;

async function backendWithFallback(options: MakeBackendOptions = {}): Promise<TestBackend> {
  const tb = makeBackend({ baseUrl: primary.baseUrl, ...options });
  await tb.value('providers:add', { kind: 'compatible', name: 'Local', baseUrl: local.baseUrl, model: 'local-model' });
  await tb.value('providers:update', { id: 'openai', fallback: { providerId: 'local', model: 'local-model' } });
  return tb;
}

async function ask(tb: TestBackend, conversationId?: string) {
  const id = conversationId ?? (await tb.newConversation()).id;
  const before = { primary: attemptsAt(primary), local: attemptsAt(local) };
  const { assistantMessage } = await tb.send(id, 'Hello');
  const done = await tb.waitForDone(assistantMessage.id, 20_000);
  const messages = await tb.value('messages:list', { conversationId: id });
  return {
    done,
    stored: messages.find((m) => m.id === assistantMessage.id)!,
    messages,
    primaryAttempts: attemptsAt(primary) - before.primary,
    localAttempts: attemptsAt(local) - before.local,
    conversationId: id,
  };
}

describe('a fallback model', () => {
  it.each<[string, Scenario]>([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 503', { kind: 'status', status: 503 }],
    ['a connection cut before any response', { kind: 'drop' }],
  ])('answers when the primary fails with %s after its three attempts, and the answer names the fallback model', async (_, scenario) => {
    primary.setScenario(scenario);
    const tb = await backendWithFallback();
    const { done, stored, messages, primaryAttempts, localAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'complete', content: 'From the fallback', model: 'local-model', error: null });
    expect(stored).toEqual(done);
    expect(primaryAttempts).toBe(3);
    expect(localAttempts).toBe(1);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(local.requests.at(-1)?.body.model).toBe('local-model');
  });

  it('answers when the primary’s stream stalls before any text, after its one attempt', async () => {
    primary.setScenario({ kind: 'stream', chunks: ['never'], fault: { type: 'stall', afterChunks: 0 } });
    const tb = await backendWithFallback({ timings: { idleTimeoutMs: 400 } });
    const { done, primaryAttempts, localAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'complete', content: 'From the fallback', model: 'local-model' });
    expect(primaryAttempts).toBe(1);
    expect(localAttempts).toBe(1);
  });

  it('answers when nothing listens at the primary’s address', async () => {
    const tb = await backendWithFallback({ baseUrl: await closedPortUrl() });
    const { done, localAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'complete', model: 'local-model', content: 'From the fallback' });
    expect(localAttempts).toBe(1);
  });

  it.each<[string, Scenario, string]>([
    ['a refused key', { kind: 'status', status: 401 }, 'INVALID_KEY'],
    ['an unknown model', { kind: 'status', status: 404 }, 'MODEL_NOT_FOUND'],
    ['a rate limit', { kind: 'status', status: 429, headers: { 'retry-after': '90' } }, 'RATE_LIMITED'],
  ])('is not used for %s: the primary is up, and the person must fix or wait', async (_, scenario, code) => {
    primary.setScenario(scenario);
    const tb = await backendWithFallback();
    const { done, localAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'error', model: 'gpt-4o-mini', error: { code } });
    expect(localAttempts).toBe(0);
  });

  it('is not used once text was shown: the partial answer is kept and Continue offered', async () => {
    primary.setScenario({ kind: 'stream', chunks: ['Partial ', 'answer ', 'so far', ' never'], delayMs: 10, fault: { type: 'reset', afterChunks: 3 } });
    const tb = await backendWithFallback();
    const { done, primaryAttempts, localAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'error', content: 'Partial answer so far', model: 'gpt-4o-mini', error: { code: 'NETWORK' } });
    expect(primaryAttempts).toBe(1);
    expect(localAttempts).toBe(0);
  });

  it('says both failed when the fallback is down too', async () => {
    primary.setScenario({ kind: 'status', status: 503 });
    const tb = makeBackend({ baseUrl: primary.baseUrl });
    await tb.value('providers:add', { kind: 'compatible', name: 'Local', baseUrl: await closedPortUrl(), model: 'local-model' });
    await tb.value('providers:update', { id: 'openai', fallback: { providerId: 'local', model: 'local-model' } });
    const { done, primaryAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'error', model: 'local-model', error: { code: 'NETWORK' } });
    expect(done.error?.message).toMatch(/OpenAI is not answering.*fallback local-model failed too/);
    expect(primaryAttempts).toBe(3);
  });

  it('is not used when none is set: the primary’s error stands', async () => {
    primary.setScenario({ kind: 'status', status: 503 });
    const tb = makeBackend({ baseUrl: primary.baseUrl });
    const { done, localAttempts } = await ask(tb);
    expect(done).toMatchObject({ status: 'error', model: 'gpt-4o-mini', error: { code: 'SERVER' } });
    expect(localAttempts).toBe(0);
  });
});

describe('the circuit breaker', () => {
  const breaker = { breakerThreshold: 3, breakerCoolDownMs: 1500 };

  it('opens after three failures in a row and fails fast without a request, saying when to try again', async () => {
    primary.setScenario({ kind: 'status', status: 503 });
    const tb = makeBackend({ baseUrl: primary.baseUrl, timings: breaker });
    const first = await ask(tb);
    expect(first.primaryAttempts).toBe(3);

    const started = Date.now();
    const second = await ask(tb, first.conversationId);
    expect(second.primaryAttempts).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(second.done).toMatchObject({ status: 'error', error: { code: 'SERVER', message: expect.stringContaining('3 times in a row') } });
    expect(second.done.error?.retryAfterMs).toBeGreaterThan(0);
    expect(second.done.error?.retryAfterMs).toBeLessThanOrEqual(1500);
  });

  it('goes straight to the fallback while open', async () => {
    primary.setScenario({ kind: 'status', status: 503 });
    const tb = await backendWithFallback({ timings: breaker });
    await ask(tb);
    const second = await ask(tb);
    expect(second).toMatchObject({ primaryAttempts: 0, localAttempts: 1 });
    expect(second.done).toMatchObject({ status: 'complete', model: 'local-model' });
  });

  it('lets one probe through after the cool-down, and closes when it succeeds', async () => {
    primary.setScenario({ kind: 'status', status: 503 });
    const tb = makeBackend({ baseUrl: primary.baseUrl, timings: breaker });
    await ask(tb);
    await sleep(1700);
    primary.setScenario({ kind: 'stream', chunks: ['Back'] });
    const probe = await ask(tb);
    expect(probe).toMatchObject({ primaryAttempts: 1, done: { status: 'complete', content: 'Back' } });
    primary.setScenario({ kind: 'status', status: 503 });
    // Closed again: a new failure gets its full three attempts.
    expect((await ask(tb)).primaryAttempts).toBe(3);
  });

  it('opens again at once when the probe fails', async () => {
    primary.setScenario({ kind: 'status', status: 503 });
    const tb = makeBackend({ baseUrl: primary.baseUrl, timings: breaker });
    await ask(tb);
    await sleep(1700);
    const probe = await ask(tb);
    expect(probe.primaryAttempts).toBe(1);
    expect(probe.done.error?.message).toContain('in a row');
  });

  it('does not count refusals: a bad key never opens the circuit', async () => {
    primary.setScenario({ kind: 'status', status: 401 });
    const tb = makeBackend({ baseUrl: primary.baseUrl, timings: breaker });
    for (let i = 0; i < 4; i++) expect((await ask(tb)).primaryAttempts).toBe(1);
  });
});
