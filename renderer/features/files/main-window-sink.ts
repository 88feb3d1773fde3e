import { moveToTop, useChatStore } from '../../stores/chat-store';
import { useBranchStore } from '../../stores/branch-store';
import { upsert } from '../../stores/message-merge';
import { loadAttachments } from './attachments-store';
import type { ExplanationSink } from './file-actions';

/** The main window: each explanation is a conversation in the list, the first of a drop shown at once. */
export const mainWindowSink: ExplanationSink = {
  currentConversationId: () => useChatStore.getState().selectedId,
  show({ conversation, userMessage, assistantMessage }, select) {
    const id = conversation.id;
    useChatStore.setState((s) => ({
      conversations: moveToTop(s, id, conversation),
      messages: { ...s.messages, [id]: upsert(upsert(s.messages[id] ?? [], userMessage), assistantMessage) },
      ...(select ? { selectedId: id, problem: null } : {}),
    }));
    useBranchStore.getState().showBranch(id, assistantMessage.id);
    // The question now carries the file: its chip must appear.
    loadAttachments(id, true);
  },
};
