import type { Token } from 'marked';
import { GrowingList } from './growing-list';

/** One top-level block of the answer, its tokens parsed from `raw`. */
export interface MarkdownBlock {
  /** Offset of the block in the text: stable for the life of the block, so it serves as its key. */
  start: number;
  raw: string;
  token: Token;
  /** True once no text appended later can change the block: it is parsed once and its rendering memoised. */
  final: boolean;
}

/**
 * Splits a growing markdown text into blocks, parsing only the part after the last final block on each
 * update: O(tail) per update instead of O(text), so a long answer streams in O(n) overall.
 *
 * The blocks are marked's own top-level tokens, so the split agrees with a parse of the whole text. A block
 * becomes final when a later block has started and the first line of that later block is complete: a block's
 * end is decided by the line after it, and a line still being written may turn out to continue it (`* a` then
 * `-` is a new list until `--` makes it a continuation line). Unclosed code fences and display formulas run to
 * the end of the text, so they stay in the tail until they close.
 */
export class MarkdownBlockStream {
  private text = '';
  private finals: MarkdownBlock[] = [];
  private finalEnd = 0;
  private current: MarkdownBlock[] = [];
  private list = new GrowingList();

  /** Blocks for `text`. Appending to the previous text re-parses only the tail; any other change starts over. */
  update(next: string): MarkdownBlock[] {
    const text = next.includes('\r') ? next.replace(/\r\n?/g, '\n') : next;
    if (text === this.text) return this.current;
    if (!text.startsWith(this.text)) {
      this.finals = [];
      this.finalEnd = 0;
      this.list.reset();
    }
    this.text = text;
    const tail = text.slice(this.finalEnd);
    const tokens = this.list.lex(text, this.finalEnd);
    const starts: number[] = [];
    let offset = 0;
    for (const t of tokens) {
      starts.push(offset);
      offset += t.raw.length;
    }
    let finalCount = 0;
    for (let j = tokens.length - 1; j > 0; j--) {
      if (tokens[j]!.type !== 'space' && tail.includes('\n', starts[j]!)) {
        finalCount = j;
        break;
      }
    }
    const base = this.finalEnd;
    const blocks = (from: number, to: number, final: boolean): MarkdownBlock[] => {
      const out: MarkdownBlock[] = [];
      for (let i = from; i < to; i++) {
        const token = tokens[i]!;
        if (token.type !== 'space') out.push({ start: base + starts[i]!, raw: token.raw, token, final });
      }
      return out;
    };
    if (finalCount > 0) {
      this.finals = this.finals.concat(blocks(0, finalCount, true));
      this.finalEnd = base + starts[finalCount]!;
    }
    this.current = this.finals.concat(blocks(finalCount, tokens.length, false));
    return this.current;
  }
}
