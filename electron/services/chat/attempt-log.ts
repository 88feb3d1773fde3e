import type { Logger } from '../logging/logger';
import { errorCode } from '../logging/redaction';
import { failureKind } from '../providers/request-failure';
import type { StreamOutcome } from './answer-stream';

/**
 * What the log keeps of one answer's requests: each failure by provider,
 * model, attempt, Parley's error code and the HTTP status, a success that
 * needed retries, and a switch to the fallback. Never the error's message
 * (a provider may quote the request in it), never the text.
 */
export function createAttemptLog(log: Logger | undefined) {
  let attempts = 0;
  return {
    attempted(outcome: StreamOutcome, providerId: string | null, model: string): StreamOutcome {
      attempts++;
      if (!log) return outcome;
      if (outcome.status === 'error') {
        log.warn('chat', 'Model request failed', {
          providerId,
          model,
          attempt: attempts,
          code: outcome.error?.code,
          kind: outcome.failure === undefined ? null : failureKind(outcome.failure),
          afterText: outcome.content !== '',
          ...errorCode(outcome.failure),
        });
      } else if (attempts > 1) {
        log.info('chat', 'Model request succeeded after retrying', { providerId, model, attempts, status: outcome.status });
      }
      return outcome;
    },
    fellBack(providerId: string | null, model: string): void {
      log?.warn('chat', 'The provider is down: answering with the fallback', { providerId, model, afterAttempts: attempts });
    },
  };
}
