import { createStreamingTokenCount } from '../electron/services/chat/streaming-token-count';
import { createTokenCounter } from '../electron/services/chat/token-counter';
import { prose } from './ingest-corpus';
import { median } from './stats';

/**
 * Counting an answer's tokens while it streams: what one delta costs early
 * in a long answer against late in it. Ours recounts only the text since
 * the last cut, so the ratio stays near 1; the baseline recounts the whole
 * answer so far on each delta, so its cost grows with the answer.
 */
export interface StreamingFigures {
  /** Microseconds per delta over the first window of deltas. */
  earlyUs: number;
  lateUs: number;
  ratio: number;
  baselineEarlyUs: number;
  baselineLateUs: number;
  baselineRatio: number;
  deltas: number;
  answerChars: number;
  /** Streamed count against one count of the whole answer. */
  driftTokens: number;
}

const ANSWER_BYTES = 400 * 1024;
const DELTA_CHARS = 12;
const WINDOW = 2_000;
const BASELINE_WINDOW = 20;

export async function measureStreamingCount(runs = 3): Promise<StreamingFigures> {
  const counter = createTokenCounter();
  await counter.load('o200k_base');
  const answer = prose(ANSWER_BYTES, 5);
  const deltas: string[] = [];
  for (let i = 0; i < answer.length; i += DELTA_CHARS) deltas.push(answer.slice(i, i + DELTA_CHARS));
  const early: number[] = [];
  const late: number[] = [];
  let drift = 0;
  // The first pass warms the JIT and the tokenizer's caches and is not kept: "early" would otherwise mean "cold".
  for (let r = -1; r < runs; r++) {
    const live = createStreamingTokenCount(counter, 'o200k_base');
    let t0 = performance.now();
    for (let i = 0; i < deltas.length; i++) {
      if (i === WINDOW && r >= 0) early.push(((performance.now() - t0) * 1000) / WINDOW);
      if (i === deltas.length - WINDOW) t0 = performance.now();
      live.append(deltas[i]!);
    }
    if (r >= 0) late.push(((performance.now() - t0) * 1000) / WINDOW);
    drift = Math.abs(live.tokens - counter.count('o200k_base', answer));
  }
  // The baseline is quadratic over the whole answer: sampled at the same two places, a few deltas each.
  const naive = (upTo: number) => {
    const t0 = performance.now();
    for (let i = upTo - BASELINE_WINDOW; i < upTo; i++) counter.count('o200k_base', answer.slice(0, (i + 1) * DELTA_CHARS));
    return ((performance.now() - t0) * 1000) / BASELINE_WINDOW;
  };
  const baselineEarly: number[] = [];
  const baselineLate: number[] = [];
  for (let r = 0; r < runs; r++) {
    baselineEarly.push(naive(WINDOW));
    baselineLate.push(naive(deltas.length));
  }
  const [e, l, be, bl] = [median(early), median(late), median(baselineEarly), median(baselineLate)];
  return {
    earlyUs: e,
    lateUs: l,
    ratio: l / e,
    baselineEarlyUs: be,
    baselineLateUs: bl,
    baselineRatio: bl / be,
    deltas: deltas.length,
    answerChars: answer.length,
    driftTokens: drift,
  };
}
