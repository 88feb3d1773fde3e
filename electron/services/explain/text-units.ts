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
 * Counting line by line gives a count a little above the whole text's (a
 * newline and the next line's indentation can be one token together), so a
 * part whose lines add up to its budget fits. Lines repeat a lot in logs,
 * CSV and code (blank lines, closing braces), and are counted once each.
 * `countLineOf` may estimate (see token-estimate.ts); a line cut because it
 * is too long for a part is always counted exactly, piece by piece.
 */
export function textUnits(text: string, count: (s: string) => number, maxTokens: number, countLineOf: (s: string) => number = count): TextUnit[] {
  const memo = new Map<string, number>();
  const countLine = (line: string): number => {
    if (line.length > 200) return countLineOf(line);
    let n = memo.get(line);
    if (n === undefined) {
      n = countLineOf(line);
      memo.set(line, n);
    }
    return n;
  };
  const units: TextUnit[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(start, end);
    const tokens = countLine(line);
    if (tokens <= maxTokens) units.push({ start, end, tokens });
    else units.push(...cutLine(line, start, tokens, count, maxTokens));
    start = end;
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
export function unitAt(units: TextUnit[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
