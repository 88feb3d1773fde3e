import { lineCount } from './file-sections';
import { linesPerStep, runNow, type Steps } from './sliced-steps';
import type { RangeEstimate } from './token-estimate';

/**
 * The smallest pieces a file is split into: its lines, each with its token
 * count. Parts are built from whole units, so a part never ends inside a line
 * unless that one line is larger than a part can hold (minified code, a
 * one-line JSON dump); only then is the line cut, at a space where it can be.
 */

export interface TextUnit {
  /** Offsets into the text, end exclusive; consecutive units tile the text. */
  start: number;
  end: number;
  tokens: number;
}

/**
 * The units of a file, in two typed arrays rather than an object per line:
 * a 10 MB source file has hundreds of thousands of lines, and as objects
 * they took twice the file's size again (bench/ingest.ts, peak memory).
 * Units tile the text, so a unit ends where the next one starts.
 */
export class TextUnits {
  private starts: Int32Array;
  private counts: Int32Array;
  private size = 0;
  /** The sum of every unit's tokens. */
  totalTokens = 0;

  constructor(
    private readonly textLength: number,
    expected = 16,
  ) {
    this.starts = new Int32Array(Math.max(16, expected));
    this.counts = new Int32Array(Math.max(16, expected));
  }

  get length(): number {
    return this.size;
  }

  push(start: number, tokens: number): void {
    if (this.size === this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.counts = grow(this.counts);
    }
    this.starts[this.size] = start;
    this.counts[this.size] = tokens;
    this.size += 1;
    this.totalTokens += tokens;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return i + 1 < this.size ? this.starts[i + 1]! : this.textLength;
  }

  tokens(i: number): number {
    return this.counts[i]!;
  }

  at(i: number): TextUnit {
    return { start: this.start(i), end: this.end(i), tokens: this.tokens(i) };
  }
}

/**
 * Counting line by line gives a count a little above the whole text's (a
 * newline and the next line's indentation can be one token together), so a
 * part whose lines add up to its budget fits. Lines repeat a lot in logs,
 * CSV and code (blank lines, closing braces), and are counted once each.
 * With `estimate` (token-estimate.ts), lines are estimated where they lie in
 * the text: a 10 MB file has hundreds of thousands, and copying each out
 * only to estimate it was most of the plan's garbage. A line cut because it
 * is too long for a part is always counted exactly, piece by piece.
 */
export function textUnits(text: string, count: (s: string) => number, maxTokens: number, estimate?: RangeEstimate): TextUnits {
  return runNow(textUnitSteps(text, count, maxTokens, estimate));
}

/** `textUnits` in steps, for sliced-steps.ts. */
export function* textUnitSteps(text: string, count: (s: string) => number, maxTokens: number, estimate?: RangeEstimate): Steps<TextUnits> {
  // A memo of every distinct line of a 10 MB file held more memory than the file itself (bench/ingest.ts):
  // only exact counts are remembered, and an estimate costs less than looking a line up.
  const memo = new Map<string, number>();
  const countLine = (line: string): number => {
    if (line.length > 200) return count(line);
    let n = memo.get(line);
    if (n === undefined) {
      n = count(line);
      memo.set(line, n);
    }
    return n;
  };
  // Sized to the lines there are, so the arrays are never copied to grow unless a line is cut.
  const units = new TextUnits(text.length, lineCount(text));
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const tokens = estimate ? estimate(start, end) : countLine(text.slice(start, end));
    if (tokens <= maxTokens) units.push(start, tokens);
    else for (const piece of cutLine(text.slice(start, end), start, tokens, count, maxTokens)) units.push(piece.start, piece.tokens);
    start = end;
    if (units.length % linesPerStep === 0) yield;
  }
  return units;
}

/** Cuts one overlong line into pieces of at most `maxTokens`, at a space near the target length when there is one. */
function cutLine(line: string, offset: number, tokens: number, count: (s: string) => number, maxTokens: number): TextUnit[] {
  const pieces: TextUnit[] = [];
  // Aim under the budget so that a piece rarely needs shrinking.
  let charsPerPiece = Math.max(1, Math.floor((line.length / tokens) * maxTokens * 0.9));
  let at = 0;
  while (at < line.length) {
    let end = Math.min(line.length, at + charsPerPiece);
    if (end < line.length) {
      const space = line.lastIndexOf(' ', end);
      if (space > at + charsPerPiece / 2) end = space + 1;
    }
    const piece = line.slice(at, end);
    const n = count(piece);
    if (n > maxTokens && end - at > 1) {
      charsPerPiece = Math.max(1, Math.floor(charsPerPiece * 0.8));
      continue;
    }
    pieces.push({ start: offset + at, end: offset + end, tokens: n });
    at = end;
  }
  return pieces;
}

/** The index of the unit that starts at or contains `offset`. */
export function unitAt(units: TextUnits, offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units.start(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
