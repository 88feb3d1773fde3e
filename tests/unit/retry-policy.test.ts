import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/app-error';
import { failureKind } from '../../electron/services/providers/request-failure';
import { pause, retryDelay, type RetryPolicy } from '../../electron/services/providers/retry-policy';
import { FakeClock } from '../fixtures/fake-clock';

const chat: RetryPolicy = { maxRetries: 2, maxWaitMs: 20_000, baseDelayMs: 1_000, jitter: true, longRetryAfter: 'give-up' };
const limited = (headers: Record<string, string>) => new OpenAI.RateLimitError(429, { message: 'slow down' }, 'rate limited', new Headers(headers));
const down = new OpenAI.InternalServerError(503, {}, 'down', new Headers());

describe('the retry policy for an answer someone is watching', () => {
  it('backs off with full jitter: anywhere from nothing to the doubled backoff', () => {
    expect(retryDelay(down, 0, chat, () => 0)).toEqual({ ms: 0, rateLimited: false });
    expect(retryDelay(down, 0, chat, () => 0.999)).toEqual({ ms: 999, rateLimited: false });
    expect(retryDelay(down, 2, chat, () => 0.5)).toEqual({ ms: 2_000, rateLimited: false });
    expect(retryDelay(down, 10, chat, () => 1)).toEqual({ ms: 20_000, rateLimited: false });
  });

  it('waits as a short retry-after asks, without jitter', () => {
    expect(retryDelay(limited({ 'retry-after-ms': '1500' }), 0, chat, () => 0)).toEqual({ ms: 1_500, rateLimited: true });
    expect(retryDelay(limited({ 'retry-after': '20' }), 0, chat, () => 0)).toEqual({ ms: 20_000, rateLimited: true });
  });

  it('gives up at once on a retry-after beyond the cap, where the batch policy would wait the cap', () => {
    expect(retryDelay(limited({ 'retry-after': '90' }), 0, chat)).toBeNull();
    expect(retryDelay(limited({ 'retry-after': '90' }), 0, { ...chat, longRetryAfter: 'cap' })).toEqual({ ms: 20_000, rateLimited: true });
  });

  it('retries what says the provider is down or busy, and nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(retryDelay(new OpenAI.APIConnectionError({ cause: refused }), 0, chat)).not.toBeNull();
    expect(retryDelay(new OpenAI.APIConnectionTimeoutError(), 0, chat)).not.toBeNull();
    expect(retryDelay(new TypeError('terminated'), 0, chat)).not.toBeNull();
    // A stream gone silent is not sent again: the server took it and may still be working (and billing) on it.
    expect(retryDelay(new AppError('TIMEOUT', 'idle'), 0, chat)).toBeNull();
    expect(retryDelay(new OpenAI.AuthenticationError(401, {}, 'bad key', new Headers()), 0, chat)).toBeNull();
    expect(retryDelay(new OpenAI.PermissionDeniedError(403, {}, 'no', new Headers()), 0, chat)).toBeNull();
    expect(retryDelay(new OpenAI.NotFoundError(404, {}, 'no model', new Headers()), 0, chat)).toBeNull();
    expect(retryDelay(new SyntaxError('Unexpected end of JSON input'), 0, chat)).toBeNull();
    expect(retryDelay(new AppError('BAD_RESPONSE', 'empty'), 0, chat)).toBeNull();
  });

  it('sorts failures into kinds', () => {
    expect(failureKind(down)).toBe('server');
    expect(failureKind(limited({}))).toBe('rate-limit');
    expect(failureKind(new OpenAI.RateLimitError(429, { message: 'You exceeded your current quota' }, 'quota', new Headers()))).toBe('quota');
    expect(failureKind(new AppError('INCOMPLETE', 'cut'))).toBe('connection');
    expect(failureKind(new AppError('TIMEOUT', 'idle'))).toBe('stalled');
    expect(failureKind(new OpenAI.APIConnectionTimeoutError())).toBe('timeout');
    expect(failureKind(new Error('odd'))).toBe('other');
  });
});

describe('a pause between attempts', () => {
  it('ends when its time comes, or at once when stopped', async () => {
    const clock = new FakeClock();
    const stop = new AbortController();
    let ended = false;
    const waiting = pause(5_000, stop.signal, clock).then(() => (ended = true));
    clock.advance(4_999);
    await Promise.resolve();
    expect(ended).toBe(false);
    stop.abort();
    await waiting;
    expect(clock.pendingTimers).toBe(0);
  });
});
