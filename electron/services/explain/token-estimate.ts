import { roughTokenCount } from '../chat/token-counter';
import type { Steps } from './sliced-steps';

/**
 * Tokenizing runs at a few megabytes a second, so counting every line of a
 * 10 MB file exactly would keep the person waiting seconds for the plan.
 * Above a size, lines are estimated instead: the rough count (which already
 * tells English from CJK and emoji) scaled by how it compared with the
 * exact count on slices taken across the whole file, plus a margin so that
 * a part of many lines stays under its budget. Parts hold hundreds of lines
 * or more, so the errors of single lines even out within a part.
 */
export const estimateMargin = 1.12;

/** Estimates the tokens of `text` from `start` to `end` (a line), without copying it out. */
export type RangeEstimate = (start: number, end: number) => number;

/** The estimate for `text`, made in steps (one per sampled slice) for sliced-steps.ts. */
export function* estimatorSteps(text: string, count: (s: string) => number, sampleChars = 300_000): Steps<RangeEstimate> {
  const slices = 64;
  const per = Math.max(1, Math.floor(sampleChars / slices));
  let exact = 0;
  let rough = 0;
  for (let k = 0; k < slices; k++) {
    let start = Math.floor((k * Math.max(0, text.length - per)) / (slices - 1));
    if (start > 0) start = text.indexOf('\n', start - 1) + 1;
    if (start <= 0 && k > 0) continue;
    const nl = text.indexOf('\n', start + per);
    const piece = text.slice(start, nl < 0 ? text.length : nl + 1);
    exact += count(piece);
    rough += roughTokenCount(piece);
    yield;
  }
  const ratio = rough > 0 ? Math.min(1, exact / rough) : 1;
  return (start, end) => (end <= start ? 0 : Math.max(1, Math.ceil(roughTokenCount(text, start, end) * ratio * estimateMargin)));
}
