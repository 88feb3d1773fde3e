import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../shared/domain';
import { sampleAnswer } from '../fixtures/sample-answer';
import { MessageCost } from '../../renderer/features/usage/message-cost';

vi.mock('../../renderer/api/parley', () => ({ parley: {}, unwrap: () => undefined, ParleyError: Error }));

const answer = (over: Partial<Message>): Message =>
  sampleAnswer({ usage: { promptTokens: 1200, completionTokens: 300 }, costUsd: 0.00036, ttftMs: 100, totalMs: 900, ...over });

const text = (m: Message) => renderToStaticMarkup(<MessageCost message={m} />).replace(/<[^>]+>/g, '');

describe('the cost under an answer', () => {
  it('shows the tokens and cost the provider reported', () => {
    expect(text(answer({}))).toBe('1,500 tokens · $0.0004');
  });

  it('marks tokens Parley counted itself as estimated', () => {
    expect(text(answer({ usage: { promptTokens: 10, completionTokens: 5, estimated: true }, costUsd: 0.02 }))).toBe('≈ 15 tokens · ≈ $0.02 (estimated)');
  });

  it('says nothing of the cost of a model without a price, nor while the answer is written', () => {
    expect(text(answer({ costUsd: null }))).toBe('1,500 tokens');
    expect(text(answer({ status: 'streaming' }))).toBe('');
    expect(text(answer({ usage: null, costUsd: null }))).toBe('');
  });
});
