import { Marked, type Token } from 'marked';
import { blockMath, inlineMath } from './math-syntax';

const marked = new Marked({
  gfm: true,
  breaks: false,
  extensions: [blockMath, inlineMath],
  tokenizer: {
    // Link reference definitions are read as text. A definition at the end of an answer would change how
    // every earlier block renders, which would make finished blocks unstable while streaming; models
    // almost never write reference-style links.
    def: () => undefined,
  },
});

/** Block tokens with their inline tokens, for GFM plus LaTeX math. Every token's `raw` is its exact source text. */
export function lexMarkdown(src: string): Token[] {
  return marked.lexer(src);
}
