import { z } from 'zod';
import { ErrorCode } from './error-codes';
import { daysBetween } from './usage-days';

// Kept here too for the main process's imports; the renderer imports them from usage-days.ts, without zod.
export { addDays, daysBetween, localDay } from './usage-days';

/**
 * Spending and speed, from the `usage` table (one row per model request,
 * written when its answer ends). Days are the person's local calendar days,
 * `YYYY-MM-DD`, fixed when the row is written: a budget "per day" is per day
 * as the person lives it, not per UTC day.
 */
export const UsageDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day is written YYYY-MM-DD');

/** The longest range the dashboard asks for: a year and a day, so "the last 365 days" always fits. */
export const MAX_RANGE_DAYS = 366;

export const UsageRange = z
  .object({ from: UsageDay, to: UsageDay })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'the range ends before it starts', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_RANGE_DAYS, { message: `a range is at most ${MAX_RANGE_DAYS} days`, path: ['to'] });
export type UsageRange = z.infer<typeof UsageRange>;

const Usd = z.number().min(0).max(1_000_000);

/** `null`: no budget for that period. */
export const Budgets = z
  .object({
    dailyUsd: Usd.positive('a budget is more than $0').nullable(),
    monthlyUsd: Usd.positive('a budget is more than $0').nullable(),
  })
  .strict();
export type Budgets = z.infer<typeof Budgets>;

/** At this share of a budget the composer warns; at 100 % sending stops (unless overridden for one request). */
export const BUDGET_WARNING_SHARE = 0.8;

export const BudgetStatus = z.object({
  budgets: Budgets,
  spentTodayUsd: z.number().nonnegative(),
  spentThisMonthUsd: z.number().nonnegative(),
  /** `warning` from 80 % of either budget, `exceeded` from 100 %. */
  level: z.enum(['ok', 'warning', 'exceeded']),
  /** Which budget decided the level (the day's when both are at the same level); null when `ok`. */
  period: z.enum(['day', 'month']).nullable(),
});
export type BudgetStatus = z.infer<typeof BudgetStatus>;

const PerMillion = z.number().min(0, 'a price is $0 or more').max(10_000, 'a price is at most $10,000 per million tokens');
const PriceModel = z.string().trim().min(1).max(200);

/** A price the person set for a model, in US dollars per million tokens; it wins over the catalogue's. */
export const PriceOverride = z.object({ model: PriceModel, inputPerMillion: PerMillion, outputPerMillion: PerMillion }).strict();
export type PriceOverride = z.infer<typeof PriceOverride>;

export const ModelPrice = z.object({
  model: z.string(),
  inputPerMillion: z.number().nonnegative(),
  outputPerMillion: z.number().nonnegative(),
  /** The catalogue's list price; null for a model the catalogue does not know. */
  listInputPerMillion: z.number().nonnegative().nullable(),
  listOutputPerMillion: z.number().nonnegative().nullable(),
  /** The person set this price. */
  edited: z.boolean(),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Every catalogue model and every model with an edited price. */
export const PriceList = z.object({ prices: z.array(ModelPrice) });
export type PriceList = z.infer<typeof PriceList>;

/** Replaces every edited price: a model left out goes back to its list price. */
export const SetPricesInput = z
  .object({
    overrides: z
      .array(PriceOverride)
      .max(500)
      .refine((list) => new Set(list.map((p) => p.model)).size === list.length, 'each model is priced once'),
  })
  .strict();

export const Percentiles = z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() });
export type Percentiles = z.infer<typeof Percentiles>;

export const UsageTotals = z.object({
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  /** Requests whose tokens Parley counted because the provider reported none. */
  estimatedRequests: z.number().int().nonnegative(),
  /** Requests to a model without a known price: their cost is not in `costUsd`. */
  unpricedRequests: z.number().int().nonnegative(),
});
export type UsageTotals = z.infer<typeof UsageTotals>;

export const UsageGroup = UsageTotals.extend({
  /** The model (byModel), the provider's id (byProvider), the conversation's id (byConversation). */
  key: z.string(),
  /** What to show: the model, the provider's name, the conversation's title. */
  label: z.string(),
  /** The provider's name, for a model row. */
  provider: z.string().nullable(),
  ttftMs: Percentiles,
  tokensPerSecond: z.number().nullable(),
});
export type UsageGroup = z.infer<typeof UsageGroup>;

export const UsageSummary = z.object({
  range: z.object({ from: UsageDay, to: UsageDay }),
  totals: UsageTotals,
  /** Every day of the range, oldest first, zeros included so a chart has no gaps. */
  days: z.array(UsageTotals.extend({ day: UsageDay })),
  /** Each calendar month the range touches, oldest first. */
  months: z.array(UsageTotals.extend({ month: z.string() })),
  ttftMs: Percentiles,
  totalMs: Percentiles,
  /** Answer tokens per second while streaming (after the first token), per request. */
  tokensPerSecond: Percentiles,
  errors: z.array(z.object({ code: ErrorCode.or(z.string()), count: z.number().int().positive() })),
  byModel: z.array(UsageGroup),
  byProvider: z.array(UsageGroup),
  /** The costliest conversations of the range, at most 20. */
  byConversation: z.array(UsageGroup),
  budget: BudgetStatus,
});
export type UsageSummary = z.infer<typeof UsageSummary>;
