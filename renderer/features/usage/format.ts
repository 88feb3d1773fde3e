const whole = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const formatCount = (n: number) => whole.format(n);

/** Cents, and the tenths of a cent small sums and budgets need ($0.025 is not $0.03); never "$0.00" for something. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd >= 100) return `$${usd.toFixed(2)}`;
  return `$${usd.toFixed(4).replace(/0{1,2}$/, '')}`;
}

/** "1 request", "2 requests". */
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${oneDecimal.format(ms / 1000)} s`;
}

export const formatRate = (perSecond: number | null) => (perSecond === null ? '–' : `${oneDecimal.format(perSecond)}/s`);

/** "Nov 26" for a YYYY-MM-DD day, read as a calendar day whatever the time zone. */
export function shortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function monthName(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
