import type { Clock } from './clock';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  threshold: number;
  coolDownMs: number;
  clock: Pick<Clock, 'now'>;
}

/** What a request may do now: go ahead, or fail fast for `retryInMs` more. */
export type Admission = { allowed: true } | { allowed: false; retryInMs: number; failures: number };

/**
 * One provider's circuit. After `threshold` failures in a row (refused,
 * 5xx, timeouts) it opens: requests fail at once instead of each waiting on a
 * dead server through its retries. After the cool-down one request is let
 * through as a probe (half-open); the others keep failing fast until it
 * settles, and its result closes the circuit or opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(private readonly options: BreakerOptions) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.probing || this.options.clock.now() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  admit(): Admission {
    if (this.openedAt === null) return { allowed: true };
    const waited = this.options.clock.now() - this.openedAt;
    if (waited >= this.options.coolDownMs && !this.probing) {
      this.probing = true;
      return { allowed: true };
    }
    return { allowed: false, retryInMs: Math.max(0, this.options.coolDownMs - waited), failures: this.failures };
  }

  /** The provider answered (even with a refusal: it is up). */
  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  failed(): void {
    this.failures += 1;
    if (this.probing || this.failures >= this.options.threshold) this.openedAt = this.options.clock.now();
    this.probing = false;
  }

  /** The attempt ended without saying anything about the provider (stopped by the person): a probe slot is given back. */
  released(): void {
    this.probing = false;
  }
}

/** One breaker per provider address: a provider whose URL was corrected starts closed. */
export function createBreakers(options: BreakerOptions) {
  const breakers = new Map<string, CircuitBreaker>();
  return (key: string): CircuitBreaker => {
    let b = breakers.get(key);
    if (!b) breakers.set(key, (b = new CircuitBreaker(options)));
    return b;
  };
}

export type BreakerFor = ReturnType<typeof createBreakers>;
