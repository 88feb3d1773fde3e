/**
 * The names of the entries of a zip, read from its central directory. Enough
 * to tell a DOCX (a zip holding word/document.xml) from an XLSX, an EPUB or a
 * plain archive, without inflating anything.
 */
const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
// The end record is 22 bytes plus a comment of at most 65,535.
const maxEndSearch = 22 + 0xffff;

export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== directoryEntry) return names.length ? names : null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
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
