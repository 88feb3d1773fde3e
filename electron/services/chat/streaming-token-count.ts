import type { TokenEncoding } from '../../../shared/model-catalogue';
import type { TokenCounter } from './token-counter';

/**
 * The token count of an answer as it streams, at a cost proportional to each
 * delta rather than to the whole answer so far: recounting everything on
 * every delta is quadratic over a long answer. The tokenizers split text into
 * pieces before encoding (a word with its leading space, a run of digits, a
 * run of newlines), and pieces are encoded on their own, so counts add up
 * across a cut made where a piece begins. The text is committed up to the
 * last such cut (a space before a letter, after a character that is not
 * blank) and only the tail after it is counted again.
 */
export interface StreamingTokenCount {
  append(delta: string): number;
  readonly tokens: number;
}

// A tail without any cut (one enormous "word") is committed anyway at this length: off by a token at most.
const maxTail = 2_048;

function lastCut(text: string): number {
  for (let i = text.length - 2; i > 0; i--) {
    if (text.charCodeAt(i) !== 32) continue;
    const before = text[i - 1]!;
    const after = text[i + 1]!;
    if (!/\s/.test(before) && /\p{L}/u.test(after)) return i;
  }
  return -1;
}

export function createStreamingTokenCount(counter: Pick<TokenCounter, 'count'>, encoding: TokenEncoding): StreamingTokenCount {
  let committed = 0;
  let tail = '';
  let tailTokens = 0;
  return {
    append(delta: string): number {
      tail += delta;
      const cut = tail.length > maxTail ? tail.length - 1 : lastCut(tail);
      if (cut > 0) {
        committed += counter.count(encoding, tail.slice(0, cut));
        tail = tail.slice(cut);
      }
      tailTokens = tail ? counter.count(encoding, tail) : 0;
      return committed + tailTokens;
    },
    get tokens() {
      return committed + tailTokens;
    },
  };
}
