import { isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  /** UTF-8 text with \n line ends and no BOM. */
  text: string;
  /** The encoding the bytes were in, as a label people know (UTF-8, windows-1252, Shift_JIS…). */
  encoding: string;
}

// Enough to judge text versus binary.
const sampleBytes = 64 * 1024;
// All chardet gets: it takes about 2 s per MB, so it sees only the lines that
// hold non-ASCII bytes (ASCII lines say nothing about the encoding), up to this much.
const detectorSampleBytes = 16 * 1024;
// A line longer than this is cut around its non-ASCII byte.
const detectorLineBytes = 512;
// A text file has a few control characters (form feeds, ANSI colours in logs); binary has many.
const maxControlRatio = 0.05;
// Padding after a crash is one run, two if the log went on after a restart; binary has hundreds.
const maxNulRuns = 4;
// Past this share of U+FFFD or stray controls after decoding, the guess was wrong or the bytes are not text.
const maxBadCharRatio = 0.02;
const fewNonAscii = 32;
// A mostly-UTF-8 file has at most this share of its non-ASCII bytes in bad sequences, among at least this many.
const maxInvalidUtf8Share = 0.01;
const minNonAsciiForLossyUtf8 = 64;

/**
 * Turns bytes in any common encoding into UTF-8 text: a BOM decides first,
 * then UTF-16 without BOM (recognised by its NUL pattern), then strict UTF-8
 * (which also covers ASCII), then chardet's guess decoded by iconv-lite.
 * Returns null when the bytes are not text, so the caller refuses them as binary.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const bom = bomEncoding(bytes);
  if (bom) return finish(iconv.decode(bytes.subarray(bom.length), bom.encoding), bom.label);

  const sample = bytes.subarray(0, sampleBytes);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return finish(iconv.decode(bytes, utf16), utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE');
  if (looksBinary(sample)) return null;

  const utf8 = mostlyUtf8(bytes);
  if (utf8 !== null) return finish(utf8, 'UTF-8');
  const guessed = guessEncoding(nonAsciiLines(bytes));
  return finish(guessed === 'windows-1252' ? decodeWindows1252(bytes) : iconv.decode(bytes, guessed), guessed);
}

/**
 * UTF-8 text, also when it is not perfectly valid: a file cut in the middle
 * of a character (a log still being written), or a log with a few stray
 * bytes in a line, must not turn into mojibake as windows-1252. Bytes in
 * another encoding are invalid UTF-8 at nearly every non-ASCII byte, so a
 * handful of bad sequences among many good ones still means UTF-8.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // isUtf8 is simdutf: milliseconds for 10 MB, where a fatal TextDecoder takes 25 ms per MB.
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const whole = buffer.subarray(0, completeUtf8Length(buffer));
  if (whole.length < buffer.length && isUtf8(whole)) return whole.toString('utf8');
  let nonAscii = 0;
  for (const byte of buffer) if (byte >= 0x80) nonAscii += 1;
  const text = buffer.toString('utf8');
  let replaced = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) replaced += 1;
  return nonAscii >= minNonAsciiForLossyUtf8 && replaced <= nonAscii * maxInvalidUtf8Share ? text : null;
}

/** The length without a multi-byte character cut at the end. */
function completeUtf8Length(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back += 1) {
    const byte = b[b.length - back] as number;
    if (byte < 0x80) return b.length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? b.length - back : b.length;
    }
  }
  return b.length;
}

export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function finish(raw: string, encoding: string): DecodedText | null {
  // NUL padding carries nothing, and some stores and APIs cut a string at the first NUL.
  const withoutNuls = raw.includes('\0') ? raw.replace(/\0+/g, '') : raw;
  const text = normaliseNewlines(withoutNuls.charCodeAt(0) === 0xfeff ? withoutNuls.slice(1) : withoutNuls);
  return badCharRatio(text) > maxBadCharRatio ? null : { text, encoding };
}

function bomEncoding(b: Uint8Array): { length: number; encoding: string; label: string } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { length: 3, encoding: 'utf-8', label: 'UTF-8 (BOM)' };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { length: 4, encoding: 'utf-32le', label: 'UTF-32LE' };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { length: 4, encoding: 'utf-32be', label: 'UTF-32BE' };
  if (b[0] === 0xff && b[1] === 0xfe) return { length: 2, encoding: 'utf-16le', label: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { length: 2, encoding: 'utf-16be', label: 'UTF-16BE' };
  return null;
}

/**
 * Text in UTF-16 without a BOM (some Windows tools write it) has a NUL in
 * nearly every other byte for Latin scripts; binary files have NULs anywhere.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul += 1;
    if (sample[i + 1] === 0) oddNul += 1;
  }
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Binary files have NULs scattered everywhere and other control bytes; text
 * has none, or one long run of NULs where a log was cut by a crash (the file
 * system pads the last block with zeros), which must not make the log unreadable.
 */
export function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  let nulRuns = 0;
  let previous = -1;
  for (const byte of sample) {
    if (byte === 0) {
      if (previous !== 0) nulRuns += 1;
    } else if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 11 && byte !== 12 && byte !== 13 && byte !== 27) {
      // Tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are normal in text.
      controls += 1;
    }
    previous = byte;
  }
  if (sample.length === 0) return false;
  return nulRuns > maxNulRuns || controls / sample.length > maxControlRatio;
}

// What windows-1252 puts at 0x80–0x9F, where Latin-1 has C1 controls; the five holes stay as Latin-1 does.
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The most common fallback, decoded natively: Latin-1 is windows-1252 but for
 * 0x80–0x9F. About 10× faster than iconv-lite's byte loop on a 10 MB file.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80] as string);
}

/**
 * The lines that hold non-ASCII bytes, whole (or cut around the byte when very
 * long). Line starts are safe cut points in every encoding chardet knows but
 * UTF-16/32, which were handled before: 0x0A is never a trail byte there.
 */
function nonAsciiLines(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  let i = 0;
  while (i < bytes.length && total < detectorSampleBytes) {
    if ((bytes[i] as number) < 0x80) {
      i += 1;
      continue;
    }
    // Searches bounded to the window, so a file without line breaks stays linear.
    const windowStart = Math.max(consumed, i - detectorLineBytes);
    const start = windowStart + bytes.subarray(windowStart, i).lastIndexOf(0x0a) + 1;
    const windowEnd = Math.min(bytes.length, i + detectorLineBytes);
    const newline = bytes.subarray(i, windowEnd).indexOf(0x0a);
    const end = newline < 0 ? windowEnd : i + newline + 1;
    parts.push(bytes.subarray(start, end));
    total += end - start;
    i = end;
    consumed = end;
  }
  return Buffer.concat(parts);
}

function guessEncoding(sample: Uint8Array): string {
  // With a handful of non-ASCII bytes chardet guesses wildly (three accented
  // letters of windows-1252 come back as KOI8-R): ask for a sure guess then.
  const nonAscii = sample.reduce((n, byte) => n + (byte >= 0x80 ? 1 : 0), 0);
  const needed = nonAscii < fewNonAscii ? 80 : 25;
  // UTF-8 was ruled out by isUtf8; UTF-32 guesses on non-UTF-32 bytes are noise.
  const matches = analyse(sample).filter((m) => !/^(UTF-(8|32)|ASCII)/i.test(m.name) && iconv.encodingExists(m.name));
  const top = matches[0];
  if (!top || top.confidence < needed) return 'windows-1252';
  // Western single-byte encodings score close to each other; the most common one wins a near tie.
  const western = matches.find((m) => /^(windows-1252|ISO-8859-1)$/i.test(m.name));
  if (western && top.confidence - western.confidence <= 15) return 'windows-1252';
  return normaliseLabel(top.name);
}

/** ISO-8859-1 as labelled by chardet is, in files from Windows, nearly always windows-1252 (curly quotes at 0x93/0x94). */
function normaliseLabel(name: string): string {
  return name.toUpperCase() === 'ISO-8859-1' ? 'windows-1252' : name;
}

function badCharRatio(text: string): number {
  const probe = text.length > sampleBytes ? text.slice(0, sampleBytes) : text;
  if (probe.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < probe.length; i += 1) {
    const c = probe.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 27)) bad += 1;
  }
  return bad / probe.length;
}
