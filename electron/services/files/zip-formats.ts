import { summariseCsv } from './csv-summary';
import { extractDocxText } from './docx-text';
import { refuse } from './file-refusal';
import type { Extracted } from './ingested-file';
import { isOpenDocumentText, readOdtText } from './odt-text';
import { readPptxSlides } from './pptx-slides';
import { readXlsxSheets, sheetCsv } from './xlsx-sheets';
import { maxInflatedPartBytes, readZipEntry, zipEntries, zipFlavour, type ZipEntry } from './zip-entries';

/**
 * Files that are zips inside: Word, Excel, PowerPoint and OpenDocument text
 * are read; other zips (archives, books, Java) are refused with what to do.
 */
const zipAdvice: Record<string, string> = {
  opendocument: 'an OpenDocument spreadsheet or presentation, which Parley cannot read yet. Save it as .xlsx, .csv or .pdf and drop that instead.',
  epub: 'an EPUB book, which Parley cannot read yet.',
  jar: 'a Java archive. Parley does not open archives: extract it and drop the file you want explained.',
};

export async function extractZipFormat(bytes: Buffer, name: string): Promise<Extracted> {
  const entries = zipEntries(bytes);
  const flavour = entries ? zipFlavour(entries.map((e) => e.name)) : 'zip';
  if (flavour === 'docx' && entries) {
    // mammoth inflates without a bound: the document part is inflated here first, bounded, so a zip bomb stops here.
    const document = entries.find((e) => e.name === 'word/document.xml');
    if (!document || !readZipEntry(bytes, document, maxInflatedPartBytes)) {
      refuse('unreadable-content', `${name} looks like a Word document but its text part could not be read (damaged, or too large once unpacked).`);
    }
    const text = await extractDocxText(bytes, name);
    return { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text };
  }
  if (flavour === 'xlsx' && entries) return extractWorkbook(bytes, entries, name);
  if (flavour === 'pptx' && entries) return extractDeck(bytes, entries, name);
  if (flavour === 'opendocument' && entries && isOpenDocumentText(bytes, entries)) {
    const text = readOdtText(bytes, entries);
    if (text === null) refuse('unreadable-content', `${name} looks like an OpenDocument text but Parley could not read it. Save it as .docx and drop that instead.`);
    if (text === '') refuse('empty', `${name} is a document with no text in it.`);
    return { kind: 'docx', mime: 'application/vnd.oasis.opendocument.text', text };
  }
  const advice = zipAdvice[flavour];
  if (advice) refuse(flavour === 'jar' ? 'archive' : 'binary', `${name} is ${advice}`);
  const files = entries?.filter((e) => !e.name.endsWith('/')).length;
  const holding = files === undefined ? '' : ` holding ${files} file${files === 1 ? '' : 's'}`;
  return refuse('archive', `${name} is a zip archive${holding}. Parley does not open archives: extract it and drop the file you want explained.`);
}

/** A deck is explained as a document whose pages are its slides. */
function extractDeck(bytes: Buffer, entries: ZipEntry[], name: string): Extracted {
  const slides = readPptxSlides(bytes, entries);
  if (!slides) refuse('unreadable-content', `${name} looks like a PowerPoint presentation but Parley could not read it. Export it as PDF and drop that instead.`);
  if (slides.every((slide) => slide.trim() === '')) refuse('empty', `${name} is a presentation with no text on its slides (pictures only?). Export it as PDF and drop screenshots of its slides instead.`);
  const pages = slides.map((slide, i) => `## Slide ${i + 1}\n${slide}`.trim());
  return { kind: 'markdown', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', pages, text: pages.join('\n\n') };
}

/** A workbook is explained as data: each sheet as CSV, summarised like a CSV file. */
function extractWorkbook(bytes: Buffer, entries: ZipEntry[], name: string): Extracted {
  const sheets = readXlsxSheets(bytes, entries);
  if (!sheets) refuse('unreadable-content', `${name} looks like an Excel workbook but Parley could not read it. Export the sheet as CSV and drop that instead.`);
  const filled = sheets
    .filter((sheet) => sheet.rows.length > 0)
    .map((sheet) => {
      const csv = sheetCsv(sheet.rows);
      return { name: sheet.name, csv, summary: summariseCsv(csv, ',') };
    });
  const [first] = filled;
  if (!first) refuse('empty', `${name} is an Excel workbook with no cells filled in.`);
  const { text: _summaryText, ...table } = first.summary;
  const one = filled.length === 1;
  return {
    kind: 'csv',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    text: one ? first.csv : filled.map((s) => `# Sheet: ${s.name}\n${s.csv}`).join('\n\n'),
    table,
    summary: one
      ? `Workbook, sheet "${first.name}":\n${first.summary.text}`
      : `Workbook with ${filled.length} sheets.\n\n${filled.map((s) => `Sheet "${s.name}":\n${s.summary.text}`).join('\n\n')}`,
  };
}

