/**
 * A small RFC 4180 reader: quoted fields with doubled quotes and line breaks
 * inside quotes. A library would do the same; this one also sniffs the
 * delimiter the way spreadsheets export it (comma, semicolon in European
 * locales, tab, pipe) and can stop after the rows a summary needs.
 */
export type Delimiter = ',' | ';' | '\t' | '|';
const candidates: Delimiter[] = [',', ';', '\t', '|'];
const sniffLines = 20;

/**
 * Calls onRow for each row; stops when it returns false. A line without a
 * quote is split natively (most rows of most exports); only rows with quotes
 * go through the character loop, which is ten times slower.
 */
export function forEachRow(text: string, delimiter: Delimiter, onRow: (fields: string[]) => boolean | void): void {
  let at = 0;
  const n = text.length;
  while (at < n) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? n : lineEnd;
    const quote = text.indexOf('"', at);
    if (quote < 0 || quote > end) {
      if (onRow(text.slice(at, end).split(delimiter)) === false) return;
      at = end + 1;
      continue;
    }
    const row = quotedRow(text, at, delimiter);
    if (onRow(row.fields) === false) return;
    at = row.next;
  }
}

/** One row that holds quotes: doubled quotes and line breaks inside quotes. Jumps with indexOf, never char by char. */
function quotedRow(text: string, from: number, delimiter: Delimiter): { fields: string[]; next: number } {
  const fields: string[] = [];
  const n = text.length;
  let i = from;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // An unterminated quote takes the rest of the text, as spreadsheets do.
          value += text.slice(j);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        i = q + 1;
        break;
      }
    }
    // Unquoted text, or stray characters after a closing quote, up to the field's end.
    const stop = fieldEnd(text, i, delimiter);
    fields.push(value + text.slice(i, stop));
    if (stop >= n) return { fields, next: n };
    if (text[stop] === '\n') return { fields, next: stop + 1 };
    i = stop + 1;
  }
}

function fieldEnd(text: string, from: number, delimiter: Delimiter): number {
  const newline = text.indexOf('\n', from);
  const lineEnd = newline < 0 ? text.length : newline;
  const next = text.indexOf(delimiter, from);
  return next < 0 || next > lineEnd ? lineEnd : next;
}

/**
 * The delimiter whose count is the same, and not zero, on most of the first
 * lines. Null when no candidate is consistent: the text is not a table.
 */
export function sniffDelimiter(text: string): Delimiter | null {
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of candidates) {
    const counts: number[] = [];
    forEachRow(text, delimiter, (fields) => {
      if (fields.length > 1 || fields[0] !== '') counts.push(fields.length - 1);
      return counts.length < sniffLines;
    });
    if (counts.length < 2) continue;
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const same = counts.filter((c) => c === first).length / counts.length;
    if (same < 0.8) continue;
    const score = same * 100 + first;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter ?? null;
}
