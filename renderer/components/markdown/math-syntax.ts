import type { TokenizerExtension, Tokens } from 'marked';

/**
 * LaTeX in model output, as models write it: `$$…$$` and `\[…\]` for display math, `$…$` and `\(…\)` inline.
 * Marked extensions, so math is found by the same lexer as the rest of the markdown and streams the same way.
 */
export interface MathToken extends Tokens.Generic {
  type: 'blockMath' | 'inlineMath';
  raw: string;
  /** The TeX source, without its delimiters. */
  text: string;
  display: boolean;
  /** False while a display formula is still being written (its closing delimiter has not arrived). */
  closed: boolean;
}

const blockOpener = /^ {0,3}(\$\$|\\\[)/;
// A paragraph stops early only where a display formula opens; scanning stops at the first blank line,
// so a whole-document parse stays linear instead of searching the rest of the text for every paragraph.
const openerOrBlankLine = /\n {0,3}(?:\$\$|\\\[)|\n[ \t]*(?:\n|$)/;

export const blockMath: TokenizerExtension = {
  name: 'blockMath',
  level: 'block',
  start(src) {
    const m = openerOrBlankLine.exec(src);
    return m && m[0].trim() !== '' ? m.index + 1 : undefined;
  },
  tokenizer(src): MathToken | undefined {
    const open = blockOpener.exec(src);
    if (!open) return undefined;
    const closer = open[1] === '$$' ? '$$' : '\\]';
    const bodyStart = open[0].length;
    const end = src.indexOf(closer, bodyStart);
    if (end === -1) {
      // Unclosed, like an unclosed code fence: the rest of the text is the formula being written.
      return { type: 'blockMath', raw: src, text: src.slice(bodyStart).trim(), display: true, closed: false };
    }
    const lineEnd = src.indexOf('\n', end);
    const after = src.slice(end + closer.length, lineEnd === -1 ? src.length : lineEnd);
    // `$$x$$ and more` on one line is inline display math inside a paragraph.
    if (after.trim() !== '') return undefined;
    const raw = lineEnd === -1 ? src : src.slice(0, lineEnd + 1);
    return { type: 'blockMath', raw, text: src.slice(bodyStart, end).trim(), display: true, closed: true };
  },
};

// `$x$`: no space just inside the dollars and no digit right after the closing one, so "$5 and $10" stays text.
const dollarInline = /^\$(?![\s$])((?:\\[\s\S]|[^\\$\n]|\n(?![ \t]*\n))+?)(?<!\s)\$(?!\d)/;
const delimitedInline = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
] as const;

export const inlineMath: TokenizerExtension = {
  name: 'inlineMath',
  level: 'inline',
  start(src) {
    const i = src.search(/\$|\\[([]/);
    return i < 0 ? undefined : i;
  },
  tokenizer(src): MathToken | undefined {
    for (const d of delimitedInline) {
      if (!src.startsWith(d.open)) continue;
      const end = src.indexOf(d.close, d.open.length);
      const text = end === -1 ? '' : src.slice(d.open.length, end).trim();
      if (text === '') return undefined;
      return { type: 'inlineMath', raw: src.slice(0, end + d.close.length), text, display: d.display, closed: true };
    }
    const m = dollarInline.exec(src);
    if (!m) return undefined;
    return { type: 'inlineMath', raw: m[0], text: m[1]!, display: false, closed: true };
  },
};
