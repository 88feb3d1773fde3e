import { forEachRow, type Delimiter } from './csv-parser';

/**
 * What a model needs to explain a table without every row inline: its
 * dimensions, the header, a note per column and a few rows.
 */
export interface CsvSummary {
  delimiter: Delimiter;
  hasHeader: boolean;
  columns: string[];
  rowCount: number;
  columnNotes: string[];
  sampleRows: string[][];
  /** The above as one readable block for the prompt. */
  text: string;
}

const sampleRowCount = 10;
// Distinct values are counted exactly up to this many per column; beyond it, "over N".
const distinctCap = 1_000;

interface ColumnStats {
  empty: number;
  numbers: number;
  integers: number;
  dates: number;
  booleans: number;
  min: number;
  max: number;
  distinct: Set<string>;
  distinctOverflow: boolean;
}

const numberPattern = /^[-+]?(\d+([.,]\d+)?|\d{1,3}(,\d{3})+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;
const booleanPattern = /^(true|false|yes|no)$/i;

export function summariseCsv(text: string, delimiter: Delimiter): CsvSummary {
  const rows: string[][] = [];
  let rowCount = 0;
  let stats: ColumnStats[] = [];
  let first: string[] | null = null;
  forEachRow(text, delimiter, (fields) => {
    if (fields.length === 1 && fields[0] === '') return;
    if (!first) {
      first = fields;
      return;
    }
    rowCount += 1;
    if (rows.length < sampleRowCount) rows.push(fields);
    if (stats.length < fields.length) stats = [...stats, ...Array.from({ length: fields.length - stats.length }, newStats)];
    fields.forEach((value, i) => record(stats[i] as ColumnStats, value));
  });
  const header: string[] = first ?? [];
  const hasHeader = looksLikeHeader(header, stats);
  if (!hasHeader && first) {
    // The first row was data after all.
    rowCount += 1;
    rows.unshift(header);
    if (rows.length > sampleRowCount) rows.pop();
    header.forEach((value, i) => record(stats[i] ?? (stats[i] = newStats()), value));
  }
  const width = Math.max(header.length, stats.length);
  const columns = Array.from({ length: width }, (_, i) => (hasHeader ? header[i] || `column ${i + 1}` : `column ${i + 1}`));
  const columnNotes = columns.map((name, i) => `${name}: ${noteOf(stats[i] ?? newStats(), rowCount)}`);
  return {
    delimiter,
    hasHeader,
    columns,
    rowCount,
    columnNotes,
    sampleRows: rows,
    text: render(delimiter, hasHeader, columns, rowCount, columnNotes, hasHeader ? [header, ...rows] : rows),
  };
}

function newStats(): ColumnStats {
  return { empty: 0, numbers: 0, integers: 0, dates: 0, booleans: 0, min: Infinity, max: -Infinity, distinct: new Set(), distinctOverflow: false };
}

function record(s: ColumnStats, raw: string): void {
  const value = raw.trim();
  if (value === '') {
    s.empty += 1;
    return;
  }
  if (!s.distinctOverflow) {
    s.distinct.add(value);
    if (s.distinct.size > distinctCap) s.distinctOverflow = true;
  }
  if (numberPattern.test(value)) {
    const n = Number(value.includes(',') && !value.includes('.') && /,\d{1,2}$/.test(value) ? value.replace(',', '.') : value.replace(/,/g, ''));
    if (Number.isFinite(n)) {
      s.numbers += 1;
      if (Number.isInteger(n)) s.integers += 1;
      s.min = Math.min(s.min, n);
      s.max = Math.max(s.max, n);
      return;
    }
  }
  if (datePattern.test(value)) s.dates += 1;
  else if (booleanPattern.test(value)) s.booleans += 1;
}

/** A header has no numbers where the data below has them, and no repeated names. */
function looksLikeHeader(first: string[], stats: ColumnStats[]): boolean {
  if (first.length === 0) return false;
  if (new Set(first).size !== first.length) return false;
  const numericCell = first.some((v, i) => numberPattern.test(v.trim()) && (stats[i]?.numbers ?? 0) > 0);
  if (numericCell) return false;
  return first.every((v) => v.trim() !== '' && !numberPattern.test(v.trim()));
}

function noteOf(s: ColumnStats, rowCount: number): string {
  const filled = rowCount - s.empty;
  const parts: string[] = [];
  if (filled === 0) return 'always empty';
  if (s.numbers === filled) {
    parts.push(`${s.integers === filled ? 'integer' : 'number'}, ${formatNumber(s.min)} to ${formatNumber(s.max)}`);
  } else if (s.dates === filled) {
    parts.push('date');
  } else if (s.booleans === filled) {
    parts.push('yes/no');
  } else {
    parts.push(s.numbers > filled / 2 ? `mostly numbers (${filled - s.numbers} other values)` : 'text');
  }
  parts.push(s.distinctOverflow ? `over ${distinctCap.toLocaleString('en-US')} distinct values` : `${s.distinct.size.toLocaleString('en-US')} distinct`);
  parts.push(s.empty === 0 ? 'no empty values' : `${s.empty.toLocaleString('en-US')} empty`);
  return parts.join(', ');
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toPrecision(6)));
}

const delimiterNames: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function render(delimiter: Delimiter, hasHeader: boolean, columns: string[], rowCount: number, notes: string[], sample: string[][]): string {
  const quote = (v: string) => (/["\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    `Table: ${rowCount.toLocaleString('en-US')} rows × ${columns.length} columns, ${delimiterNames[delimiter]}-separated, ${hasHeader ? 'with a header row' : 'no header row'}.`,
    'Columns:',
    ...notes.map((n) => `- ${n}`),
    `First ${Math.min(rowCount, sampleRowCount)} rows${hasHeader ? ' (after the header)' : ''}:`,
    ...sample.map((row) => row.map(quote).join(delimiter)),
  ];
  if (rowCount > sampleRowCount) lines.push(`… ${(rowCount - sampleRowCount).toLocaleString('en-US')} more rows`);
  return lines.join('\n');
}
