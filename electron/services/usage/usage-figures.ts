import type { Percentiles, UsageGroup, UsageSummary, UsageTotals } from '../../../shared/usage';
import { addDays, daysBetween } from '../../../shared/usage';
import type { UsageRow } from '../../db/usage-repository';

/**
 * The dashboard's numbers from the rows of a range. Worked out in memory: a
 * year of heavy use is tens of thousands of rows, read in one index walk, and
 * percentiles have no SQL aggregate.
 */

/** Nearest-rank percentile of values sorted ascending; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/**
 * Answer tokens per second once the first token arrived: the model's writing
 * speed, apart from the wait before it starts. Only for complete answers of
 * more than one token that took measurable time.
 */
export function tokensPerSecond(r: UsageRow): number | null {
  if (r.status !== 'complete' || r.ttftMs === null || r.totalMs === null || r.completionTokens < 2) return null;
  const writingMs = r.totalMs - r.ttftMs;
  return writingMs > 0 ? r.completionTokens / (writingMs / 1000) : null;
}

const isError = (r: UsageRow) => r.status === 'error';

export function totalsOf(rows: readonly UsageRow[]): UsageTotals {
  const t: UsageTotals = { requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, estimatedRequests: 0, unpricedRequests: 0 };
  for (const r of rows) {
    t.requests += 1;
    if (isError(r)) t.errors += 1;
    t.promptTokens += r.promptTokens;
    t.completionTokens += r.completionTokens;
    if (r.costUsd === null) t.unpricedRequests += 1;
    else t.costUsd += r.costUsd;
    if (r.estimated) t.estimatedRequests += 1;
  }
  return t;
}

function groupBy(rows: readonly UsageRow[], keyOf: (r: UsageRow) => string): Map<string, UsageRow[]> {
  const groups = new Map<string, UsageRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return groups;
}

function group(key: string, label: string, provider: string | null, rows: readonly UsageRow[]): UsageGroup {
  const speeds = rows.map(tokensPerSecond).filter((v): v is number => v !== null);
  return {
    key,
    label,
    provider,
    ...totalsOf(rows),
    ttftMs: percentiles(rows.flatMap((r) => (r.ttftMs === null ? [] : [r.ttftMs]))),
    tokensPerSecond: percentiles(speeds).p50,
  };
}

const byCostThenRequests = (a: UsageGroup, b: UsageGroup) => b.costUsd - a.costUsd || b.requests - a.requests || a.label.localeCompare(b.label);

export interface FigureNames {
  /** A provider's name from its id; the id when the provider was removed. */
  providerName(id: string | null): string;
}

export function usageFigures(range: { from: string; to: string }, rows: readonly UsageRow[], names: FigureNames): Omit<UsageSummary, 'budget'> {
  const perDay = groupBy(rows, (r) => r.day);
  const days: UsageSummary['days'] = [];
  for (let i = 0, n = daysBetween(range.from, range.to); i <= n; i++) {
    const day = addDays(range.from, i);
    days.push({ day, ...totalsOf(perDay.get(day) ?? []) });
  }
  const perMonth = groupBy(rows, (r) => r.day.slice(0, 7));
  const months = [...new Set(days.map((d) => d.day.slice(0, 7)))].map((month) => ({ month, ...totalsOf(perMonth.get(month) ?? []) }));

  const errorCounts = groupBy(rows.filter(isError), (r) => r.errorCode ?? 'UNKNOWN');
  const errors = [...errorCounts].map(([code, list]) => ({ code, count: list.length })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const byModel = [...groupBy(rows, (r) => `${r.providerId ?? ''}\u0000${r.model}`).values()]
    .map((list) => group(list[0]!.model, list[0]!.model || 'unknown model', names.providerName(list[0]!.providerId), list))
    .sort(byCostThenRequests);
  const byProvider = [...groupBy(rows, (r) => r.providerId ?? '').entries()]
    .map(([id, list]) => group(id, names.providerName(id || null), null, list))
    .sort(byCostThenRequests);
  const byConversation = [...groupBy(rows.filter((r) => r.conversationId !== null), (r) => r.conversationId!).entries()]
    .map(([id, list]) => group(id, list.at(-1)!.conversationTitle ?? 'Deleted conversation', null, list))
    .sort(byCostThenRequests)
    .slice(0, 20);

  return {
    range: { from: range.from, to: range.to },
    totals: totalsOf(rows),
    days,
    months,
    ttftMs: percentiles(rows.flatMap((r) => (r.ttftMs === null ? [] : [r.ttftMs]))),
    totalMs: percentiles(rows.flatMap((r) => (r.totalMs === null || isError(r) ? [] : [r.totalMs]))),
    tokensPerSecond: percentiles(rows.map(tokensPerSecond).filter((v): v is number => v !== null)),
    errors,
    byModel,
    byProvider,
    byConversation,
  };
}
