/**
 * What fits in a model's context: the system prompt, then as many of the most
 * recent turns as the window holds once room for the answer is set aside.
 * Pure: the caller says how to count a turn.
 */

/**
 * The chat format wraps each message in a few tokens of its own (role and
 * separators), and the reply is primed with a few more. These are OpenAI's
 * published figures for its chat models; other servers differ by a little.
 */
export const tokensPerMessage = 4;
export const tokensForReplyPriming = 3;

/** Set aside for the answer when the person has not chosen a maximum. */
export const defaultAnswerReserve = 4_096;

export interface BudgetInput<T> {
  systemPrompt: string | null;
  /** Oldest first; the last one is the question being asked. */
  turns: T[];
  contextWindow: number;
  reserveForAnswer: number;
  countSystem(text: string): number;
  countTurn(turn: T): number;
}

export interface BudgetResult<T> {
  /** The turns to send, oldest first: always a run of the most recent ones. */
  sent: T[];
  /** How many older turns were left out. */
  omitted: number;
  /** Tokens of the prompt as sent, overheads included. */
  promptTokens: number;
  /** False when even the system prompt and the newest turn do not fit: they are sent anyway and the provider decides. */
  fits: boolean;
}

/**
 * The room for the answer. A chosen maximum is reserved in full, since the
 * provider refuses a request whose prompt and maximum together overflow the
 * window; without one, a modest share is kept.
 */
export function answerReserve(contextWindow: number, maxOutputTokens: number | null): number {
  return maxOutputTokens ?? Math.min(defaultAnswerReserve, Math.floor(contextWindow / 4));
}

export function fitToContext<T>(input: BudgetInput<T>): BudgetResult<T> {
  const available = input.contextWindow - input.reserveForAnswer;
  let used = tokensForReplyPriming;
  if (input.systemPrompt) used += tokensPerMessage + input.countSystem(input.systemPrompt);

  let first = input.turns.length;
  // Newest first; stop at the first turn that does not fit, so what is sent is never a history with holes.
  while (first > 0) {
    const cost = tokensPerMessage + input.countTurn(input.turns[first - 1]!);
    const isNewest = first === input.turns.length;
    if (used + cost > available && !isNewest) break;
    used += cost;
    first -= 1;
  }
  return {
    sent: input.turns.slice(first),
    omitted: first,
    promptTokens: used,
    fits: used <= available,
  };
}
