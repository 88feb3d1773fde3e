import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { answerWithRetries, type AttemptsDeps, type Route } from '../../electron/services/chat/answer-attempts';
import type { StreamOutcome } from '../../electron/services/chat/answer-stream';
import { createBreakers } from '../../electron/services/chat/circuit-breaker';
import { FakeClock } from '../fixtures/fake-clock';

const route = (model: string): Route => ({ breakerKey: model, providerName: model, client: {} as OpenAI, model });
const down = new OpenAI.InternalServerError(503, {}, 'down', new Headers());
const failed: StreamOutcome = { status: 'error', content: '', error: { code: 'SERVER', message: 'down' }, finishReason: null, usage: null, ttftMs: null, totalMs: 0, failure: down };
const answered = (content: string, ttftMs: number): StreamOutcome => ({ status: 'complete', content, error: null, finishReason: 'stop', usage: null, ttftMs, totalMs: 0 });

function setup(outcomes: StreamOutcome[], more: Partial<AttemptsDeps> = {}) {
  const clock = new FakeClock();
  const stop = new AbortController();
  const tried: string[] = [];
  const deps: AttemptsDeps = {
    breakerFor: createBreakers({ threshold: 5, coolDownMs: 30_000, clock }),
    policy: { maxRetries: 2, maxWaitMs: 20_000, baseDelayMs: 1_000, jitter: true, longRetryAfter: 'give-up' },
    clock,
    random: () => 1,
    signal: stop.signal,
    attempt: async (r) => {
      tried.push(r.model);
      return outcomes.shift() ?? failed;
    },
    fallback: async () => null,
    onFallback: () => undefined,
    ...more,
  };
  return { clock, stop, tried, deps };
}

/** Lets the attempts run, moving the fake time over each backoff. */
async function run<T>(clock: FakeClock, pending: Promise<T>): Promise<T> {
  let settled = false;
  void pending.then(() => (settled = true));
  for (let i = 0; i < 50 && !settled; i++) {
    await new Promise((r) => setImmediate(r));
    clock.advance(1_000);
  }
  return pending;
}

describe('asking for an answer, resiliently', () => {
  it('times the first token from the first attempt, backoffs included', async () => {
    const { clock, deps } = setup([failed, answered('Hi', 50)]);
    const { outcome, attempts } = await run(clock, answerWithRetries(deps, route('primary')));
    expect(attempts).toBe(2);
    expect(outcome).toMatchObject({ status: 'complete', content: 'Hi' });
    expect(outcome.ttftMs).toBeGreaterThanOrEqual(1_050);
    expect(outcome).not.toHaveProperty('failure');
  });

  it('stops during a backoff without another attempt, as cancelled', async () => {
    const { stop, tried, deps } = setup([failed]);
    const pending = answerWithRetries(deps, route('primary'));
    await new Promise((r) => setImmediate(r));
    stop.abort();
    const { outcome } = await pending;
    expect(outcome).toMatchObject({ status: 'cancelled', error: null });
    expect(tried).toEqual(['primary']);
  });

  it('tells the caller before the fallback writes, and counts every request', async () => {
    const told: string[] = [];
    const { clock, tried, deps } = setup([failed, failed, failed, answered('Local', 5)], {
      fallback: async () => route('local'),
      onFallback: (r) => told.push(r.model),
    });
    const result = await run(clock, answerWithRetries(deps, route('primary')));
    expect(result).toMatchObject({ attempts: 4, route: { model: 'local' }, outcome: { content: 'Local' } });
    expect(tried).toEqual(['primary', 'primary', 'primary', 'local']);
    expect(told).toEqual(['local']);
  });
});
