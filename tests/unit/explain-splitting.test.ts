import { beforeAll, describe, expect, it } from 'vitest';
import type { FileKind } from '../../shared/file-explanation';
import { createTokenCounter } from '../../electron/services/chat/token-counter';
import { pageSeparator, sectionsOf } from '../../electron/services/explain/file-sections';
import { packParts, type PlannedPart } from '../../electron/services/explain/part-packer';
import { piecesWithin } from '../../electron/services/explain/part-fit';
import { textUnits } from '../../electron/services/explain/text-units';

const counter = createTokenCounter();
beforeAll(() => counter.load('o200k_base'));
const count = (s: string) => counter.count('o200k_base', s);

function split(kind: FileKind, text: string, budget: number, pages?: string[]): PlannedPart[] {
  const source = pages ? pages.join(pageSeparator) : text;
  return packParts({ text: source, kind, sections: sectionsOf(kind, source, pages), units: textUnits(source, count, budget), budget });
}

/** What every split must keep: the parts tile the text, and none is over the budget by the tokenizer's own count. */
function expectSound(parts: PlannedPart[], text: string, budget: number) {
  expect(parts.map((p) => p.text).join('')).toBe(text);
  for (const p of parts) {
    expect(p.tokens).toBeLessThanOrEqual(budget);
    expect(count(p.prefix + p.text)).toBeLessThanOrEqual(budget);
  }
  parts.forEach((p, i) => expect(p.index).toBe(i));
}

function tsFunction(n: number): string {
  const body = Array.from({ length: 12 }, (_, i) => `  const v${i} = input.values[${i}] * ${n} + ${i}; // step ${i} of the calculation`).join('\n');
  return `/** Computes total number ${n}. */\nexport function total${n}(input: { values: number[] }): number {\n${body}\n  return v0 + v11;\n}\n`;
}

describe('splitting code', () => {
  const source = `import { x } from './x';\n\n${Array.from({ length: 12 }, (_, i) => tsFunction(i)).join('\n')}\nexport class Last {\n  run() {\n    return 1;\n  }\n}\n`;

  it('cuts only between top-level declarations, keeping each doc comment with its function', () => {
    const fn = count(tsFunction(10));
    const parts = split('code', source, Math.floor(fn * 2.5));
    expectSound(parts, source, Math.floor(fn * 2.5));
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts.slice(1)) expect(p.text.startsWith('/** Computes total number') || p.text.startsWith('export class Last')).toBe(true);
    expect(parts[1]!.label).toMatch(/^lines \d+–\d+ \(function total\d+/);
    expect(parts.at(-1)!.label).toContain('class Last');
  });

  it('works the same for Python, by blank lines and indentation', () => {
    const py = Array.from({ length: 10 }, (_, i) => `def handler_${i}(event):\n    # handle it\n    value = event["k${i}"]\n\n    return value * ${i}\n\n`).join('');
    const budget = count(py) / 3;
    const parts = split('code', py, Math.floor(budget));
    expectSound(parts, py, Math.floor(budget));
    for (const p of parts) expect(p.text.startsWith('def handler_')).toBe(true);
  });

  it('cuts a function larger than a part at a line, never inside one', () => {
    const big = `function huge() {\n${Array.from({ length: 400 }, (_, i) => `  call(${i}, "a fairly long argument string number ${i}");`).join('\n')}\n}\n`;
    const parts = split('code', big, 300);
    expectSound(parts, big, 300);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(p.text.endsWith('\n')).toBe(true);
    expect(parts[1]!.label).toContain('function huge (continued)');
  });

  it('cuts a single line longer than a part (minified code), at spaces', () => {
    const minified = Array.from({ length: 3000 }, (_, i) => `var a${i}=f(${i});`).join(' ');
    const parts = split('code', minified, 500);
    expectSound(parts, minified, 500);
    expect(parts.length).toBeGreaterThan(5);
  });
});

describe('splitting documents', () => {
  const section = (title: string, n: number) => `## ${title}\n\n${'This paragraph explains one more detail of the topic at hand. '.repeat(n)}\n\n`;
  const doc = `# Guide\n\nIntro.\n\n${section('Install', 20)}${section('Configure', 25)}\n\`\`\`sh\n# not a heading, inside a fence\necho hi\n\`\`\`\n\n${section('Use', 30)}${section('Troubleshoot', 20)}`;

  it('cuts markdown at headings and never at a # inside a code fence', () => {
    const budget = count(section('Use', 30)) + 60;
    const parts = split('markdown', doc, budget);
    expectSound(parts, doc, budget);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts.slice(1)) expect(p.text).toMatch(/^## /);
    expect(parts.some((p) => p.text.startsWith('# not a heading'))).toBe(false);
    expect(parts.map((p) => p.label).join(' | ')).toContain('## Use');
  });

  it('cuts a DOCX’s text at its headings too', () => {
    const parts = split('docx', doc, count(section('Use', 30)) + 60);
    expect(parts.slice(1).every((p) => p.text.startsWith('## '))).toBe(true);
  });
});

describe('splitting a PDF by pages', () => {
  const pages = Array.from({ length: 12 }, (_, i) => `Page ${i + 1} text. ${'Words on the page. '.repeat(i % 3 === 0 ? 60 : 8)}`);
  const joined = pages.join(pageSeparator);

  it('joins small pages into one part and keeps a page whole where it fits', () => {
    const budget = count(pages[0]!) + 20;
    const parts = split('pdf', '', budget, pages);
    expectSound(parts, joined, budget);
    expect(parts.length).toBeLessThan(pages.length);
    expect(parts.some((p) => /^pages \d+–\d+$/.test(p.label))).toBe(true);
    // Every part starts at a page.
    for (const p of parts) expect(p.text).toMatch(/^Page \d+ text\./);
  });

  it('cuts a page too large for a part, saying the rest is continued', () => {
    const long = ['Short first page.', Array.from({ length: 200 }, (_, i) => `Line ${i} of a very long page, with some words on it.`).join('\n')];
    const parts = split('pdf', '', 300, long);
    expectSound(parts, long.join(pageSeparator), 300);
    expect(parts.at(-1)!.label).toBe('page 2 (continued)');
  });
});

describe('splitting logs and tables', () => {
  it('cuts a log into line ranges', () => {
    const log = Array.from({ length: 2000 }, (_, i) => `2026-11-26T10:${String(i % 60).padStart(2, '0')}:00Z INFO worker-${i % 7} handled request ${i} in ${i % 90} ms\n`).join('');
    const parts = split('log', log, 2000);
    expectSound(parts, log, 2000);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts[0]!.label).toMatch(/^lines 1–\d+$/);
    expect(parts[1]!.firstLine).toBe(parts[0]!.lastLine + 1);
    for (const p of parts) expect(p.text.endsWith('\n')).toBe(true);
  });

  it('cuts a CSV into row blocks, repeating the header before every part but the first', () => {
    const header = 'id,name,comment,amount\n';
    const rows = Array.from({ length: 600 }, (_, i) => (i === 10 ? `${i},"Multi\nline, quoted",ok,${i}\n` : `${i},name ${i},"said ""hi""",${i * 3}\n`)).join('');
    const csv = header + rows;
    const parts = split('csv', csv, 800);
    expectSound(parts, csv, 800);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts[0]!.prefix).toBe('');
    expect(parts[0]!.text.startsWith(header)).toBe(true);
    for (const p of parts.slice(1)) {
      expect(p.prefix).toBe(header);
      expect(p.text).toMatch(/^\d+,/);
    }
    expect(parts[0]!.label).toMatch(/^rows 1–[\d,]+$/);
    // The quoted newline of row 11 never starts a part.
    expect(parts.some((p) => p.text.startsWith('line, quoted'))).toBe(false);
  });
});

describe('fitting a part to its budget at the last moment', () => {
  it('halves a part at lines until every piece fits, losing nothing', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i}: some words that make the line a little longer\n`).join('');
    const pieces = piecesWithin(text, 10, count, Math.floor(count(text) / 3));
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(10 + count(p)).toBeLessThanOrEqual(Math.floor(count(text) / 3));
      expect(p.endsWith('\n')).toBe(true);
    }
    expect(piecesWithin(text, 0, count, count(text))).toEqual([text]);
  });
});
