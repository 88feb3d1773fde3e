import { describe, expect, it } from 'vitest';
import { answerReserve, defaultAnswerReserve, fitToContext, tokensForReplyPriming, tokensPerMessage } from '../../electron/services/chat/context-budget';

interface Turn {
  id: string;
  tokens: number;
}

/** Turns whose sizes are given outright, so each case reads as arithmetic. */
function fit(turns: Turn[], { window = 1_000, reserve = 0, system = 0 } = {}) {
  return fitToContext({
    systemPrompt: system > 0 ? 'system' : null,
    turns,
    contextWindow: window,
    reserveForAnswer: reserve,
    countSystem: () => system,
    countTurn: (t) => t.tokens,
  });
}

const turn = (id: string, tokens: number): Turn => ({ id, tokens });
const each = (tokens: number) => tokens + tokensPerMessage;

describe('fitting a conversation to the context window', () => {
  it('sends everything when everything fits, and counts the overheads', () => {
    const result = fit([turn('u1', 10), turn('a1', 20), turn('u2', 30)]);
    expect(result.sent.map((t) => t.id)).toEqual(['u1', 'a1', 'u2']);
    expect(result.omitted).toBe(0);
    expect(result.promptTokens).toBe(tokensForReplyPriming + each(10) + each(20) + each(30));
    expect(result.fits).toBe(true);
  });

  it('keeps the newest messages and leaves out the oldest', () => {
    const turns = [turn('u1', 100), turn('a1', 100), turn('u2', 100), turn('a2', 100), turn('u3', 100)];
    const window = tokensForReplyPriming + 3 * each(100);
    const result = fit(turns, { window });
    expect(result.sent.map((t) => t.id)).toEqual(['u2', 'a2', 'u3']);
    expect(result.omitted).toBe(2);
    expect(result.promptTokens).toBe(window);
  });

  it('always keeps the system prompt, counting it before any history', () => {
    const turns = [turn('u1', 100), turn('a1', 100), turn('u2', 100)];
    const window = tokensForReplyPriming + each(150) + 2 * each(100);
    const withPrompt = fit(turns, { window, system: 150 });
    expect(withPrompt.sent.map((t) => t.id)).toEqual(['a1', 'u2']);
    expect(withPrompt.promptTokens).toBe(window);
    expect(fit(turns, { window }).sent).toHaveLength(3);
  });

  it('reserves room for the answer', () => {
    const turns = [turn('u1', 100), turn('a1', 100), turn('u2', 100)];
    const window = tokensForReplyPriming + 3 * each(100);
    expect(fit(turns, { window }).omitted).toBe(0);
    expect(fit(turns, { window, reserve: 1 }).omitted).toBe(1);
    expect(fit(turns, { window, reserve: each(100) + 1 }).omitted).toBe(2);
  });

  it('never leaves a hole: a small old message is not sent when a larger newer one was left out', () => {
    const turns = [turn('u1', 5), turn('a1', 500), turn('u2', 100)];
    const result = fit(turns, { window: tokensForReplyPriming + each(100) + each(5) + 10 });
    expect(result.sent.map((t) => t.id)).toEqual(['u2']);
    expect(result.omitted).toBe(2);
  });

  it('still sends the question when it alone overflows, and says it does not fit', () => {
    const result = fit([turn('u1', 10), turn('u2', 5_000)], { window: 1_000 });
    expect(result.sent.map((t) => t.id)).toEqual(['u2']);
    expect(result.omitted).toBe(1);
    expect(result.fits).toBe(false);
  });

  it('sends only the system prompt when there is no history', () => {
    const result = fit([], { system: 20 });
    expect(result.sent).toEqual([]);
    expect(result.promptTokens).toBe(tokensForReplyPriming + each(20));
  });
});

describe('the room kept for the answer', () => {
  it('is the chosen maximum, in full', () => {
    expect(answerReserve(8_192, 7_000)).toBe(7_000);
  });

  it('is a modest share of the window when no maximum was chosen', () => {
    expect(answerReserve(128_000, null)).toBe(defaultAnswerReserve);
    expect(answerReserve(8_192, null)).toBe(2_048);
  });
});
