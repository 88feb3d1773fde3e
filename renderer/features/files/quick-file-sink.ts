import { useQuickStore } from '../../quick/quick-store';
import { upsert } from '../../stores/message-merge';
import { loadAttachments } from './attachments-store';
import type { ExplanationSink } from './file-actions';

/** The quick window: a dropped file is explained in its one exchange, following on from it when there is one. */
export const quickWindowSink: ExplanationSink = {
  currentConversationId: () => useQuickStore.getState().conversationId,
  show({ conversation, userMessage, assistantMessage }) {
    useQuickStore.setState((q) => {
      const base = q.conversationId === conversation.id ? q.messages : [];
      return { conversationId: conversation.id, messages: upsert(upsert(base, userMessage), assistantMessage), problem: null };
    });
    loadAttachments(conversation.id, true);
  },
};
