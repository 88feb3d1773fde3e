import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadLowlight } from '../../renderer/components/markdown/highlight-engine';
import { MarkdownBlockStream, type MarkdownBlock } from '../../renderer/components/markdown/markdown-block-stream';
import { MarkdownOnce } from '../../renderer/components/markdown/markdown-view';
import { mathRenderer } from '../../renderer/components/markdown/math-renderer';
import { renderBlock } from '../../renderer/components/markdown/render-tokens';
import { longAnswer, richAnswer } from '../fixtures/markdown-samples';

const streamed = (blocks: MarkdownBlock[]) =>
  renderToStaticMarkup(<div className="markdown">{blocks.map((b) => renderBlock(b.token, b.start))}</div>);
const once = (text: string) => renderToStaticMarkup(<MarkdownOnce text={text} />);

/** Feeds `text` in the given chunk sizes; checks every prefix against a one-shot parse and that final blocks never change. */
function streamAndCompare(text: string, sizes: (i: number) => number, opts: { everyPrefix: boolean }) {
  const stream = new MarkdownBlockStream();
  const finals = new Map<number, MarkdownBlock>();
  let end = 0;
  for (let i = 0; end < text.length; i++) {
    end = Math.min(text.length, end + sizes(i));
    const prefix = text.slice(0, end);
    const blocks = stream.update(prefix);
    for (const b of blocks) {
      const seen = finals.get(b.start);
      if (seen) expect(b, `final block at ${b.start} changed at ${end}`).toBe(seen);
      else if (b.final) finals.set(b.start, b);
    }
    if (opts.everyPrefix || end === text.length) expect(streamed(blocks), `prefix of ${end} chars`).toBe(once(prefix));
  }
  return { finals: finals.size };
}

beforeAll(async () => {
  // Loaded up front so code blocks and formulas render highlighted and typeset, not as their plain fallback.
  await Promise.all([loadLowlight(), mathRenderer.load()]);
});

// Thousands of parses and renders each: generous limits, so a busy machine slows them without failing them.
const heavy = { timeout: 90_000 };

describe('the markdown block stream', () => {
  it('matches a whole-text parse at every character of a rich answer', heavy, () => {
    const { finals } = streamAndCompare(richAnswer, () => 1, { everyPrefix: true });
    expect(finals).toBeGreaterThan(15);
  });

  it.each([16])('matches a whole-text parse at every prefix when streamed in %i-character chunks', (size) => {
    streamAndCompare(richAnswer, () => size, { everyPrefix: true });
  });

  it('matches after irregular chunks, as a network delivers them', heavy, () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 40) + 1;
    streamAndCompare(richAnswer + '\n\n' + richAnswer, random, { everyPrefix: false });
  });

  it('matches when a piece of text is cut anywhere and the rest arrives at once', heavy, () => {
    const expected = once(richAnswer);
    for (let cut = 0; cut <= richAnswer.length; cut += 3) {
      const stream = new MarkdownBlockStream();
      stream.update(richAnswer.slice(0, cut));
      expect(streamed(stream.update(richAnswer)), `cut at ${cut}`).toBe(expected);
    }
  });

  it.each([
    ['a fence cut mid-way', 'Intro\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter the fence.\n'],
    ['a fence whose closing line could still grow', 'Intro\n\n```\ncode\n```x still code\n```\n\nafter\n'],
    ['a loose list whose items come after blank lines', '1. one\n\n2. two\n\n   more of two\n\n3. three\n\nNot in the list.\n'],
    ['a list that a following line turns into a continuation', '* a\n--\n\n* b\n-\n- c\n'],
    ['a table that only becomes one at its delimiter row', 'Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nafter\n'],
    ['a paragraph that a table interrupts', 'some text\n| a | b |\n| - | - |\n| 1 | 2 |\n'],
    ['a setext heading underlined late', 'Title line\n=====\n\nbody\n'],
    ['display math with blank lines inside', 'Before\n\n$$\na = b\n\nc = d\n$$\n\nAfter $x$.\n'],
    ['bracketed display math', 'Before\n\n\\[\n\\frac{a}{b}\n\\]\nafter\n'],
    ['inline display math on one line', '$$a$$ is inline here\n\nand $b$ too\n'],
    ['a blockquote continued lazily', '> quoted\nlazy\n\n> again\n\nout\n'],
    ['indented code after a paragraph and after a blank line', 'para\n    lazy continuation\n\n    real code\n\ntext\n'],
    ['raw HTML blocks and comments', '<!-- a comment\n\nstill comment -->\n\n<details>\n<summary>x</summary>\n</details>\n\ntext\n'],
    ['link reference definitions, read as text', 'See [docs][1].\n\n[1]: https://example.com\n'],
    ['a long loose list with tasks, nested lists and code in items', Array.from({ length: 12 }, (_, i) => `${i + 1}. **Point ${i}** with \`code\`\n\n   - [${i % 2 ? 'x' : ' '}] nested task\n   - another\n\n   \`\`\`js\n   let x = ${i};\n   \`\`\`\n`).join('\n') + '\nAfter the list.\n'],
    ['a tight list that turns loose at its end', '- a\n- b\n- c\n- d\n\n- e\n\nend\n'],
    ['a tight task list that turns loose', '- [x] one\n- [ ] two\n- [x] three\n\n  more of three\n- four\n'],
    ['a gap that is not between items after all', '1. a\n2. b\n3. c\n\n--\n\n- x\n* y\n+ z\n'],
    ['ordered lists with parentheses and a change of delimiter', '1) a\n2) b\n3) c\n4. d\n5. e\n'],
    ['carriage returns', 'line one\r\nline two\r\n\r\n```\r\ncode\r\n```\r\n'],
  ])('matches a whole-text parse at every character of %s', heavy, (_name, text) => {
    streamAndCompare(text, () => 1, { everyPrefix: true });
  });

  it('parses no more than the last two blocks on any update of a long answer', heavy, () => {
    const text = longAnswer(20_000, 6);
    const whole = new MarkdownBlockStream().update(text);
    const longestBlock = Math.max(...whole.map((b) => b.raw.length));
    const stream = new MarkdownBlockStream();
    let finalEnd = 0;
    let longestTail = 0;
    for (let end = 4; end <= text.length; end += 4) {
      longestTail = Math.max(longestTail, end - finalEnd);
      const lastFinal = stream.update(text.slice(0, end)).filter((b) => b.final).at(-1);
      if (lastFinal) finalEnd = lastFinal.start + lastFinal.raw.length;
    }
    // Re-parsing the whole text would read up to 20,000 characters per update.
    expect(longestTail).toBeLessThanOrEqual(2 * longestBlock + 8);
    expect(longestTail).toBeLessThan(text.length / 5);
    expect(streamed(stream.update(text))).toBe(once(text));
  });

  it('starts over when the text is replaced rather than extended', () => {
    const stream = new MarkdownBlockStream();
    stream.update('# First answer\n\nwith a paragraph\n\nand more\n');
    expect(streamed(stream.update('A different answer\n\n- item\n'))).toBe(once('A different answer\n\n- item\n'));
  });
});
