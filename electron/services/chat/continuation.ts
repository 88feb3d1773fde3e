import type OpenAI from 'openai';
import type { Conversation, Message } from '../../../shared/domain';
import type { StreamOutcome } from './answer-stream';
import { buildHistory } from './history';

/**
 * Continuing a cut answer adds to the same message rather than writing a
 * second one after it. One answer cut in two would render as two documents
 * (a code block split at its fence shows as broken text in both halves),
 * copy as half an answer, and go back to the model as two assistant turns in
 * a row. The cut text is a prefix of the new one, so nothing is lost.
 */
export interface Continuation {
  /** The answer as it stood before it was reopened: its text is the prefix the new text follows. */
  previous: Message;
}

/** The person's request that the model picks up mid-answer; the OpenAI API has no assistant prefill. */
export const continueInstruction =
  'Continue your previous answer from exactly where it stopped. Do not repeat what you already wrote and do not add an introduction.';

/** The usual history up to and including the cut answer, then the request to go on. */
export function continuationHistory(
  conversation: Conversation | null,
  messages: Message[],
  { previous }: Continuation,
): OpenAI.Chat.Completions.ChatCompletionMessageParam[] {
  // The answer in the list is already `streaming` again; the history must see the text it had.
  const asItWas = messages.map((m) => (m.id === previous.id ? previous : m));
  return [...buildHistory(conversation, asItWas, previous.id), { role: 'user', content: continueInstruction }];
}

/** The stored answer after a continuation: the texts joined, the tokens and time of both attempts added up. */
export function joinContinuation(previous: Message, outcome: StreamOutcome): StreamOutcome {
  const usage =
    previous.usage && outcome.usage
      ? {
          promptTokens: previous.usage.promptTokens + outcome.usage.promptTokens,
          completionTokens: previous.usage.completionTokens + outcome.usage.completionTokens,
          ...(previous.usage.estimated || outcome.usage.estimated ? { estimated: true } : {}),
        }
      : (outcome.usage ?? previous.usage);
  return {
    ...outcome,
    content: previous.content + outcome.content,
    usage,
    ttftMs: previous.ttftMs ?? outcome.ttftMs,
    totalMs: (previous.totalMs ?? 0) + outcome.totalMs,
  };
}
