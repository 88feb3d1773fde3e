import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../electron/db/usage-repository';
import { csvCell, usageCsv } from '../../electron/services/usage/usage-csv';
import { percentile, percentiles, tokensPerSecond, usageFigures } from '../../electron/services/usage/usage-figures';
import { addDays, daysBetween, localDay } from '../../shared/usage';

const row = (over: Partial<UsageRow>): UsageRow => ({
  messageId: 'm',
  conversationId: 'c1',
  providerId: 'openai',
  model: 'gpt-4o-mini',
  at: Date.parse('2026-03-10T12:00:00Z'),
  day: '2026-03-10',
  status: 'complete',
  errorCode: null,
  promptTokens: 100,
  completionTokens: 50,
  estimated: false,
  costUsd: 0.01,
  ttftMs: 200,
  totalMs: 1200,
  conversationTitle: 'Trip',
  ...over,
});

const names = { providerName: (id: string | null) => ({ openai: 'OpenAI', local: 'Ollama' })[id ?? ''] ?? id ?? 'unknown provider' };

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)]).toEqual([50, 95, 99]);
    expect(percentiles([5, 1, 3])).toEqual({ p50: 3, p95: 5, p99: 5 });
    expect(percentiles([])).toEqual({ p50: null, p95: null, p99: null });
  });

  it('measures writing speed after the first token, only for complete answers', () => {
    expect(tokensPerSecond(row({ completionTokens: 50, ttftMs: 200, totalMs: 1200 }))).toBe(50);
    expect(tokensPerSecond(row({ status: 'error' }))).toBeNull();
    expect(tokensPerSecond(row({ ttftMs: null }))).toBeNull();
    expect(tokensPerSecond(row({ completionTokens: 1 }))).toBeNull();
  });
});

describe('usage per day and per month', () => {
  const rows = [
    row({ day: '2026-02-27', costUsd: 0.5 }),
    row({ day: '2026-02-28', costUsd: 0.25, estimated: true }),
    row({ day: '2026-03-01', status: 'error', errorCode: 'RATE_LIMITED', promptTokens: 0, completionTokens: 0, costUsd: 0, ttftMs: null, totalMs: 30 }),
    row({ day: '2026-03-01', providerId: 'local', model: 'llama3', costUsd: null, conversationId: 'c2', conversationTitle: null }),
    row({ day: '2026-03-02', status: 'error', errorCode: 'RATE_LIMITED', promptTokens: 0, completionTokens: 0, costUsd: 0, ttftMs: null }),
    row({ day: '2026-03-02', status: 'error', errorCode: 'SERVER', promptTokens: 0, completionTokens: 0, costUsd: 0, ttftMs: null }),
  ];
  const f = usageFigures({ from: '2026-02-26', to: '2026-03-03' }, rows, names);

  it('has every day of the range, zeros included, and each month it touches', () => {
    expect(f.days.map((d) => [d.day, d.requests, d.errors, d.costUsd])).toEqual([
      ['2026-02-26', 0, 0, 0],
      ['2026-02-27', 1, 0, 0.5],
      ['2026-02-28', 1, 0, 0.25],
      ['2026-03-01', 2, 1, 0],
      ['2026-03-02', 2, 2, 0],
      ['2026-03-03', 0, 0, 0],
    ]);
    expect(f.months.map((m) => [m.month, m.requests, m.costUsd])).toEqual([
      ['2026-02', 2, 0.75],
      ['2026-03', 4, 0],
    ]);
    expect(f.totals).toMatchObject({ requests: 6, errors: 3, estimatedRequests: 1, unpricedRequests: 1, costUsd: 0.75 });
  });

  it('counts errors by kind, most frequent first', () => {
    expect(f.errors).toEqual([{ code: 'RATE_LIMITED', count: 2 }, { code: 'SERVER', count: 1 }]);
  });

  it('groups by model and provider, costliest first, and names a deleted conversation', () => {
    expect(f.byModel.map((g) => [g.label, g.provider, g.requests])).toEqual([['gpt-4o-mini', 'OpenAI', 5], ['llama3', 'Ollama', 1]]);
    expect(f.byProvider.map((g) => [g.label, g.requests, g.errors])).toEqual([['OpenAI', 5, 3], ['Ollama', 1, 0]]);
    expect(f.byConversation.map((g) => g.label)).toEqual(['Trip', 'Deleted conversation']);
    // A failed request's time is not an answer's time.
    expect(f.totalMs.p50).toBe(1200);
  });
});

describe('calendar days', () => {
  it('counts and steps days across months and years', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localDay(new Date(2026, 10, 26, 23, 59).getTime())).toBe('2026-11-26');
  });
});

describe('the CSV export', () => {
  it('quotes what needs quoting and defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
  });

  it('writes one line per request under a header', () => {
    const csv = usageCsv([row({ conversationTitle: 'Line\nbreak', estimated: true, costUsd: 0.000123456789 })], names.providerName);
    expect(csv).toBe(
      'time,day,provider,model,conversation,status,error_code,prompt_tokens,completion_tokens,tokens_estimated,cost_usd,ttft_ms,total_ms\r\n' +
        '2026-03-10T12:00:00.000Z,2026-03-10,OpenAI,gpt-4o-mini,"Line\nbreak",complete,,100,50,true,0.00012346,200,1200\r\n',
    );
  });
});
