import { beforeAll, describe, expect, it } from 'vitest';
import { createStreamingTokenCount } from '../../electron/services/chat/streaming-token-count';
import { createTokenCounter } from '../../electron/services/chat/token-counter';

const counter = createTokenCounter();
beforeAll(() => counter.load('o200k_base'));

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const answer = Array.from(
  { length: 300 },
  (_, i) => `Paragraph ${i}: the pool of connections (size ${i % 17}) waits — 待機中 — for a free slot; see \`pool.acquire()\`.\n\n`,
).join('');

describe('counting an answer as it streams', () => {
  it.each([1, 3, 7, 40])('gives the same count as counting the whole answer, in deltas of %i characters', (size) => {
    const live = createStreamingTokenCount(counter, 'o200k_base');
    for (const d of chunks(answer, size)) live.append(d);
    const exact = counter.count('o200k_base', answer);
    expect(Math.abs(live.tokens - exact)).toBeLessThanOrEqual(Math.ceil(exact * 0.002));
  });

  it('counts only the new text: the tokenizer sees each character a bounded number of times', () => {
    const seen = { chars: 0 };
    const spy = { count: (e: 'o200k_base', t: string) => ((seen.chars += t.length), counter.count(e, t)) };
    const live = createStreamingTokenCount(spy, 'o200k_base');
    for (const d of chunks(answer, 5)) live.append(d);
    // Recounting the whole answer on every delta would see about n²/10 characters.
    expect(seen.chars).toBeLessThan(answer.length * 40);
  });

  it('commits a tail with no place to cut once it grows long', () => {
    const live = createStreamingTokenCount(counter, 'o200k_base');
    const blob = 'x'.repeat(10_000);
    for (const d of chunks(blob, 100)) live.append(d);
    expect(Math.abs(live.tokens - counter.count('o200k_base', blob))).toBeLessThanOrEqual(6);
  });
});
