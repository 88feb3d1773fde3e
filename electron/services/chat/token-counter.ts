import type { TokenEncoding } from '../../../shared/model-catalogue';
import { encoderFor, type Encoder } from './tokenizer-loader';

// Text that looks like a special token (`<|endoftext|>`) is sent as text, and the API counts it as text.
const asPlainText = { disallowedSpecial: new Set<string>() };

export interface TokenCounter {
  /** Loads an encoding; later counts with it are exact. */
  load(encoding: TokenEncoding): Promise<void>;
  isLoaded(encoding: TokenEncoding): boolean;
  /** Exact once the encoding is loaded; until then a deliberate over-estimate, never remembered. */
  count(encoding: TokenEncoding, text: string): number;
  /** Like `count`, remembered per text so that a long conversation is tokenized once, not on every keystroke. */
  countRemembered(encoding: TokenEncoding, text: string): number;
  /** How many texts were actually run through a tokenizer, and how many answers came from memory. */
  readonly stats: { tokenized: number; remembered: number };
}

/**
 * A guess that errs towards sending less: English runs about four characters
 * a token, so three over-counts it, and other scripts (CJK, emoji) run about
 * one token a character or more, so each such UTF-16 unit counts as one.
 * Counts `text` from `start` to `end`, so a caller with a large text need
 * not copy out each line to count it.
 */
export function roughTokenCount(text: string, start = 0, end = text.length): number {
  let other = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) other += 1;
  return Math.ceil((end - start - other) / 3) + other;
}

/**
 * Keys the memory by content rather than message id, so the history a
 * request is built from needs no ids. Hashing every character of a long
 * conversation on each keystroke cost more than reading it from SQLite
 * (bench/estimate.ts), so a text is hashed at its ends and at 128 points
 * between, with its length. Two different texts of one length that agree at
 * every sampled point would share a count: close to the truth, since they
 * are nearly the same text.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  const n = text.length;
  const take = (i: number) => {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  };
  if (n <= 256) {
    for (let i = 0; i < n; i++) take(i);
  } else {
    for (let i = 0; i < 64; i++) take(i);
    for (let k = 0; k < 128; k++) take(64 + Math.floor((k * (n - 128)) / 128));
    for (let i = n - 64; i < n; i++) take(i);
  }
  return `${(h >>> 0).toString(36)}:${n}`;
}

export function createTokenCounter(options: { maxRemembered?: number } = {}): TokenCounter {
  const maxRemembered = options.maxRemembered ?? 20_000;
  const encoders = new Map<TokenEncoding, Encoder>();
  const loading = new Map<TokenEncoding, Promise<void>>();
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
  const remembered = new Map<string, number>();
  const stats = { tokenized: 0, remembered: 0 };

  function count(encoding: TokenEncoding, text: string): number {
    const encoder = encoders.get(encoding);
    if (!encoder) return roughTokenCount(text);
    stats.tokenized += 1;
    return encoder.countTokens(text, asPlainText);
  }

  return {
    load(encoding) {
      let p = loading.get(encoding);
      if (!p) {
        p = encoderFor(encoding).then((e) => void encoders.set(encoding, e));
        // A failed import may be retried by the next caller instead of failing for ever.
        p.catch(() => loading.delete(encoding));
        loading.set(encoding, p);
      }
      return p;
    },
    isLoaded: (encoding) => encoders.has(encoding),
    count,
    countRemembered(encoding, text) {
      if (!encoders.has(encoding)) return roughTokenCount(text);
      const key = `${encoding}:${fingerprint(text)}`;
      const hit = remembered.get(key);
      if (hit !== undefined) {
        stats.remembered += 1;
        remembered.delete(key);
        remembered.set(key, hit);
        return hit;
      }
      const n = count(encoding, text);
      remembered.set(key, n);
      if (remembered.size > maxRemembered) remembered.delete(remembered.keys().next().value!);
      return n;
    },
    stats,
  };
}
