import type { FileKind } from '../../../shared/file-explanation';
import { lineStarts, type Section } from './file-sections';
import { linesPerStep, runNow, type Steps } from './sliced-steps';
import { unitAt, type TextUnits } from './text-units';

export interface PlannedPart {
  /** 0-based; labels and prompts say `part index+1 of n`. */
  index: number;
  /** `lines 120–340 (function parse … class Lexer)`, `pages 3–5`, `rows 1–2,000`. */
  label: string;
  /** The label without the names taken from the file: `lines 120–340`, `pages 3–5`, `rows 1–2,000`. */
  range: string;
  /** The part's own range of the text; the parts tile it, so joining their `text` gives the file back. */
  start: number;
  end: number;
  text: string;
  /** Sent before the part's text but not part of its range: a CSV's header row, so every part can be read alone. */
  prefix: string;
  /** Of prefix and text together. */
  tokens: number;
  firstLine: number;
  lastLine: number;
}

interface Draft {
  startUnit: number;
  endUnit: number;
  tokens: number;
}

/**
 * Packs sections into as few parts as fit the budget: small neighbours
 * (short functions, short pages) share a part, and a section too large for
 * one part is cut between lines.
 */
export function packParts(input: PackInput): PlannedPart[] {
  return runNow(packPartSteps(input));
}

interface PackInput {
  text: string;
  kind: FileKind;
  sections: Section[];
  units: TextUnits;
  budget: number;
}

/** `packParts` in steps, for sliced-steps.ts. */
export function* packPartSteps(input: PackInput): Steps<PlannedPart[]> {
  const { text, units, sections, budget } = input;
  if (units.length === 0) return [];
  // Units looked at since the last yield.
  let handled = 0;
  const unitStarts = sections.map((s) => unitAt(units, s.offset));
  const sum = (a: number, b: number) => {
    let n = 0;
    for (let i = a; i < b; i++) n += units.tokens(i);
    return n;
  };

  // A CSV header goes first in the first part and is repeated before the others, unless it would crowd out the rows.
  const isTable = input.kind === 'csv' && sections.length > 1;
  const headerEnd = isTable ? unitStarts[1]! : 0;
  const headerTokens = isTable ? sum(0, headerEnd) : 0;
  const repeatHeader = isTable && headerTokens <= budget / 4;
  const room = (startUnit: number) => (repeatHeader && startUnit > 0 ? budget - headerTokens : budget);

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  for (let s = 0; s < sections.length; s++) {
    const a = unitStarts[s]!;
    const b = s + 1 < sections.length ? unitStarts[s + 1]! : units.length;
    if (b <= a) continue;
    if (handled >= linesPerStep) {
      handled = 0;
      yield;
    }
    handled += b - a;
    const tokens = sum(a, b);
    if (current && current.tokens + tokens <= room(current.startUnit)) {
      current.endUnit = b;
      current.tokens += tokens;
      continue;
    }
    if (current) drafts.push(current);
    current = { startUnit: a, endUnit: a, tokens: 0 };
    for (let u = a; u < b; u++) {
      const t = units.tokens(u);
      if (current.tokens + t > room(current.startUnit) && current.endUnit > current.startUnit) {
        drafts.push(current);
        current = { startUnit: u, endUnit: u, tokens: 0 };
      }
      current.endUnit = u + 1;
      current.tokens += t;
    }
  }
  if (current) drafts.push(current);

  const prefix = repeatHeader ? text.slice(0, units.end(headerEnd - 1)) : '';
  const starts = lineStarts(text);
  return drafts.map((d, index) => {
    const start = units.start(d.startUnit);
    const end = units.end(d.endUnit - 1);
    const ownPrefix = repeatHeader && start > 0 ? prefix : '';
    const firstLine = lineOf(starts, start);
    const lastLine = lineOf(starts, end - 1);
    return {
      index,
      ...labelOf(input.kind, sections, start, end, firstLine, lastLine),
      start,
      end,
      text: text.slice(start, end),
      prefix: ownPrefix,
      tokens: d.tokens + (ownPrefix ? headerTokens : 0),
      firstLine,
      lastLine,
    };
  });
}

/** 1-based line of an offset. */
function lineOf(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The section holding an offset. */
function sectionAt(sections: Section[], offset: number): Section {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sections[lo]!;
}

const range = (noun: string, a: number, b: number) => (a === b ? `${noun} ${a.toLocaleString('en')}` : `${noun}s ${a.toLocaleString('en')}–${b.toLocaleString('en')}`);

function labelOf(kind: FileKind, sections: Section[], start: number, end: number, firstLine: number, lastLine: number): { label: string; range: string } {
  const first = sectionAt(sections, start);
  const last = sectionAt(sections, end - 1);
  const plain = (label: string) => ({ label, range: label });
  if (first.page !== undefined && last.page !== undefined) {
    return plain(range('page', first.page, last.page) + (first.offset < start ? ' (continued)' : ''));
  }
  if (kind === 'csv' && sections.length > 1) {
    return plain(range('row', first.row ?? 1, last.row ?? 1));
  }
  const names = sections.filter((s) => s.name !== null && s.offset >= start && s.offset < end).map((s) => s.name!);
  if (first.name !== null && first.offset < start) names.unshift(`${first.name} (continued)`);
  const what = names.length === 0 ? '' : names.length === 1 ? ` (${names[0]})` : names.length === 2 ? ` (${names[0]}, ${names[1]})` : ` (${names[0]} … ${names.at(-1)})`;
  return { label: range('line', firstLine, lastLine) + what, range: range('line', firstLine, lastLine) };
}
