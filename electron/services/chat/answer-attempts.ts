import type OpenAI from 'openai';
import type { AppErrorShape } from '../../../shared/error-codes';
import { downKinds, failureKind, type FailureKind } from '../providers/request-failure';
import { pause, retryDelay, type RetryPolicy } from '../providers/retry-policy';
import type { StreamOutcome } from './answer-stream';
import type { BreakerFor } from './circuit-breaker';
import type { Clock } from './clock';
import { describeWait } from './error-mapping';

/** A provider and model an answer can be asked of. */
export interface Route {
  /** The circuit breaker's key: the provider and its address. */
  breakerKey: string;
  providerName: string;
  client: OpenAI;
  model: string;
}

export interface AttemptsDeps {
  breakerFor: BreakerFor;
  policy: RetryPolicy;
  clock: Clock;
  random?: () => number;
  /** Aborted by Stop (and at shutdown): no further attempt, and a pause ends at once. */
  signal: AbortSignal;
  /** One streamed attempt at `route`: what arrived, never a rejection. */
  attempt(route: Route): Promise<StreamOutcome>;
  /** The fallback, asked for only when the primary is down and nothing was shown; null when none is set up or usable. */
  fallback(): Promise<Route | null>;
  /** Told before the fallback's first attempt, so the stored answer names the model that writes it. */
  onFallback(route: Route): void;
}

export interface AttemptsResult {
  outcome: StreamOutcome;
  route: Route;
  /** Requests actually sent (a breaker that failed fast sent none). */
  attempts: number;
}

interface RouteResult {
  outcome: StreamOutcome;
  attempts: number;
  /** The provider looks down (refused, 5xx, timeouts, or its circuit is open): the fallback may take over. */
  down: boolean;
}

const breakerCodes: Partial<Record<FailureKind, AppErrorShape['code']>> = { connection: 'NETWORK', timeout: 'TIMEOUT', stalled: 'TIMEOUT', server: 'SERVER' };

function failFast(route: Route, retryInMs: number, failures: number, lastKind: FailureKind | null): StreamOutcome {
  const error: AppErrorShape = {
    code: (lastKind && breakerCodes[lastKind]) ?? 'SERVER',
    message: `${route.providerName} failed ${failures} times in a row, so Parley is not sending to it for a while. ${describeWait(retryInMs)}`,
    retryAfterMs: Math.ceil(retryInMs),
  };
  return { status: 'error', content: '', error, finishReason: null, usage: null, ttftMs: null, totalMs: 0 };
}

/**
 * Asks for one answer, resiliently. Before any text is shown, a connection
 * failure, a connect timeout, a 429 or a 5xx is tried again after a backoff with
 * full jitter (or the server's retry-after, when it is short enough), a
 * bounded number of times; once text was shown nothing is retried behind the
 * person's back: the answer ends with the error and its text, and Continue
 * picks it up. A provider that is down (after the retries, or with its
 * circuit open) hands over to the fallback, when one is set up.
 */
export async function answerWithRetries(deps: AttemptsDeps, primary: Route): Promise<AttemptsResult> {
  const started = deps.clock.now();
  let lastKind: FailureKind | null = null;

  async function onRoute(route: Route): Promise<RouteResult> {
    const breaker = deps.breakerFor(route.breakerKey);
    for (let attempt = 0; ; attempt++) {
      const admission = breaker.admit();
      if (!admission.allowed) return { outcome: failFast(route, admission.retryInMs, admission.failures, lastKind), attempts: attempt, down: true };
      const attemptStarted = deps.clock.now();
      const outcome = await deps.attempt(route);
      const kind = outcome.status === 'error' ? failureKind(outcome.failure) : null;
      if (kind !== null && downKinds.has(kind)) {
        lastKind = kind;
        breaker.failed();
      } else if (outcome.status === 'cancelled' && outcome.content === '') {
        breaker.released();
      } else {
        breaker.succeeded();
      }
      const timed = { ...outcome, ttftMs: outcome.ttftMs === null ? null : attemptStarted - started + outcome.ttftMs };
      // Text was shown, or the person stopped it, or it worked: this attempt is the answer.
      if (outcome.status !== 'error' || outcome.content !== '' || deps.signal.aborted) return { outcome: timed, attempts: attempt + 1, down: false };
      const delay = attempt < deps.policy.maxRetries ? retryDelay(outcome.failure, attempt, deps.policy, deps.random) : null;
      if (delay === null) return { outcome: timed, attempts: attempt + 1, down: kind !== null && downKinds.has(kind) };
      await pause(delay.ms, deps.signal, deps.clock);
      if (deps.signal.aborted) return { outcome: { ...timed, status: 'cancelled', error: null }, attempts: attempt + 1, down: false };
    }
  }

  const finish = (r: RouteResult, route: Route, attempts: number): AttemptsResult => {
    const { failure: _failure, ...outcome } = r.outcome;
    return { outcome: { ...outcome, totalMs: deps.clock.now() - started }, route, attempts };
  };

  const first = await onRoute(primary);
  if (!first.down || deps.signal.aborted) return finish(first, primary, first.attempts);
  const fallback = await deps.fallback();
  if (!fallback) return finish(first, primary, first.attempts);
  deps.onFallback(fallback);
  const second = await onRoute(fallback);
  if (second.outcome.error) {
    // Both failed: say so, or the person would think only the fallback is at fault.
    second.outcome.error = { ...second.outcome.error, message: `${primary.providerName} is not answering, and the fallback ${fallback.model} failed too: ${second.outcome.error.message}` };
  }
  return finish(second, fallback, first.attempts + second.attempts);
}
