import type { Message } from '../../shared/domain';
import { parley, unwrap } from '../api/parley';
import { useBranchStore } from './branch-store';
import { moveToTop, useChatStore } from './chat-store';
import { upsert } from './message-merge';

const explain = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs one branch action under the chat store's `sending` flag, so the
 * composer and the other actions wait for it; a refusal (busy, no key)
 * becomes the window's problem line and changes nothing on screen.
 */
async function run(conversationId: string, act: () => Promise<Message[]>): Promise<boolean> {
  if (useChatStore.getState().sending) return false;
  useChatStore.setState({ sending: true, problem: null });
  try {
    const written = await act();
    useChatStore.setState((s) => ({
      messages: { ...s.messages, [conversationId]: written.reduce(upsert, s.messages[conversationId] ?? []) },
      conversations: moveToTop(s, conversationId),
    }));
    useBranchStore.getState().showBranch(conversationId, written.at(-1)!.id);
    return true;
  } catch (err) {
    useChatStore.setState({ problem: explain(err) });
    return false;
  } finally {
    useChatStore.setState({ sending: false });
  }
}

/** A new answer beside `answer`; the old one stays one click of "Previous version" away. */
export function regenerate(answer: Message): Promise<boolean> {
  return run(answer.conversationId, async () => {
    const { assistantMessage } = await unwrap(parley.chat.regenerate({ messageId: answer.id }));
    return [assistantMessage];
  });
}

/** Resolves true once main accepted the new text, so the editor can close; on failure the text stays in it. */
export function editAndResend(question: Message, content: string): Promise<boolean> {
  return run(question.conversationId, async () => {
    const { userMessage, assistantMessage } = await unwrap(parley.chat.edit({ messageId: question.id, content }));
    return [userMessage, assistantMessage];
  });
}

export function continueAnswer(answer: Message): Promise<boolean> {
  return run(answer.conversationId, async () => {
    const { assistantMessage } = await unwrap(parley.chat.continue({ messageId: answer.id }));
    // `upsert` keeps a finished copy over a streaming one, but here the streaming one is newer. Text that
    // arrived as deltas before this reply is already appended on screen and must not be cut back.
    const reopen = (m: Message): Message =>
      m.content.length > assistantMessage.content.length && m.content.startsWith(assistantMessage.content) ? { ...assistantMessage, content: m.content } : assistantMessage;
    useChatStore.setState((s) => ({
      messages: {
        ...s.messages,
        [answer.conversationId]: (s.messages[answer.conversationId] ?? []).map((m) => (m.id === answer.id ? reopen(m) : m)),
      },
    }));
    return [assistantMessage];
  });
}
