import type OpenAI from 'openai';
import type { AppErrorShape } from '../../../shared/error-codes';
import type { Usage } from '../../../shared/domain';
import { damagedMessage, isCorruption, isDiskFull } from '../../db/storage-errors';
import { AppError } from '../app-error';
import { AnswerPersister } from './answer-persister';
import { systemClock, type Clock } from './clock';
import { toAppError } from './error-mapping';
import { StreamCoalescer } from './stream-coalescer';

export interface StreamTimings {
  /** Gives up when no response headers arrived in this time (the SDK's timeout, which ends once headers arrive). */
  connectTimeoutMs: number;
  /** The SDK's timeout ends once headers arrive; a stream that then goes silent (before or between chunks) needs this watchdog. */
  idleTimeoutMs: number;
  flushIntervalMs: number;
  coalesceIntervalMs: number;
  /** Attempts in all for one answer, while no text has been shown (see answer-attempts.ts). */
  maxAttempts: number;
  /** The first backoff between attempts; doubled each time, with full jitter. */
  retryBaseDelayMs: number;
  /** The longest wait between attempts; a server asking for more is not waited for, the person is told when to retry. */
  retryMaxWaitMs: number;
  /** Consecutive failed attempts (refused, 5xx, timeouts) after which a provider's circuit opens. */
  breakerThreshold: number;
  /** How long an open circuit fails fast before one probe request is let through. */
  breakerCoolDownMs: number;
}

export const defaultStreamTimings: StreamTimings = {
  // 30 s to headers: a provider that slow is in trouble, and a retry (or the fallback) does better than more waiting.
  connectTimeoutMs: 30_000,
  // Long, because reasoning models may think for a minute before the first token.
  idleTimeoutMs: 90_000,
  flushIntervalMs: 250,
  coalesceIntervalMs: 16,
  maxAttempts: 3,
  retryBaseDelayMs: 1_000,
  retryMaxWaitMs: 20_000,
  breakerThreshold: 5,
  breakerCoolDownMs: 30_000,
};

export interface StreamRequest {
  client: OpenAI;
  model: string;
  messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[];
  /** Sampling choices (temperature, maximum length); left out, the server's defaults apply. */
  params?: Pick<OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming, 'temperature' | 'max_tokens' | 'max_completion_tokens'>;
  signal: AbortSignal;
  /** Whether an abort of `signal` was the person pressing Stop (vs. our watchdog). */
  stopRequested: () => boolean;
  onDelta: (text: string) => void;
  persist: (content: string) => void;
  timings: StreamTimings;
  clock?: Clock;
}

export interface StreamOutcome {
  status: 'complete' | 'cancelled' | 'error';
  content: string;
  error: AppErrorShape | null;
  finishReason: string | null;
  usage: Usage | null;
  ttftMs: number | null;
  totalMs: number;
  /** What the failed attempt threw, for the retry and breaker decisions; never stored. */
  failure?: unknown;
}

/** The answer could not be written to the database: what the person sees, with the text that arrived. */
export function notSavedError(err: unknown): AppErrorShape {
  if (isDiskFull(err)) {
    return { code: 'DISK_FULL', message: 'The disk is full, so Parley stopped this answer: it could not be saved. What arrived is shown but may not all be kept; free some space, then press Continue.' };
  }
  if (isCorruption(err)) return { code: 'DATABASE_DAMAGED', message: `${damagedMessage} What arrived is shown but may not all be kept.` };
  return { code: 'INTERNAL', message: `Parley could not save this answer (${err instanceof Error ? err.message : String(err)}). What arrived is shown but may not all be kept.` };
}

/**
 * Streams one answer. Whatever happens, resolves (never rejects) with the
 * text that arrived, so the caller can always store it.
 */
export async function streamAnswer(req: StreamRequest): Promise<StreamOutcome> {
  const clock = req.clock ?? systemClock;
  const started = clock.now();
  const coalescer = new StreamCoalescer(req.onDelta, req.timings.coalesceIntervalMs, clock);
  const local = new AbortController();
  // An answer that cannot be saved is stopped: more of it would be paid for and then lost.
  const persister = new AnswerPersister(req.persist, req.timings.flushIntervalMs, clock, () => local.abort());
  const abortLocal = () => local.abort();
  req.signal.addEventListener('abort', abortLocal, { once: true });
  let idleTimer: unknown = null;
  let timedOut = false;
  const armIdle = () => {
    if (idleTimer !== null) clock.clearTimeout(idleTimer);
    idleTimer = clock.setTimeout(() => {
      timedOut = true;
      local.abort();
    }, req.timings.idleTimeoutMs);
  };

  let ttftMs: number | null = null;
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  let status: StreamOutcome['status'] = 'complete';
  let error: AppErrorShape | null = null;
  let failure: unknown;

  try {
    const stream = await req.client.chat.completions.create(
      { ...req.params, model: req.model, messages: req.messages, stream: true, stream_options: { include_usage: true } },
      { signal: local.signal, timeout: req.timings.connectTimeoutMs, maxRetries: 0 },
    );
    armIdle();
    for await (const chunk of stream) {
      armIdle();
      if (chunk.usage) {
        usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
      const choice = chunk.choices?.[0];
      const text = choice?.delta?.content;
      if (text) {
        ttftMs ??= clock.now() - started;
        persister.append(text);
        coalescer.push(text);
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
    if (req.stopRequested()) {
      status = 'cancelled';
    } else if (timedOut) {
      throw new AppError('TIMEOUT', 'The provider stopped sending the answer. The answer so far is kept.');
    } else if (finishReason === null) {
      // The body ended without a finish reason or [DONE]: the SDK returns normally, but the answer is cut.
      throw new AppError('INCOMPLETE', 'The answer was cut off before it finished. The answer so far is kept.');
    } else if (persister.content === '') {
      // A finished answer with no text would be stored as a blank success; the person must see why it is blank.
      throw new AppError(
        'BAD_RESPONSE',
        finishReason === 'length'
          ? `${req.model} reached its length limit before writing anything. Raise the maximum length in the conversation's options, then regenerate.`
          : finishReason === 'content_filter'
            ? "The provider's content filter withheld the answer."
            : `${req.model} sent an empty answer. Regenerate to try again.`,
      );
    }
  } catch (err) {
    failure = timedOut ? new AppError('TIMEOUT', 'idle') : err;
    if (persister.writeError !== null) {
      status = 'error';
      error = notSavedError(persister.writeError);
    } else if (req.stopRequested()) {
      status = 'cancelled';
    } else {
      status = 'error';
      error = timedOut
        ? { code: 'TIMEOUT', message: persister.content === '' ? 'The provider stopped answering before sending any text.' : 'The provider stopped sending the answer. The answer so far is kept.' }
        : toAppError(err, req.model).toShape();
    }
  } finally {
    if (idleTimer !== null) clock.clearTimeout(idleTimer);
    req.signal.removeEventListener('abort', abortLocal);
    coalescer.flush();
    persister.dispose();
  }
  const outcome: StreamOutcome = { status, content: persister.content, error, finishReason, usage, ttftMs, totalMs: clock.now() - started };
  return status === 'error' ? { ...outcome, failure } : outcome;
}
