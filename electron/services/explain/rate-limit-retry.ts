import { pause } from '../providers/retry-policy';

/**
 * Retrying one request of a map-reduce. A large file makes many requests in
 * a row, so a rate limit is expected rather than exceptional: the request
 * waits as the server asks and is sent again, a bounded number of times.
 * The policy itself is shared with the chat stream (providers/retry-policy.ts);
 * the explain default caps a long retry-after and waits rather than give up.
 */
export { defaultRetryPolicy, pause, retryDelay, type RetryPolicy } from '../providers/retry-policy';

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
