/** Small statistics for benchmark samples. Every function copies before sorting. */

/** Linear-interpolated percentile, `p` in 0..100 (the same definition as numpy's default). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  return sum(samples) / samples.length;
}

export const sum = (samples: readonly number[]): number => samples.reduce((a, b) => a + b, 0);

/** Per-index minimum over runs of the same length: each update's least time over several runs. */
export function leastOf(runs: readonly (readonly number[])[]): number[] {
  return runs[0]!.map((_, i) => Math.min(...runs.map((r) => r[i]!)));
}

export function min(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : Math.min(...samples);
}

export function max(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : Math.max(...samples);
}

/** Gaps between consecutive timestamps (which must be in time order). */
export function gaps(times: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < times.length; i++) out.push(times[i]! - times[i - 1]!);
  return out;
}

/** The largest number of timestamps that fall in any half-open window [t, t + windowMs). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
