import { describe, expect, it } from 'vitest';
import { createTokenCounter, roughTokenCount } from '../../electron/services/chat/token-counter';

describe('the token counter', () => {
  it('counts with the model’s own encoding once it is loaded', async () => {
    const counter = createTokenCounter();
    expect(counter.isLoaded('o200k_base')).toBe(false);
    await counter.load('o200k_base');
    expect(counter.isLoaded('o200k_base')).toBe(true);
    expect(counter.count('o200k_base', 'hello world')).toBe(2);
    await counter.load('cl100k_base');
    // The two encodings split this differently: a model must be counted with its own.
    const text = 'Schleswig-Holstein’s Sehenswürdigkeiten';
    expect(counter.count('cl100k_base', text)).not.toBe(counter.count('o200k_base', text));
  });

  it('over-estimates, and remembers nothing, before the encoding is loaded', async () => {
    const counter = createTokenCounter();
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
    const guess = counter.countRemembered('o200k_base', text);
    expect(guess).toBe(roughTokenCount(text));
    await counter.load('o200k_base');
    expect(guess).toBeGreaterThan(counter.countRemembered('o200k_base', text));
    expect(counter.stats.remembered).toBe(0);
  });

  it('guesses high for other scripts too, so a guess never sends more than fits', async () => {
    const counter = createTokenCounter();
    const samples = ['日本語の文章を数えると、どのくらいのトークンになるでしょうか。', 'Привет, как дела? Это длинное предложение.', '🎉🎉🎉 party 🎉'];
    const guesses = samples.map((t) => counter.count('o200k_base', t));
    await counter.load('o200k_base');
    samples.forEach((t, i) => expect(guesses[i]).toBeGreaterThanOrEqual(counter.count('o200k_base', t)));
  });

  it('counts text that looks like a special token as plain text instead of failing', async () => {
    const counter = createTokenCounter();
    await counter.load('o200k_base');
    expect(counter.count('o200k_base', 'what does <|endoftext|> mean?')).toBeGreaterThan(5);
  });

  it('tokenizes a message once: counting a conversation again only counts what is new', async () => {
    const counter = createTokenCounter();
    await counter.load('o200k_base');
    const history = Array.from({ length: 50 }, (_, i) => `Message number ${i}: ${'some words '.repeat(i + 1)}`);
    const first = history.map((m) => counter.countRemembered('o200k_base', m));
    expect(counter.stats.tokenized).toBe(50);

    const grown = [...history, 'One more question'];
    const second = grown.map((m) => counter.countRemembered('o200k_base', m));
    expect(counter.stats.tokenized).toBe(51);
    expect(second.slice(0, 50)).toEqual(first);
  });

  it('counts two different messages of the same length separately', async () => {
    const counter = createTokenCounter();
    await counter.load('o200k_base');
    const long = (word: string) => `${word} `.repeat(400).slice(0, 2_000);
    expect(counter.countRemembered('o200k_base', long('a'))).not.toBe(counter.countRemembered('o200k_base', long('internationalisation')));
    expect(counter.stats.tokenized).toBe(2);
  });

  it('counts an answer again as it grows while streaming', async () => {
    const counter = createTokenCounter();
    await counter.load('o200k_base');
    const a = counter.countRemembered('o200k_base', 'Half an');
    const b = counter.countRemembered('o200k_base', 'Half an answer, now whole.');
    expect(b).toBeGreaterThan(a);
    expect(counter.stats.tokenized).toBe(2);
  });

  it('forgets the least recently used counts beyond its limit', async () => {
    const counter = createTokenCounter({ maxRemembered: 2 });
    await counter.load('o200k_base');
    counter.countRemembered('o200k_base', 'first');
    counter.countRemembered('o200k_base', 'second');
    counter.countRemembered('o200k_base', 'first'); // now the most recently used
    counter.countRemembered('o200k_base', 'third'); // pushes out "second"
    expect(counter.stats.tokenized).toBe(3);
    counter.countRemembered('o200k_base', 'first');
    expect(counter.stats.tokenized).toBe(3);
    counter.countRemembered('o200k_base', 'second');
    expect(counter.stats.tokenized).toBe(4);
  });
});
