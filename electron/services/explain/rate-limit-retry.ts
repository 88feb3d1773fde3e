import OpenAI from 'openai';
import { parseRetryAfterMs } from '../chat/error-mapping';

/**
 * Retrying one request of a map-reduce. A large file makes many requests in
 * a row, so a rate limit is expected rather than exceptional: the request
 * waits as the server asks and is sent again, a bounded number of times.
 * openai 6 honours any retry-after a server sends, an hour included, so the
 * SDK's own retries stay off and the wait is capped here.
 */
export interface RetryPolicy {
  /** Further attempts after the first. */
  maxRetries: number;
  /** The most a retry-after is honoured for; a longer one is cut to this. */
  maxWaitMs: number;
  /** Backoff when the server names no wait: this, doubled each attempt, up to `maxWaitMs`. */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, maxWaitMs: 20_000, baseDelayMs: 1_000 };

/** How long to wait before attempt `attempt + 1`, or null when retrying cannot help (bad key, no quota, a refused request). */
export function retryDelay(err: unknown, attempt: number, policy: RetryPolicy): { ms: number; rateLimited: boolean } | null {
  const backoff = Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** attempt);
  if (err instanceof OpenAI.APIConnectionError) return { ms: backoff, rateLimited: false };
  if (!(err instanceof OpenAI.APIError)) return null;
  if (err.status === 429) {
    // Out of quota is a 429 too, but waiting will not refill it.
    const detail = (err.error as { message?: string } | undefined)?.message ?? '';
    if (err.code === 'insufficient_quota' || /quota/i.test(detail)) return null;
    const asked = parseRetryAfterMs(err.headers);
    return { ms: asked === undefined ? backoff : Math.min(asked, policy.maxWaitMs), rateLimited: true };
  }
  if (err.status !== undefined && err.status >= 500) return { ms: backoff, rateLimited: false };
  return null;
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks the signal). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * A rate limit applies to the key, not to the one request that met it: once
 * any request is told to wait, the others hold back too instead of each
 * running into the same 429.
 */
export class RateGate {
  private until = 0;

  holdFor(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms);
  }

  wait(signal: AbortSignal): Promise<void> {
    return pause(this.until - Date.now(), signal);
  }
}
