import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { AppError } from '../app-error';
import { isConnectionFailure, isQuotaExhausted } from '../providers/request-failure';
import { parseRetryAfterMs } from '../providers/retry-after';

export { maxRetryAfterMs, parseRetryAfterMs } from '../providers/retry-after';

/** "Try again in 90 seconds": the real wait the server asked for, so the person knows when to come back. */
export function describeWait(ms: number | undefined): string {
  if (ms === undefined) return 'Wait a moment and try again.';
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s <= 120) return `Try again in ${s} second${s === 1 ? '' : 's'}.`;
  const min = Math.ceil(s / 60);
  if (min <= 120) return `Try again in ${min} minutes.`;
  return `Try again in ${Math.ceil(min / 60)} hours.`;
}

/**
 * Turns whatever the SDK or the network threw into an error a person can act
 * on. `model` is named in messages because "not found" alone says nothing.
 */
export function toAppError(err: unknown, model: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof APIConnectionTimeoutError) {
    return new AppError('TIMEOUT', 'The provider did not answer in time. Check your connection and try again.');
  }
  if (err instanceof APIConnectionError) {
    return new AppError('NETWORK', 'Could not reach the provider. Check your internet connection and the base URL in Settings.');
  }
  if (err instanceof APIError) {
    const status = err.status;
    const detail = (err.error as { message?: string } | undefined)?.message ?? '';
    if (status === 401) return new AppError('INVALID_KEY', 'The API key was refused. Check it in Settings.');
    if (status === 403) {
      return new AppError('FORBIDDEN', `This key is not allowed to use ${model}.${detail ? ` (${detail})` : ''}`);
    }
    if (status === 404) return new AppError('MODEL_NOT_FOUND', `The model "${model}" was not found at this provider. Choose another in Settings.`);
    if (status === 429) {
      const wait = parseRetryAfterMs(err.headers);
      return isQuotaExhausted(err)
        ? new AppError('RATE_LIMITED', 'Your account has run out of credit or quota at this provider.')
        : new AppError('RATE_LIMITED', `The provider is rate limiting requests. ${describeWait(wait)}`, wait);
    }
    if (err.code === 'context_length_exceeded' || /context length|context window|too many tokens|maximum context/i.test(detail)) {
      return new AppError('CONTEXT_TOO_LONG', 'This conversation is longer than the model can read. Start a new chat or shorten the message.');
    }
    if (status !== undefined && status >= 500) {
      return new AppError('SERVER', `The provider had a problem (error ${status}). Try again in a moment.`);
    }
    if (status === undefined) {
      return new AppError('SERVER', `The provider reported an error mid-answer${detail ? `: ${detail}` : '.'}`);
    }
    return new AppError('BAD_RESPONSE', `The provider refused the request (error ${status})${detail ? `: ${detail}` : '.'}`);
  }
  if (err instanceof SyntaxError) {
    return new AppError('BAD_RESPONSE', 'The provider sent data Parley could not read. The answer so far is kept.');
  }
  if (isConnectionFailure(err)) {
    return new AppError('NETWORK', 'The connection to the provider dropped. The answer so far is kept.');
  }
  return new AppError('INTERNAL', `Something went wrong: ${err instanceof Error ? err.message : String(err)}`);
}
