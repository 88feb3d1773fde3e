import type OpenAI from 'openai';
import type { Usage } from '../../../shared/domain';
import { findModel } from '../../../shared/model-catalogue';
import { AppError } from '../app-error';
import { toAppError } from '../chat/error-mapping';
import { pause, retryDelay, type RateGate, type RetryPolicy } from './rate-limit-retry';

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export interface CompletionContext {
  client: OpenAI;
  model: string;
  temperature: number | null;
  policy: RetryPolicy;
  gate: RateGate;
  signal: AbortSignal;
  timeoutMs: number;
  /** Told when a request waits out a rate limit or a failure, with how long. */
  onWait?: (ms: number) => void;
}

export interface CompletionAnswer {
  text: string;
  usage: Usage | null;
  attempts: number;
}

/**
 * Sampling choices for one request of an explanation. Reasoning models
 * refuse `max_tokens` and any temperature but theirs, and spend an unknown
 * share of any cap on thinking, so they get no cap and are asked for a
 * length in words instead.
 */
export function samplingFor(model: string, temperature: number | null, maxTokens: number | null) {
  const reasoning = findModel(model)?.reasoning === true;
  return {
    ...(temperature !== null && !reasoning ? { temperature } : {}),
    ...(maxTokens !== null && !reasoning ? { max_tokens: maxTokens } : {}),
  };
}

/**
 * One non-streamed request, retried after a rate limit, a server error or
 * a dropped connection. Throws an AppError when it gives up, or the abort
 * when the signal stopped it.
 */
export async function completeWithRetry(ctx: CompletionContext, messages: ChatMessage[], maxTokens: number | null): Promise<CompletionAnswer> {
  for (let attempt = 0; ; attempt++) {
    await ctx.gate.wait(ctx.signal);
    if (ctx.signal.aborted) throw new AppError('INTERNAL', 'stopped');
    // Each request listens to a signal of its own: the SDK leaves its abort listener on the signal it is given,
    // and a file of fifty parts would otherwise pile fifty of them on the run's one signal.
    const own = new AbortController();
    const forward = () => own.abort();
    ctx.signal.addEventListener('abort', forward, { once: true });
    try {
      const res = await ctx.client.chat.completions.create(
        { model: ctx.model, messages, ...samplingFor(ctx.model, ctx.temperature, maxTokens) },
        { signal: own.signal, timeout: ctx.timeoutMs, maxRetries: 0 },
      );
      const usage = res.usage ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens } : null;
      return { text: res.choices[0]?.message?.content ?? '', usage, attempts: attempt + 1 };
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      const delay = attempt < ctx.policy.maxRetries ? retryDelay(err, attempt, ctx.policy) : null;
      if (delay === null) throw toAppError(err, ctx.model);
      if (delay.rateLimited) ctx.gate.holdFor(delay.ms);
      ctx.onWait?.(delay.ms);
      // A rate limit holds every request through the gate; other failures wait here, for this request only.
      if (!delay.rateLimited) await pause(delay.ms, ctx.signal);
    } finally {
      ctx.signal.removeEventListener('abort', forward);
    }
  }
}
