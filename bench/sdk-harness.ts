import OpenAI from 'openai';
import { defaultStreamTimings, streamAnswer, type StreamOutcome } from '../electron/services/chat/answer-stream';

/**
 * Shared pieces for scenarios that stream from the local OpenAI-compatible
 * server: a client, the bare-SDK baseline reader, our streamAnswer with an
 * event sink, and a probe that times what happens between two chunks.
 */

export const MODEL = 'test-model';
export const MESSAGES: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Tell me a long story.' }];

const WORDS = ['the ', 'quick ', 'brown ', 'fox ', 'jumps ', 'over ', 'a ', 'lazy ', 'dog; ', 'then ', 'it ', 'naps.\n'];

/** `n` token-sized chunks (2 to 7 characters), deterministic. */
export function tokenChunks(n: number): string[] {
  return Array.from({ length: n }, (_, i) => WORDS[(i * 7) % WORDS.length]!);
}

export function makeClient(baseURL: string): OpenAI {
  return new OpenAI({ apiKey: 'sk-bench-0000', baseURL, maxRetries: 0 });
}

export function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export interface BareResult {
  chunks: number;
  text: string;
  /** performance.now() when the first content chunk came out of the SDK. */
  firstAt: number | null;
  /** performance.now() of every content chunk (only when asked for). */
  times: number[];
}

/** The baseline: the bare SDK, same request body, iterating the stream and doing nothing else. */
export async function readBare(
  client: OpenAI,
  opts: { signal?: AbortSignal; recordTimes?: boolean; onFirst?: () => void } = {},
): Promise<BareResult> {
  const stream = await client.chat.completions.create(
    { model: MODEL, messages: MESSAGES, stream: true, stream_options: { include_usage: true } },
    opts.signal ? { signal: opts.signal } : undefined,
  );
  const out: BareResult = { chunks: 0, text: '', firstAt: null, times: [] };
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (text) {
      if (out.firstAt === null) {
        out.firstAt = performance.now();
        opts.onFirst?.();
      }
      if (opts.recordTimes) out.times.push(performance.now());
      out.chunks++;
      out.text += text;
    }
  }
  return out;
}

export interface SinkEvent {
  at: number;
  text: string;
}

export interface OursResult {
  outcome: StreamOutcome;
  /** Every chat:delta our coalescer emitted, with its performance.now(). */
  events: SinkEvent[];
  persists: number;
}

/** Ours: streamAnswer exactly as the chat service calls it, with the default timings and an event sink. */
export function runOurs(
  client: OpenAI,
  opts: { signal?: AbortSignal; stopRequested?: () => boolean; onEvent?: (e: SinkEvent) => void } = {},
): { done: Promise<OursResult>; events: SinkEvent[] } {
  const events: SinkEvent[] = [];
  let persists = 0;
  const done = streamAnswer({
    client,
    model: MODEL,
    messages: MESSAGES,
    signal: opts.signal ?? new AbortController().signal,
    stopRequested: opts.stopRequested ?? (() => false),
    onDelta: (text) => {
      const e = { at: performance.now(), text };
      events.push(e);
      opts.onEvent?.(e);
    },
    persist: () => void persists++,
    timings: defaultStreamTimings,
  }).then((outcome) => ({ outcome, events, persists }));
  return { done, events };
}

export interface LoopProbe {
  /** Total time from a chunk being handed to the consumer to the consumer asking for the next one. */
  loopMs: number;
  items: number;
  /** performance.now() when the SDK's iterator reported its end. */
  endedAt: number | null;
}

export const newProbe = (): LoopProbe => ({ loopMs: 0, items: 0, endedAt: null });

/**
 * A client whose streams are the real SDK streams, wrapped so the time the
 * consumer spends between two chunks (its loop body) is summed into `probe`.
 */
export function probedClient(client: OpenAI, probe: LoopProbe): OpenAI {
  const create = async (...args: Parameters<OpenAI['chat']['completions']['create']>) => {
    const inner = (await client.chat.completions.create(...args)) as unknown as AsyncIterable<unknown>;
    return {
      [Symbol.asyncIterator](): AsyncIterator<unknown> {
        const it = inner[Symbol.asyncIterator]();
        let handedAt: number | null = null;
        return {
          async next() {
            if (handedAt !== null) probe.loopMs += performance.now() - handedAt;
            handedAt = null;
            const r = await it.next();
            if (r.done) probe.endedAt = performance.now();
            else {
              probe.items++;
              handedAt = performance.now();
            }
            return r;
          },
          async return(value?: unknown) {
            handedAt = null;
            return it.return ? it.return(value) : { done: true, value };
          },
        };
      },
    };
  };
  return { chat: { completions: { create } } } as unknown as OpenAI;
}
