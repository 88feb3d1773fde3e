import { APIError } from 'openai';
import { systemClock, type Clock } from '../chat/clock';
import { failureKind } from './request-failure';
import { parseRetryAfterMs } from './retry-after';

/**
 * When a failed request to a model is sent again, shared by the chat stream
 * and the explain-a-file requests. The SDK's own retries stay off everywhere
 * (maxRetries: 0): openai 6 honours any retry-after, an hour included, and
 * attempts must be counted once, here.
 */
export interface RetryPolicy {
  /** Further attempts after the first. */
  maxRetries: number;
  /** The longest wait between two attempts, a server's retry-after included. */
  maxWaitMs: number;
  /** Backoff when the server names no wait: this, doubled each attempt, up to `maxWaitMs`. */
  baseDelayMs: number;
  /**
   * "Full jitter": wait a random time between 0 and the backoff, so that many
   * clients failing together do not all come back at the same instant.
   */
  jitter: boolean;
  /**
   * A retry-after longer than `maxWaitMs`: 'cap' waits `maxWaitMs` and tries
   * anyway (a batch that expects rate limits); 'give-up' fails at once so the
   * person is told when to come back instead of watching a frozen answer.
   */
  longRetryAfter: 'cap' | 'give-up';
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, maxWaitMs: 20_000, baseDelayMs: 1_000, jitter: false, longRetryAfter: 'cap' };

export interface RetryDelay {
  ms: number;
  /** The wait is a rate limit, which holds for the key rather than this one request. */
  rateLimited: boolean;
}

/** How long to wait before attempt `attempt + 1`, or null when retrying cannot help (bad key, no quota, a refused request). */
export function retryDelay(err: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): RetryDelay | null {
  const ceiling = Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** attempt);
  const backoff = policy.jitter ? Math.round(random() * ceiling) : ceiling;
  switch (failureKind(err)) {
    case 'connection':
    case 'timeout':
    case 'server':
      return { ms: backoff, rateLimited: false };
    case 'rate-limit': {
      const asked = parseRetryAfterMs(err instanceof APIError ? err.headers : undefined);
      if (asked === undefined) return { ms: backoff, rateLimited: true };
      if (asked > policy.maxWaitMs && policy.longRetryAfter === 'give-up') return null;
      return { ms: Math.min(asked, policy.maxWaitMs), rateLimited: true };
    }
    default:
      return null;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks the signal). */
export function pause(ms: number, signal: AbortSignal, clock: Pick<Clock, 'setTimeout' | 'clearTimeout'> = systemClock): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clock.clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
