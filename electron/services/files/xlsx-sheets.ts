import { decodeXml } from './xml-entities';
import { relationships, xmlAttribute, zipPartReader } from './office-parts';
import type { ZipEntry } from './zip-entries';

/**
 * The cells of an Excel workbook as rows of text, sheet by sheet, read from
 * its XML parts: the shared strings, each sheet, and the styles (to show a
 * date as a date and not as Excel's day count). Enough to explain a
 * spreadsheet export without a spreadsheet library: formulas are read as
 * their last computed values, formatting is ignored.
 */
export interface Sheet {
  name: string;
  rows: string[][];
}


/** All the text runs of a string item, without its phonetic guides. */
function textOf(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
}

function columnIndex(ref: string): number {
  let index = 0;
  for (const c of ref.replace(/\d+$/, '')) index = index * 26 + (c.charCodeAt(0) - 64);
  return index - 1;
}

// Built-in number formats that are dates or times (ECMA-376, 18.8.30).
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index: whether it shows a date. */
function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(xmlAttribute(m[0], 'numFmtId'));
    custom.set(id, xmlAttribute(m[0], 'formatCode') ?? '');
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(xmlAttribute(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    // Quoted text and colours in a format code are not date parts.
    return builtInDateFormats.has(id) || (code !== undefined && /[dy]|h:mm/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, '')));
  });
}

/** Excel counts days from 1899-12-30 (keeping Lotus 1-2-3's leap-year bug, which that epoch absorbs after February 1900). */
function excelDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

export function readXlsxSheets(bytes: Uint8Array, entries: readonly ZipEntry[]): Sheet[] | null {
  const part = zipPartReader(bytes, entries);
  const workbook = part('xl/workbook.xml');
  if (!workbook) return null;
  const targets = relationships(part('xl/_rels/workbook.xml.rels'), 'xl');
  const shared = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ''));
  const dates = dateStyles(part('xl/styles.xml'));

  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const relation = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const path = relation ? targets.get(relation)?.target : undefined;
    const xml = path ? part(path) : null;
    if (xml === null) continue;
    sheets.push({ name: xmlAttribute(m[0], 'name') ?? `Sheet ${sheets.length + 1}`, rows: rowsOf(xml, shared, dates) });
  }
  return sheets;
}

function rowsOf(xml: string, shared: readonly string[], dates: readonly boolean[]): string[][] {
  const rows: string[][] = [];
  for (const row of xml.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells: string[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1] ?? '';
      const ref = xmlAttribute(attrs, 'r');
      const index = ref ? columnIndex(ref) : cells.length;
      const body = cell[2] ?? '';
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const type = xmlAttribute(attrs, 't');
      let value = '';
      if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') value = textOf(body);
      else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
      else if (raw !== undefined) {
        const number = Number(raw);
        const style = Number(xmlAttribute(attrs, 's') ?? 0);
        value = type !== 'str' && type !== 'e' && dates[style] && Number.isFinite(number) ? excelDate(number) : decodeXml(raw);
      }
      while (cells.length < index) cells.push('');
      cells[index] = value;
    }
    rows.push(cells);
  }
  // Trailing empty rows (formatting that reaches past the data) say nothing.
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((c) => c === '')) rows.pop();
  return rows;
}

/** A sheet's rows as CSV, quoted where a cell holds a comma, a quote or a line break. */
export function sheetCsv(rows: readonly string[][]): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((row) => row.map(quote).join(',')).join('\n');
}
