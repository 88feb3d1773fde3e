import { create } from 'zustand';
import type { Attachment } from '../../../shared/dropped-files';
import { parley } from '../../api/parley';

/** Each conversation's files, read once when one of its questions is first shown. */
export const useAttachments = create<{ byConversation: Record<string, Attachment[]> }>(() => ({ byConversation: {} }));

const asked = new Set<string>();

export function loadAttachments(conversationId: string, again = false): void {
  if (asked.has(conversationId) && !again) return;
  asked.add(conversationId);
  void parley.files.attachments({ conversationId }).then((r) => {
    // A failure shows no chips rather than an error: the messages themselves are all there.
    if (r.ok) useAttachments.setState((s) => ({ byConversation: { ...s.byConversation, [conversationId]: r.value } }));
  });
}
