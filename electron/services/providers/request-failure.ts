import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { AppError } from '../app-error';

/**
 * What kind of failure a request to a model met, which decides whether it is
 * worth another attempt, whether it says the provider is down (the circuit
 * breaker and the fallback), and what the person is told.
 */
export type FailureKind =
  /** Refused, reset or cut before the answer finished: the network or the server went away. */
  | 'connection'
  /** No headers in time. */
  | 'timeout'
  /**
   * Headers came, then the stream went silent. Not tried again: the server
   * took the request and may still be working (and billing) on it, and each
   * try would cost the whole idle timeout again. The provider still counts as down.
   */
  | 'stalled'
  /** A 5xx, or an error event in the stream. */
  | 'server'
  | 'rate-limit'
  /** A 429 that waiting will not fix: the account is out of credit. */
  | 'quota'
  /** Any other 4xx: the request or the key is wrong, and sending it again changes nothing. */
  | 'refused'
  | 'malformed'
  | 'other';

/** A provider that fails like this is down, not merely refusing one request. */
export const downKinds: ReadonlySet<FailureKind> = new Set(['connection', 'timeout', 'stalled', 'server']);

export function isConnectionFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // undici reports a body cut mid-stream as a bare `TypeError: terminated`.
  if (err instanceof TypeError && /terminated|fetch failed|network/i.test(err.message)) return true;
  const code = (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
  return typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR_)/.test(code);
}

export function isQuotaExhausted(err: APIError): boolean {
  const detail = (err.error as { message?: string } | undefined)?.message ?? '';
  return err.code === 'insufficient_quota' || /quota/i.test(detail);
}

export function failureKind(err: unknown): FailureKind {
  if (err instanceof AppError) {
    // Raised by the stream reader itself: the idle watchdog, and a body that ended without a finish.
    if (err.code === 'TIMEOUT') return 'stalled';
    if (err.code === 'INCOMPLETE') return 'connection';
    return 'other';
  }
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof APIError) {
    if (err.status === 429) return isQuotaExhausted(err) ? 'quota' : 'rate-limit';
    // No status: an error event inside a stream that had started fine.
    if (err.status === undefined || err.status >= 500) return 'server';
    return 'refused';
  }
  if (err instanceof SyntaxError) return 'malformed';
  if (isConnectionFailure(err)) return 'connection';
  return 'other';
}
