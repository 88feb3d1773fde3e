import type { ExplanationPlanSummary } from '../../../shared/file-explanation';

const count = new Intl.NumberFormat('en-US');

export function formatTokens(n: number): string {
  return `${count.format(n)} tokens`;
}

/** Small sums keep two significant digits: "$0.0042" says more than "$0.00". */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.0001) return '< $0.0001';
  if (usd < 0.01) return `$${usd.toPrecision(2)}`;
  return `$${usd.toFixed(2)}`;
}

/** Sizes as file managers show them (decimal units), the same as main's refusals. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function partsText(done: number, total: number): string {
  return `${done} of ${total} part${total === 1 ? '' : 's'}`;
}

/** The figures the confirmation shows, each a label and its value. */
export function planFigures(s: ExplanationPlanSummary): [string, string][] {
  const tokens = s.estimatedInputTokens + s.estimatedOutputTokens;
  return [
    ['Parts', s.inline ? '1 (the whole file at once)' : `${s.parts}, then combined (${s.requests} requests)`],
    ['File', `${s.tokensEstimated ? 'about ' : ''}${formatTokens(s.fileTokens)}`],
    ['Estimated tokens', `up to ${count.format(tokens)} (${count.format(s.estimatedInputTokens)} in, ${count.format(s.estimatedOutputTokens)} out)`],
    ['Estimated cost', s.estimatedCostUsd === null ? `unknown: ${s.model} has no price in Parley's catalogue` : `up to ${formatUsd(s.estimatedCostUsd)}`],
    ['Model', s.model],
  ];
}
