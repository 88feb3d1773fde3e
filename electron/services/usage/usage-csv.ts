import type { UsageRow } from '../../db/usage-repository';

export const usageCsvColumns = [
  'time',
  'day',
  'provider',
  'model',
  'conversation',
  'status',
  'error_code',
  'prompt_tokens',
  'completion_tokens',
  'tokens_estimated',
  'cost_usd',
  'ttft_ms',
  'total_ms',
] as const;

/**
 * A cell as RFC 4180 wants it, and defused: a spreadsheet runs a cell that
 * starts with = + - @ (or a tab or carriage return) as a formula, and a
 * conversation title is text anyone could have pasted, so such a cell gets a
 * leading apostrophe. Numbers are written by us and left alone.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line per request, oldest first, with a header; CRLF line ends as spreadsheets expect. */
export function usageCsv(rows: readonly UsageRow[], providerName: (id: string | null) => string): string {
  const lines = [usageCsvColumns.join(',')];
  for (const r of rows) {
    lines.push(
      [
        new Date(r.at).toISOString(),
        r.day,
        providerName(r.providerId),
        r.model,
        r.conversationTitle ?? (r.conversationId ? 'Deleted conversation' : ''),
        r.status,
        r.errorCode,
        r.promptTokens,
        r.completionTokens,
        r.estimated,
        r.costUsd === null ? null : Number(r.costUsd.toFixed(8)),
        r.ttftMs === null ? null : Math.round(r.ttftMs),
        r.totalMs === null ? null : Math.round(r.totalMs),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
