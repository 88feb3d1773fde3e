import type { Token, Tokens } from 'marked';
import { lexMarkdown } from './markdown-lexer';

// marked's own tests for looseness: an item ending in a blank line before another item, or a blank line inside one.
const blankLineAtEnd = /\n[ \t]*\n[ \t]*$/;
const blankLineInside = /\n.*\n/;
const marker = /^ {0,3}([*+-]|\d{1,9}[.)])/;

interface FinishedItems {
  /** Where the list starts: the start of the text being parsed. */
  listStart: number;
  /** Where the first unfinished item starts. */
  itemsEnd: number;
  items: Tokens.ListItem[];
  ordered: boolean;
  start: number | '';
  bullet: string;
  /** Whether the finished items alone make the list loose (a blank line between or inside them). */
  loose: boolean;
}

const bulletOf = (raw: string, ordered: boolean) => {
  const m = marker.exec(raw)?.[1] ?? '';
  return ordered ? m.slice(-1) : m;
};

function makesLoose(item: Tokens.ListItem): boolean {
  return blankLineAtEnd.test(item.raw) || item.tokens.some((t) => t.type === 'space' && blankLineInside.test(t.raw));
}

/** An item as marked builds it in a loose list: paragraphs for text, the task box inside the first paragraph. */
function loosen(item: Tokens.ListItem): Tokens.ListItem {
  let tokens = item.tokens.map((t) => (t.type === 'text' ? ({ ...t, type: 'paragraph' } as Token) : t));
  const [box, first] = tokens;
  if (box?.type === 'checkbox') {
    tokens =
      first && first.type === 'paragraph' && first.tokens
        ? [{ ...first, raw: box.raw + first.raw, text: box.raw + (first as Tokens.Paragraph).text, tokens: [box, ...first.tokens] } as Token, ...tokens.slice(2)]
        : [{ type: 'paragraph', raw: box.raw, text: box.raw, tokens: [box] } as Token, ...tokens.slice(1)];
  }
  return { ...item, loose: true, tokens };
}

/**
 * A list is one block until it ends, and a long list (models write fifty-item lists) would be parsed whole on
 * every update. This keeps the items that are finished (the next item's first line is complete) and parses
 * only from the first unfinished item on, then joins the two as marked would have built the whole list.
 */
export class GrowingList {
  private finished: FinishedItems | null = null;

  /** Tokens for `text` from `from` on. */
  lex(text: string, from: number): Token[] {
    const f = this.finished;
    if (f && f.listStart === from) {
      const rest = lexMarkdown(text.slice(f.itemsEnd));
      const list = this.join(f, rest[0], text.slice(from, f.itemsEnd));
      if (list) {
        const tokens = [list, ...rest.slice(1)];
        this.remember(text, from, tokens, f);
        return tokens;
      }
    }
    const tokens = lexMarkdown(text.slice(from));
    this.remember(text, from, tokens, null);
    return tokens;
  }

  reset(): void {
    this.finished = null;
  }

  private join(f: FinishedItems, next: Token | undefined, finishedRaw: string): Tokens.List | null {
    if (next?.type !== 'list') return null;
    const rest = next as Tokens.List;
    if (rest.ordered !== f.ordered || rest.items.length === 0 || bulletOf(rest.items[0]!.raw, f.ordered) !== f.bullet) return null;
    const loose = rest.loose || f.loose;
    // Finished items lexed as loose in a list that is tight after all (a blank line that looked like a gap
    // between items until the line after it was complete): parse the whole list again.
    if (!loose && f.items.some((i) => i.loose)) return null;
    const items = loose ? [...f.items, ...rest.items].map((i) => (i.loose ? i : loosen(i))) : [...f.items, ...rest.items];
    return { ...rest, raw: finishedRaw + rest.raw, start: f.start, loose, items };
  }

  private remember(text: string, from: number, tokens: Token[], known: FinishedItems | null): void {
    this.finished = null;
    const list = tokens[0];
    if (list?.type !== 'list') return;
    const { items, ordered } = list as Tokens.List;
    let count = known?.items.length ?? 0;
    let end = known?.itemsEnd ?? from;
    let loose = known?.loose ?? false;
    while (count < items.length - 1) {
      const item = items[count]!;
      // The item's raw is its exact source (checked, so a surprise in marked only costs speed), and the next
      // item's first line is complete: nothing appended can move the boundary between them.
      if (!text.startsWith(item.raw, end) || text.indexOf('\n', end + item.raw.length) === -1) break;
      loose ||= makesLoose(item);
      end += item.raw.length;
      count++;
    }
    if (count === 0) return;
    this.finished = {
      listStart: from,
      itemsEnd: end,
      items: items.slice(0, count),
      ordered,
      start: (list as Tokens.List).start,
      bullet: known?.bullet ?? bulletOf(items[0]!.raw, ordered),
      loose,
    };
  }
}
