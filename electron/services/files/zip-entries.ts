import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip, read from its central directory: enough to tell a
 * DOCX (a zip holding word/document.xml) from an XLSX, an EPUB or a plain
 * archive without inflating anything, and to inflate the few parts of an
 * XLSX that hold its cells.
 */
const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;
// The end record is 22 bytes plus a comment of at most 65,535.
const maxEndSearch = 22 + 0xffff;

/** The most one part of an Office file may inflate to: a few kilobytes of zip must not become gigabytes in memory. */
export const maxInflatedPartBytes = 200 * 1000 * 1000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== directoryEntry) return entries.length ? entries : null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/**
 * One entry's bytes, stored or deflated. maxBytes bounds the inflated size:
 * a zip bomb of a few kilobytes must not expand into gigabytes in memory.
 * Null when the entry cannot be read (another method, a damaged header, over the bound).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== localHeader) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length <= maxBytes ? Buffer.from(data) : null;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
}

function findEndRecord(view: DataView): number {
  const stop = Math.max(0, view.byteLength - maxEndSearch);
  for (let at = view.byteLength - 22; at >= stop; at -= 1) {
    if (view.getUint32(at, true) === endOfDirectory) return at;
  }
  return -1;
}

export type ZipFlavour = 'docx' | 'xlsx' | 'pptx' | 'opendocument' | 'epub' | 'jar' | 'zip';

export function zipFlavour(names: readonly string[]): ZipFlavour {
  const has = (n: string) => names.includes(n);
  if (has('word/document.xml')) return 'docx';
  if (has('xl/workbook.xml')) return 'xlsx';
  if (has('ppt/presentation.xml')) return 'pptx';
  if (has('META-INF/container.xml') && has('mimetype')) return 'epub';
  if (has('mimetype') && has('content.xml')) return 'opendocument';
  if (has('META-INF/MANIFEST.MF')) return 'jar';
  return 'zip';
}
