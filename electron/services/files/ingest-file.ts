import { createHash } from 'node:crypto';
import path from 'node:path';
import { summariseCsv } from './csv-summary';
import { extractDocxText } from './docx-text';
import { FileRefusedError, formatBytes, refuse } from './file-refusal';
import { sniffSignature, type Signature } from './file-signature';
import { imageInfo } from './image-info';
import { defaultMaxFileBytes, hardMaxFileBytes, type FileSource, type IngestOptions, type IngestResult, type IngestedFile } from './ingested-file';
import { gunzipMember } from './gzip-member';
import { summariseJson } from './json-summary';
import { notebookText } from './notebook-text';
import { isOpenDocumentText, readOdtText } from './odt-text';
import { extractPdfPages } from './pdf-text';
import { assertWithinLimit, readFileSafely, type FileBytes } from './read-file-safely';
import { decodeText } from './text-decoding';
import { guessTextKind } from './text-kind';
import { readPptxSlides } from './pptx-slides';
import { isRtf, rtfToText } from './rtf-text';
import { readXlsxSheets, sheetCsv } from './xlsx-sheets';
import { maxInflatedPartBytes, readZipEntry, zipEntries, zipFlavour, type ZipEntry } from './zip-entries';

/**
 * The one door into file ingestion: a path or dropped bytes in, the file's
 * kind and extracted content out, or a refusal that says why in words a
 * person can act on. Never throws for anything about the file itself.
 *
 *   const result = await ingestFile({ path }, { maxBytes: settings.maxFileBytes });
 *   const result = await ingestFile({ name: file.name, bytes });   // the browser host's drop
 *   if (!result.ok) show result.error.message (an alert); for reason 'directory',
 *     offer result.error.entries, each ingested as path.join(result.error.directory, entry)
 *   else result.file: text (and pages for a PDF) for the explain plan, summary for CSV/JSON,
 *     image.dataUrl for a vision model (check supportsVision(model) first), sha256 for reuse.
 */
export async function ingestFile(source: FileSource, options: IngestOptions = {}): Promise<IngestResult> {
  const maxBytes = Math.min(options.maxBytes ?? defaultMaxFileBytes, hardMaxFileBytes);
  try {
    const read = 'path' in source ? await readFileSafely(source.path, { maxBytes }) : fromDroppedBytes(source.name, source.bytes, maxBytes);
    return { ok: true, file: await extract(read, maxBytes) };
  } catch (err) {
    if (err instanceof FileRefusedError) return { ok: false, error: err.refusal };
    throw err;
  }
}

/** The browser host has no path: it hands over what was dropped, which passes the same checks after the read. */
function fromDroppedBytes(givenName: string, bytes: Uint8Array, maxBytes: number): FileBytes {
  // A name is only a label here; never let it look like a path.
  const name = path.basename(givenName.replace(/\\/g, '/')) || 'dropped file';
  assertWithinLimit(name, bytes.byteLength, maxBytes);
  return { name, displayPath: name, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

async function extract(read: FileBytes, maxBytes: number): Promise<IngestedFile> {
  const { name, bytes } = read;
  if (bytes.length === 0) refuse('empty', `${name} is empty (0 bytes): there is nothing to explain.`);
  return {
    name,
    displayPath: read.displayPath,
    ...(read.resolvedFrom ? { resolvedFrom: read.resolvedFrom } : {}),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(await extractContent(bytes, name, maxBytes, true)),
  };
}

async function extractContent(bytes: Buffer, name: string, maxBytes: number, mayUnpack: boolean): Promise<Extracted> {
  const signature = sniffSignature(bytes);
  if (signature?.mime === 'application/gzip' && mayUnpack) return extractGzipped(bytes, name, maxBytes);
  if (signature) return extractBinaryFormat(signature, bytes, name);
  return extractText(bytes, name);
}

async function extractGzipped(bytes: Buffer, name: string, maxBytes: number): Promise<Extracted> {
  const inner = gunzipMember(bytes, name, maxBytes);
  if (!inner.ok && inner.reason === 'too-large') {
    refuse('too-large', `${name} unpacks to more than the ${formatBytes(maxBytes)} limit for files. You can raise the limit in Settings.`);
  }
  if (!inner.ok) refuse('unreadable-content', `${name} looks gzip-compressed but Parley could not unpack it. It may be damaged.`);
  if (inner.bytes.length === 0) refuse('empty', `${name} unpacks to an empty file: there is nothing to explain.`);
  if (sniffSignature(inner.bytes)?.mime === 'application/x-tar') {
    refuse('archive', `${name} is a tar archive (gzip-compressed). Parley does not open archives: extract it and drop the file you want explained.`);
  }
  // Explained as what it holds: the kind (a log, a CSV) comes from the name inside.
  return extractContent(inner.bytes, inner.name, maxBytes, false);
}

// 20 MB is the per-image limit vision APIs commonly document; a larger image would fail at the provider, after the upload.
const maxImageBytes = 20 * 1000 * 1000;

type Extracted = Omit<IngestedFile, 'name' | 'displayPath' | 'resolvedFrom' | 'size' | 'sha256'>;

async function extractBinaryFormat(signature: Signature, bytes: Buffer, name: string): Promise<Extracted> {
  switch (signature.family) {
    case 'pdf': {
      const pages = await extractPdfPages(bytes, name);
      return { kind: 'pdf', mime: signature.mime, pages, text: pages.join('\n\n') };
    }
    case 'image':
      if (bytes.length > maxImageBytes) {
        refuse('too-large', `${name} is ${formatBytes(bytes.length)}; models take images up to ${formatBytes(maxImageBytes)}. Save a smaller copy (a PNG or JPEG of lower resolution) and drop that.`);
      }
      return { kind: 'image', mime: signature.mime, image: imageInfo(bytes, signature.mime) };
    case 'zip':
      return extractZip(bytes, name);
    case 'office-legacy':
      return refuse('binary', `${name} is ${signature.label}, which Parley cannot read. Save it as .docx, .csv or .pdf and drop that instead.`);
    case 'archive':
      return refuse('archive', `${name} is ${signature.label}. Parley does not open archives: extract it and drop the file you want explained.`);
    default:
      if (signature.mime.startsWith('image/')) {
        refuse('binary', `${name} is ${signature.label}. Models take PNG, JPEG, GIF and WebP images: convert it to one of those and drop that.`);
      }
      return refuse('binary', `${name} is ${signature.label}, not text Parley can explain.`);
  }
}

const zipAdvice: Record<string, string> = {
  opendocument: 'an OpenDocument spreadsheet or presentation, which Parley cannot read yet. Save it as .xlsx, .csv or .pdf and drop that instead.',
  epub: 'an EPUB book, which Parley cannot read yet.',
  jar: 'a Java archive. Parley does not open archives: extract it and drop the file you want explained.',
};

async function extractZip(bytes: Buffer, name: string): Promise<Extracted> {
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

function extractText(bytes: Buffer, name: string): Extracted {
  const decoded = decodeText(bytes);
  if (!decoded) refuse('binary', `${name} is a binary file, not text Parley can explain.`);
  const { text, encoding } = decoded;
  if (text.trim() === '') refuse('empty', `${name} holds only blank space: there is nothing to explain.`);
  if (isRtf(text)) {
    const plain = rtfToText(text);
    if (plain === '') refuse('empty', `${name} is a rich-text document with no text in it.`);
    return { kind: 'text', mime: 'application/rtf', encoding, text: plain };
  }
  if (name.toLowerCase().endsWith('.ipynb')) {
    const notebook = notebookText(text);
    if (notebook) return { kind: 'code', mime: 'application/x-ipynb+json', encoding, text: notebook.text, language: notebook.language };
  }
  const guess = guessTextKind(name, text);
  switch (guess.kind) {
    case 'json': {
      const json = summariseJson(text);
      // JSON with comments or trailing commas (tsconfig.json…) is still worth explaining, as text.
      if (!json) return { kind: 'text', mime: 'text/plain', encoding, text };
      const { sample, ...shape } = json;
      const records = json.records === undefined ? '' : `JSON Lines: ${json.records.toLocaleString('en-US')} records.\n`;
      return { kind: 'json', mime: 'application/json', encoding, text, json: shape, summary: `${records}Shape:\n${json.shape}\n\nSample:\n${sample}` };
    }
    case 'csv': {
      const delimiter = guess.delimiter ?? ',';
      const { text: summary, ...table } = summariseCsv(text, delimiter);
      const mime = delimiter === '\t' ? 'text/tab-separated-values' : 'text/csv';
      return { kind: 'csv', mime, encoding, text, table, summary };
    }
    case 'code':
      return { kind: 'code', mime: 'text/plain', encoding, text, ...(guess.language ? { language: guess.language } : {}) };
    case 'markdown':
      return { kind: 'markdown', mime: 'text/markdown', encoding, text };
    case 'log':
      return { kind: 'log', mime: 'text/plain', encoding, text };
    default:
      return { kind: 'text', mime: 'text/plain', encoding, text };
  }
}
