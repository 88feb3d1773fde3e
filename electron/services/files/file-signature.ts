/**
 * Magic numbers of the formats people drop most: decided from the bytes, so
 * a PDF renamed .txt is still a PDF and a binary renamed .log is refused.
 * A small table rather than a dependency: we need the family (what Parley
 * does with it), not every format's name.
 */
export type SignatureFamily = 'pdf' | 'zip' | 'image' | 'archive' | 'binary' | 'office-legacy';

export interface Signature {
  family: SignatureFamily;
  mime: string;
  /** What to call it in a refusal: "a gzip archive". */
  label: string;
}

interface Rule extends Signature {
  test: (b: Uint8Array) => boolean;
}

const at = (offset: number, ...expected: number[]) => (b: Uint8Array) =>
  expected.every((byte, i) => b[offset + i] === byte);
const ascii = (offset: number, text: string) => at(offset, ...[...text].map((c) => c.charCodeAt(0)));

const rules: Rule[] = [
  { family: 'zip', mime: 'application/zip', label: 'a zip archive', test: (b) => at(0, 0x50, 0x4b)(b) && [0x0304, 0x0506, 0x0708].includes(((b[2] ?? 0) << 8) | (b[3] ?? 0)) },
  { family: 'image', mime: 'image/png', label: 'a PNG image', test: at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { family: 'image', mime: 'image/jpeg', label: 'a JPEG image', test: at(0, 0xff, 0xd8, 0xff) },
  { family: 'image', mime: 'image/gif', label: 'a GIF image', test: (b) => ascii(0, 'GIF87a')(b) || ascii(0, 'GIF89a')(b) },
  { family: 'image', mime: 'image/webp', label: 'a WebP image', test: (b) => ascii(0, 'RIFF')(b) && ascii(8, 'WEBP')(b) },
  { family: 'binary', mime: 'image/bmp', label: 'a BMP image', test: (b) => ascii(0, 'BM')(b) && [12, 40, 52, 56, 108, 124].includes(b[14] ?? -1) && b[15] === 0 },
  { family: 'binary', mime: 'image/tiff', label: 'a TIFF image', test: (b) => at(0, 0x49, 0x49, 0x2a, 0x00)(b) || at(0, 0x4d, 0x4d, 0x00, 0x2a)(b) },
  { family: 'binary', mime: 'image/heic', label: 'a HEIC or AVIF image', test: (b) => ascii(4, 'ftyp')(b) && /^(heic|heix|mif1|avif)$/.test(String.fromCharCode(...b.subarray(8, 12))) },
  { family: 'archive', mime: 'application/gzip', label: 'a gzip archive', test: at(0, 0x1f, 0x8b) },
  { family: 'archive', mime: 'application/x-bzip2', label: 'a bzip2 archive', test: (b) => ascii(0, 'BZh')(b) && ascii(4, '1AY&SY')(b) },
  { family: 'archive', mime: 'application/x-xz', label: 'an xz archive', test: at(0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) },
  { family: 'archive', mime: 'application/x-7z-compressed', label: 'a 7-Zip archive', test: at(0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) },
  { family: 'archive', mime: 'application/vnd.rar', label: 'a RAR archive', test: ascii(0, 'Rar!\x1a\x07') },
  { family: 'archive', mime: 'application/zstd', label: 'a Zstandard archive', test: at(0, 0x28, 0xb5, 0x2f, 0xfd) },
  { family: 'archive', mime: 'application/x-tar', label: 'a tar archive', test: ascii(257, 'ustar') },
  { family: 'office-legacy', mime: 'application/x-ole-storage', label: 'an old-format Office document (.doc, .xls or .ppt)', test: at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) },
  { family: 'binary', mime: 'application/x-executable', label: 'a program (ELF)', test: at(0, 0x7f, 0x45, 0x4c, 0x46) },
  { family: 'binary', mime: 'application/x-mach-binary', label: 'a program (Mach-O)', test: (b) => [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(((b[0] ?? 0) << 24 | (b[1] ?? 0) << 16 | (b[2] ?? 0) << 8 | (b[3] ?? 0)) >>> 0) },
  { family: 'binary', mime: 'application/wasm', label: 'a WebAssembly module', test: at(0, 0x00, 0x61, 0x73, 0x6d) },
  { family: 'binary', mime: 'application/vnd.sqlite3', label: 'an SQLite database', test: ascii(0, 'SQLite format 3\0') },
  { family: 'binary', mime: 'audio/mpeg', label: 'an audio file', test: (b) => ascii(0, 'ID3')(b) || ascii(0, 'OggS')(b) || ascii(0, 'fLaC')(b) || (ascii(0, 'RIFF')(b) && ascii(8, 'WAVE')(b)) },
  { family: 'binary', mime: 'video/mp4', label: 'a video file', test: (b) => ascii(4, 'ftyp')(b) || at(0, 0x1a, 0x45, 0xdf, 0xa3)(b) || (ascii(0, 'RIFF')(b) && ascii(8, 'AVI ')(b)) },
];

// Some writers put a binary header (MacBinary, mail gateways) before %PDF-, and
// PDF readers accept it within the first kilobyte. A text prefix does not
// count: a note or source file that merely mentions "%PDF-1.7" stays text.
const pdfHeaderWindow = 1024;

export function sniffSignature(bytes: Uint8Array): Signature | null {
  if (hasPdfHeader(bytes)) return { family: 'pdf', mime: 'application/pdf', label: 'a PDF document' };
  const rule = rules.find((r) => r.test(bytes));
  return rule ? { family: rule.family, mime: rule.mime, label: rule.label } : null;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, pdfHeaderWindow);
  for (let i = 0; i + 5 <= head.length; i += 1) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) {
      return i === 0 || head.subarray(0, i).includes(0);
    }
  }
  return false;
}
