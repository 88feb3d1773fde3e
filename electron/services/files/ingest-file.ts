import { createHash } from 'node:crypto';
import path from 'node:path';
import { summariseCsv } from './csv-summary';
import { FileRefusedError, formatBytes, refuse } from './file-refusal';
import { sniffSignature, type Signature } from './file-signature';
import { imageInfo } from './image-info';
import { gunzipMember } from './gzip-member';
import { defaultMaxFileBytes, hardMaxFileBytes, type Extracted, type FileSource, type IngestOptions, type IngestResult, type IngestedFile } from './ingested-file';
import { summariseJson } from './json-summary';
import { notebookText } from './notebook-text';
import { extractPdfPages } from './pdf-text';
import { assertWithinLimit, readFileSafely, type FileBytes } from './read-file-safely';
import { isRtf, rtfToText } from './rtf-text';
import { decodeText } from './text-decoding';
import { guessTextKind } from './text-kind';
import { extractZipFormat } from './zip-formats';

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
      return extractZipFormat(bytes, name);
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
