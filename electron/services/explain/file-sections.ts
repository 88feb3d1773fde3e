import type { FileKind } from '../../../shared/file-explanation';
import { linesPerStep, runNow, type Steps } from './sliced-steps';

/**
 * Where a file may be split without cutting through a thought: before a
 * top-level declaration in code, before a heading in a document, at a page
 * of a PDF, before a row of a CSV. Sections start at line starts; the packer
 * joins small ones and cuts large ones at lines.
 */
export interface Section {
  /** Offset of the section's first character; the first section starts at 0. */
  offset: number;
  /** What the section is, for part labels: `function parse`, `## Install`; null when nothing names it. */
  name: string | null;
  /** 1-based page for PDFs, 1-based data row (header excluded) for CSV. */
  page?: number;
  row?: number;
}

/** How pages are joined into the one text a PDF is split from; ingestion may join them the same way. */
export const pageSeparator = '\n\n';

/** Offsets where lines start; a typed array, counted first, since a large file has hundreds of thousands of lines. */
export function lineStarts(text: string): Int32Array {
  const starts = new Int32Array(lineCount(text));
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** Lines of a text; a newline at the very end does not start another. Counted in place: splitting a large file made a string per line. */
export function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** Calls `visit(line, offset, index)` for every line, without its newline, yielding every so many lines. */
function* eachLine(text: string, visit: (line: string, offset: number, index: number) => void): Steps<void> {
  let start = 0;
  let index = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const cr = end > start && text.charCodeAt(end - 1) === 13 ? 1 : 0;
    visit(text.slice(start, end - cr), start, index++);
    start = end + 1;
    if (index % linesPerStep === 0) yield;
  }
}

export function sectionsOf(kind: FileKind, text: string, pages?: readonly string[]): Section[] {
  return runNow(sectionSteps(kind, text, pages));
}

/** `sectionsOf` in steps, for sliced-steps.ts. */
export function* sectionSteps(kind: FileKind, text: string, pages?: readonly string[]): Steps<Section[]> {
  if (pages && pages.length > 0) return pageSections(pages);
  switch (kind) {
    case 'code':
    case 'json':
      return yield* codeSections(text);
    case 'markdown':
    case 'docx':
    case 'pdf':
    case 'text':
      return yield* headingSections(text);
    case 'csv':
      return yield* rowSections(text);
    default:
      // A log has no structure to respect beyond its lines; the packer cuts at line ranges.
      return [{ offset: 0, name: null }];
  }
}

function pageSections(pages: readonly string[]): Section[] {
  const sections: Section[] = [];
  let offset = 0;
  pages.forEach((page, i) => {
    sections.push({ offset, name: null, page: i + 1 });
    offset += page.length + pageSeparator.length;
  });
  return sections;
}

const closer = /^(\}|\)|\]|end\b|fi\b|done\b|esac\b|<\/)/;
const commentOrDecorator = /^(\/\/|\/\*|\*|#(?!include|define|!)|--|;|@|'''|""")/;
const declaration =
  /^(?:export\s+)?(?:default\s+)?(?:pub(?:\(\w+\))?\s+)?(?:public\s+|private\s+|protected\s+|internal\s+|static\s+|abstract\s+|final\s+|async\s+|unsafe\s+|inline\s+)*(function\*?|class|interface|type|enum|struct|trait|impl|mod|module|namespace|def|fn|func|fun|const|let|var|object|record|sub|proc|procedure|macro_rules!|package)\s+([A-Za-z_$][\w$.:<>]*)/;

/** `function parse`, `class Lexer`; otherwise the line itself, shortened. */
export function declarationName(line: string): string {
  const m = declaration.exec(line.trim());
  if (m) return `${m[1]} ${m[2]!.replace(/[<(:].*$/, '')}`;
  const t = line.trim();
  return t.length <= 50 ? t : `${t.slice(0, 49)}…`;
}

/**
 * A new top-level thing begins at a line with no indentation that is not a
 * closing bracket or keyword, right after a blank line or after the line
 * that closed the previous thing. Comments and decorators just above it go
 * with it. This holds for brace languages, Python, Ruby, Go, shell and SQL
 * alike, without knowing which one it is.
 */
function* codeSections(text: string): Steps<Section[]> {
  const sections: Section[] = [{ offset: 0, name: null }];
  let previous: { line: string; blank: boolean; topLevelCloser: boolean } | null = null;
  // The offset where a run of top-level comments began, so a declaration's comment moves with it.
  let leadStart: number | null = null;
  let leadAfterBoundary = false;
  const named = (s: Section) => s.name !== null;
  yield* eachLine(text, (line, offset) => {
    const first = line.charCodeAt(0);
    // Most lines of code are indented: settled by their first character, without a regular expression.
    const indented = first === 32 || first === 9;
    const blank = line.length === 0 || ((first <= 32 || first >= 0x80) && line.trim() === '');
    const topLevel = !blank && !indented && !/^\s/.test(line);
    const isCloser = topLevel && closer.test(line);
    const boundaryBefore = previous === null || previous.blank || previous.topLevelCloser;
    if (topLevel && !isCloser && commentOrDecorator.test(line)) {
      if (leadStart === null) {
        leadStart = offset;
        leadAfterBoundary = boundaryBefore;
      }
    } else if (topLevel && !isCloser) {
      const start = leadStart !== null && leadAfterBoundary ? leadStart : boundaryBefore ? offset : null;
      if (start !== null) {
        const last = sections.at(-1)!;
        if (start === last.offset && !named(last)) last.name = declarationName(line);
        else if (start > last.offset) sections.push({ offset: start, name: declarationName(line) });
      }
      leadStart = null;
    } else if (!blank && !(leadStart !== null && /^\s+\*/.test(line))) {
      // Indented lines end a run of comments, except the ` * ` lines of a block comment.
      leadStart = null;
    }
    previous = { line, blank, topLevelCloser: isCloser };
  });
  return sections;
}

/** Markdown ATX headings (`## Install`) and setext ones (a line over `===`/`---`), never inside a fenced block. */
function* headingSections(text: string): Steps<Section[]> {
  const sections: Section[] = [{ offset: 0, name: null }];
  let fence: string | null = null;
  let prior: { line: string; offset: number; blankBefore: boolean } | null = null;
  let lastBlank = true;
  const add = (offset: number, name: string) => {
    const last = sections.at(-1)!;
    if (offset === last.offset) last.name = name;
    else if (offset > last.offset) sections.push({ offset, name });
  };
  yield* eachLine(text, (line, offset) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
    } else if (fence === null) {
      const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (atx) add(offset, `${atx[1]} ${atx[2]}`);
      else if (prior && prior.blankBefore && prior.line.trim() && /^\s{0,3}(=+|-{2,})\s*$/.test(line)) add(prior.offset, prior.line.trim());
    }
    prior = { line, offset, blankBefore: lastBlank };
    lastBlank = line.trim() === '';
  });
  return sections;
}

/**
 * One section per data row; a quoted field may hold newlines, so a row ends
 * only where the quotes seen so far are balanced. The header is the first
 * row and is repeated at the head of every part by the packer.
 */
function* rowSections(text: string): Steps<Section[]> {
  const sections: Section[] = [];
  let open = false;
  let row = 0;
  yield* eachLine(text, (line, offset) => {
    if (!open) sections.push(row === 0 ? { offset, name: null } : { offset, name: null, row });
    let quotes = 0;
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) quotes += 1;
    if (quotes % 2 === 1) open = !open;
    if (!open) row += 1;
  });
  return sections.length > 0 ? sections : [{ offset: 0, name: null }];
}
