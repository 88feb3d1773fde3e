import { create } from 'zustand';
import type { Message } from '../../shared/domain';
import { buildMessageTree, visiblePath } from '../../shared/message-tree';

/**
 * Which version of each message is on screen. Kept in the renderer, not in
 * the database: with no choice made, the path shown is the one through the
 * newest message, which is where the person last wrote (a send, a
 * regenerate, an edit, a continue all make the newest message) and where
 * main continues a send that names no parent, so the quick window and a
 * reload agree with this window without a write on every click of ‹ ›.
 * Only a version looked at and not written under is forgotten on reload.
 */
interface BranchState {
  /** Per conversation, a message on the path to show; absent: the path through the newest message. */
  shownLeaf: Record<string, string>;
  /** The question whose text is open for editing, if any. */
  editingId: string | null;
  /**
   * A switch replaces the message on screen, and the button pressed goes
   * with it: the switcher of the version now shown takes the focus back.
   */
  switchedTo: { messageId: string; control: 'previous' | 'next' } | null;
  showBranch(conversationId: string, messageId: string): void;
  setEditing(messageId: string | null): void;
  switchVersion(conversationId: string, messageId: string, control: 'previous' | 'next'): void;
}

export const useBranchStore = create<BranchState>((set) => ({
  shownLeaf: {},
  editingId: null,
  switchedTo: null,
  showBranch: (conversationId, messageId) => set((s) => ({ shownLeaf: { ...s.shownLeaf, [conversationId]: messageId } })),
  setEditing: (editingId) => set({ editingId }),
  switchVersion: (conversationId, messageId, control) =>
    set((s) => ({ shownLeaf: { ...s.shownLeaf, [conversationId]: messageId }, switchedTo: { messageId, control } })),
}));

/** The last message on screen in a conversation: what the next message answers. */
export function shownLeafId(conversationId: string, messages: readonly Message[]): string | null {
  return visiblePath(buildMessageTree(messages), useBranchStore.getState().shownLeaf[conversationId]).at(-1) ?? null;
}
