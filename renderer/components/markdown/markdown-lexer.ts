import { Lexer, Marked, type Token } from 'marked';
import { boundedCache } from './bounded-cache';
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

// The inline tokens of a paragraph, heading, cell or list item depend on its text alone (no reference links, and
// every run starts outside a link), so they are reused. A list or table that is still being written is one
// growing block re-read on every update; this way only its growing item is tokenised again.
const inlineCache = boundedCache<Token[]>(4000);

class ReusingLexer extends Lexer {
  override lex(src: string) {
    this.blockTokens(src.replace(/\r\n?/g, '\n'), this.tokens);
    for (const run of this.inlineQueue) {
      // A task item's checkbox is already at the head of its run's tokens.
      const head = run.tokens.length;
      const reused = inlineCache.get(run.src, () => {
        this.state.inRawBlock = false;
        return this.inlineTokens(run.src, []);
      });
      if (head === 0 && run.tokens.length === 0) run.tokens.push(...reused);
      else run.tokens.splice(head, 0, ...reused);
    }
    this.inlineQueue = [];
    return this.tokens;
  }
}

/** The same parse by marked's own lexer, reusing nothing: the reference the reusing lexer is tested against. */
export function lexMarkdownAfresh(src: string): Token[] {
  return marked.lexer(src);
}

/** Block tokens with their inline tokens, for GFM plus LaTeX math. Every token's `raw` is its exact source text. */
export function lexMarkdown(src: string): Token[] {
  return new ReusingLexer(marked.defaults).lex(src);
}
