/**
 * Calendar days as the usage table stores them, `YYYY-MM-DD`. Apart from
 * usage.ts's schemas so that the renderer can use them without bundling zod
 * into its first script.
 */

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); calendar arithmetic in UTC, so no daylight-saving hour shifts it. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The local calendar day of a moment, as stored in the usage table. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}
