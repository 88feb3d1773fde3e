/**
 * A small RFC 4180 reader: quoted fields with doubled quotes and line breaks
 * inside quotes. A library would do the same; this one also sniffs the
 * delimiter the way spreadsheets export it (comma, semicolon in European
 * locales, tab, pipe) and can stop after the rows a summary needs.
 */
export type Delimiter = ',' | ';' | '\t' | '|';
const candidates: Delimiter[] = [',', ';', '\t', '|'];
const sniffLines = 20;

/** Calls onRow for each row; stops when it returns false. */
export function forEachRow(text: string, delimiter: Delimiter, onRow: (fields: string[]) => boolean | void): void {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      fields.push(field);
      if (onRow(fields) === false) return;
      fields = [];
      field = '';
    } else {
      field += c;
    }
    i += 1;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    onRow(fields);
  }
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
