import { describe, expect, it } from 'vitest';
import { lexMarkdown, lexMarkdownAfresh } from '../../renderer/components/markdown/markdown-lexer';
import { longAnswer, richAnswer } from '../fixtures/markdown-samples';

const looseTasks = '- [x] done\n\n- [ ] todo with **bold**\n\n  and a second paragraph\n\n1. [x] numbered task\n2. done\n';
const sameInlineTextInManyPlaces = '**same**\n\n- **same**\n- [ ] **same**\n\n> **same**\n\n| **same** |\n|---|\n| **same** |\n\n# **same**\n\n- [x] **same**\n\n- **same**\n';

describe('the markdown lexer', () => {
  it.each([
    ['a rich answer', richAnswer],
    ['a long answer', longAnswer(20_000, 6)],
    ['loose task lists', looseTasks],
    ['the same inline text in paragraphs, items, tasks, quotes, cells and headings', sameInlineTextInManyPlaces],
  ])('reuses inline tokens without changing the parse of %s', (_name, text) => {
    // Warm the reuse cache with every fragment first, so the second parse is served from it.
    lexMarkdown(text);
    for (let cut = 0; cut < text.length; cut += Math.max(1, Math.floor(text.length / 40))) lexMarkdown(text.slice(cut));
    expect(lexMarkdown(text)).toEqual(lexMarkdownAfresh(text));
  });

  it('ends every block where the next begins: the raw texts add up to the source', () => {
    for (const text of [richAnswer, looseTasks, longAnswer(10_000, 3)]) {
      expect(lexMarkdown(text).map((t) => t.raw).join('')).toBe(text);
    }
  });
});
