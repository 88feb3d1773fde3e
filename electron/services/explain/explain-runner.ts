import type OpenAI from 'openai';
import type { AppErrorShape } from '../../../shared/error-codes';
import type { Usage } from '../../../shared/domain';
import { encodingOf, estimateCostUsd } from '../../../shared/model-catalogue';
import type { ExplanationProgress } from '../../../shared/file-explanation';
import { AppError } from '../app-error';
import { defaultStreamTimings, streamAnswer, type StreamTimings } from '../chat/answer-stream';
import type { TokenCounter } from '../chat/token-counter';
import { runPool } from './bounded-pool';
import { completeWithRetry, samplingFor, type CompletionAnswer, type CompletionContext } from './completion-request';
import { combineMessages, inlineMessages, partMessages, partName, type PartNotes } from './explain-prompts';
import type { ExplanationPlan } from './explain-plan';
import { piecesWithin } from './part-fit';
import { defaultRetryPolicy, RateGate, type RetryPolicy } from './rate-limit-retry';

export interface PartExplanation {
  index: number;
  label: string;
  text: string;
  usage: Usage | null;
  /** 1 unless the part was retried after a rate limit or a failure. */
  attempts: number;
}

export interface ExplainOptions {
  client: OpenAI;
  plan: ExplanationPlan;
  /** Counts the parts' notes when grouping them for combining. */
  counter: TokenCounter;
  /** Part requests at once; 3 by default, which stays under most accounts' request rate. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** Stop: no new request starts, those in flight are aborted, the parts already done are kept. */
  signal?: AbortSignal;
  /** Parts done by an earlier, stopped run of the same plan: not asked again. */
  done?: readonly PartExplanation[];
  onProgress?: (progress: ExplanationProgress) => void;
  /** Each part as it finishes, so the caller can store it at once. */
  onPart?: (part: PartExplanation) => void;
  /** The final explanation as it streams. */
  onDelta?: (text: string) => void;
  /** The final explanation so far, every `timings.flushIntervalMs`, as the chat flushes a growing answer. */
  persist?: (content: string) => void;
  timings?: Partial<StreamTimings>;
  /** Per non-streamed request. */
  requestTimeoutMs?: number;
  /** The cost at the person's prices (Settings' price overrides); the catalogue's list prices when absent. */
  costOf?: (model: string, usage: Usage) => number | null;
}

/** A cost at the catalogue's list prices: what an explanation costs where the person's own prices are not at hand. */
export const listPriceCost = (model: string, usage: Usage): number | null => estimateCostUsd(model, usage.promptTokens, usage.completionTokens);

export interface ExplanationResult {
  status: 'complete' | 'cancelled' | 'error';
  key: string;
  /** The parts done, in file order; all of them when complete. Empty for a file explained inline. */
  parts: PartExplanation[];
  /** The combined explanation, or the inline one; what arrived of it when stopped or failed while streaming. */
  text: string;
  error: AppErrorShape | null;
  usage: Usage;
  costUsd: number | null;
}

/**
 * Explains a planned file: inline in one streamed request, or part by part
 * (non-streamed, `concurrency` at a time, retried after rate limits), then
 * the parts' notes combined into one explanation streamed through the same
 * path as a chat answer. Never rejects: the result says what happened and
 * keeps everything that was done.
 */
export async function explainFile(o: ExplainOptions): Promise<ExplanationResult> {
  const { plan } = o;
  const signal = o.signal ?? new AbortController().signal;
  const local = new AbortController();
  const abort = () => local.abort();
  // A signal aborted before the call fires no event: stopped already means nothing is sent.
  if (signal.aborted) local.abort();
  else signal.addEventListener('abort', abort, { once: true });
  const usage: Usage = { promptTokens: 0, completionTokens: 0 };
  const addUsage = (u: Usage | null) => {
    if (!u) return;
    usage.promptTokens += u.promptTokens;
    usage.completionTokens += u.completionTokens;
  };
  const total = plan.parts.length;
  const done = new Map<number, PartExplanation>((o.done ?? []).filter((p) => p.index < total).map((p) => [p.index, p]));
  const progress = (phase: ExplanationProgress['phase'], waitingMs?: number) =>
    o.onProgress?.({ phase, partsDone: done.size, partsTotal: total, ...(waitingMs !== undefined ? { waitingMs: Math.round(waitingMs) } : {}) });
  const ctx: CompletionContext = {
    client: o.client,
    model: plan.model,
    temperature: plan.temperature,
    policy: { ...defaultRetryPolicy, ...o.retry },
    gate: new RateGate(),
    signal: local.signal,
    timeoutMs: o.requestTimeoutMs ?? 120_000,
    onWait: (ms) => progress(done.size < total ? 'parts' : 'combining', ms),
  };
  const finish = (status: ExplanationResult['status'], text: string, error: AppErrorShape | null): ExplanationResult => {
    signal.removeEventListener('abort', abort);
    if (status === 'complete') progress('done');
    return {
      status,
      key: plan.key,
      parts: plan.summary.inline ? [] : [...done.values()].sort((a, b) => a.index - b.index),
      text,
      error,
      usage,
      costUsd: (o.costOf ?? listPriceCost)(plan.model, usage),
    };
  };
  const stream = async (messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[]) => {
    // The chat's stream listens for an abort to come, not one that has already happened.
    if (local.signal.aborted) return finish('cancelled', '', null);
    const outcome = await streamAnswer({
      client: o.client,
      model: plan.model,
      messages,
      params: samplingFor(plan.model, plan.temperature, null),
      signal: local.signal,
      stopRequested: () => signal.aborted,
      onDelta: o.onDelta ?? (() => undefined),
      persist: o.persist ?? (() => undefined),
      timings: { ...defaultStreamTimings, ...o.timings },
    });
    addUsage(outcome.usage);
    return finish(outcome.status, outcome.content, outcome.error);
  };

  if (plan.summary.inline) {
    progress('parts');
    return stream(inlineMessages({ boundary: plan.boundary, instruction: plan.instruction, name: plan.file.name, text: plan.parts[0]!.text }));
  }

  // Map: every part not done yet, at most `concurrency` at a time.
  let failure: AppError | null = null;
  progress('parts');
  const todo = plan.parts.filter((p) => !done.has(p.index));
  await runPool(
    todo,
    o.concurrency ?? 3,
    async (part) => {
      try {
        const exact = (s: string) => o.counter.count(encodingOf(plan.model), s);
        const pieces = plan.summary.tokensEstimated ? piecesWithin(part.text, part.prefix ? exact(part.prefix) : 0, exact, plan.partBudget) : [part.text];
        const answers: CompletionAnswer[] = [];
        for (const [k, text] of pieces.entries()) {
          const piece = pieces.length === 1 ? '' : `, piece ${k + 1} of ${pieces.length}`;
          const messages = partMessages({
            boundary: plan.boundary,
            instruction: plan.instruction,
            name: plan.file.name,
            part: { number: part.index + 1, total, label: part.label + piece, range: part.range + piece },
            prefix: part.prefix,
            text,
            answerTokens: Math.floor(plan.partAnswerTokens / pieces.length),
          });
          const answer = await completeWithRetry(ctx, messages, Math.floor(plan.partAnswerTokens / pieces.length));
          addUsage(answer.usage);
          answers.push(answer);
        }
        const explained: PartExplanation = {
          index: part.index,
          label: part.label,
          text: answers.map((a) => a.text.trim()).join('\n\n'),
          usage: sumUsage(answers.map((a) => a.usage)),
          attempts: Math.max(...answers.map((a) => a.attempts)),
        };
        done.set(part.index, explained);
        o.onPart?.(explained);
        progress('parts');
      } catch (err) {
        if (local.signal.aborted) return;
        // One part that cannot be explained stops new ones; those in flight finish, since they are paid for.
        failure ??= err instanceof AppError ? err : new AppError('INTERNAL', String(err));
      }
    },
    () => local.signal.aborted || failure !== null,
  );
  if (signal.aborted) return finish('cancelled', '', null);
  if (failure) return finish('error', '', (failure as AppError).toShape());

  // Reduce: while the notes overflow one request, merge neighbouring runs of them into shorter notes.
  progress('combining');
  const count = (s: string) => o.counter.count(encodingOf(plan.model), s) + 40;
  let notes: (PartNotes & { first: number; last: number })[] = [...done.values()]
    .sort((a, b) => a.index - b.index)
    .map((p) => ({ label: partName({ number: p.index + 1, total, label: p.label }), text: p.text, first: p.index + 1, last: p.index + 1 }));
  while (notes.length > 2 && notes.reduce((n, x) => n + count(x.text), 0) > plan.combineRoom) {
    const groups: (typeof notes)[] = [[]];
    let size = 0;
    for (const n of notes) {
      const t = count(n.text);
      if (size + t > plan.combineRoom && groups.at(-1)!.length > 0) {
        groups.push([]);
        size = 0;
      }
      groups.at(-1)!.push(n);
      size += t;
    }
    // Grouping that merges nothing would loop for ever: pair neighbours instead.
    const work = (groups.length === notes.length ? pairs(notes) : groups).map((g, i) => ({ g, i }));
    const merged: typeof notes = new Array(work.length);
    await runPool(
      work,
      o.concurrency ?? 3,
      async ({ g, i }) => {
        try {
          const first = g[0]!.first;
          const last = g.at(-1)!.last;
          const messages = combineMessages({ boundary: plan.boundary, instruction: plan.instruction, name: plan.file.name, totalParts: total, notes: g, final: false, answerTokens: plan.partAnswerTokens });
          const answer = g.length === 1 ? { text: g[0]!.text, usage: null } : await completeWithRetry(ctx, messages, plan.partAnswerTokens);
          addUsage(answer.usage);
          merged[i] = { label: `parts ${first}–${last} of ${total}`, text: answer.text, first, last };
        } catch (err) {
          if (!local.signal.aborted) failure ??= err instanceof AppError ? err : new AppError('INTERNAL', String(err));
        }
      },
      () => local.signal.aborted || failure !== null,
    );
    if (signal.aborted) return finish('cancelled', '', null);
    if (failure) return finish('error', '', (failure as AppError).toShape());
    notes = merged;
  }
  return stream(combineMessages({ boundary: plan.boundary, instruction: plan.instruction, name: plan.file.name, totalParts: total, notes, final: true, summary: plan.fileShape }));
}

function sumUsage(list: (Usage | null)[]): Usage | null {
  const known = list.filter((u): u is Usage => u !== null);
  if (known.length === 0) return null;
  return { promptTokens: known.reduce((n, u) => n + u.promptTokens, 0), completionTokens: known.reduce((n, u) => n + u.completionTokens, 0) };
}

function pairs<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}
