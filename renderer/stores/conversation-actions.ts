import { create } from 'zustand';
import type { Conversation } from '../../shared/domain';
import { parley, unwrap } from '../api/parley';
import { conversationPageSize } from '../boot/first-page';
import { conversationById, useChatStore } from './chat-store';

/** How long a deleted conversation can be brought back before it is really deleted. */
export const undoWindowMs = 6_000;

interface PendingDelete {
  conversation: Conversation;
  timer: ReturnType<typeof setTimeout>;
}

interface UndoState {
  pending: PendingDelete | null;
}

/** The one deletion that can still be undone (a newer one commits the older at once). */
export const useUndoStore = create<UndoState>(() => ({ pending: null }));

const fail = (err: unknown) => useChatStore.setState({ problem: err instanceof Error ? err.message : String(err) });

async function commitDelete(p: PendingDelete): Promise<void> {
  clearTimeout(p.timer);
  if (useUndoStore.getState().pending === p) useUndoStore.setState({ pending: null });
  try {
    await unwrap(parley.conversations.delete({ id: p.conversation.id }));
  } catch (err) {
    // It could not be deleted, so it is shown again rather than silently half-gone.
    useChatStore.setState((s) => ({ conversations: [p.conversation, ...s.conversations] }));
    fail(err);
  }
}

/**
 * Hides the conversation at once and deletes it after the undo window. If
 * Parley closes inside the window the conversation survives: the safe side.
 */
export function deleteWithUndo(id: string): void {
  const conversation = useChatStore.getState().conversations.find((c) => c.id === id);
  if (!conversation) return;
  const previous = useUndoStore.getState().pending;
  if (previous) void commitDelete(previous);
  const pending: PendingDelete = { conversation, timer: setTimeout(() => void commitDelete(pending), undoWindowMs) };
  useUndoStore.setState({ pending });
  useChatStore.setState((s) => ({
    conversations: s.conversations.filter((c) => c.id !== id),
    selectedId: s.selectedId === id ? null : s.selectedId,
  }));
}

export function undoDelete(): void {
  const p = useUndoStore.getState().pending;
  if (!p) return;
  clearTimeout(p.timer);
  useUndoStore.setState({ pending: null });
  useChatStore.setState((s) => ({
    conversations: [...s.conversations, p.conversation].sort(byListOrder),
  }));
}

function byListOrder(a: Conversation, b: Conversation): number {
  return Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt;
}

/** Archived conversations, loaded when the person opens the archive. */
export const useArchiveStore = create<{ open: boolean; conversations: Conversation[] }>(() => ({ open: false, conversations: [] }));

export async function openArchive(open: boolean): Promise<void> {
  useArchiveStore.setState({ open });
  if (!open) return;
  try {
    useArchiveStore.setState({ conversations: await unwrap(parley.conversations.listArchived({})) });
  } catch (err) {
    fail(err);
  }
}

export async function setArchived(id: string, archived: boolean): Promise<void> {
  try {
    const updated = await unwrap(parley.conversations.setArchived({ id, archived }));
    useChatStore.setState((s) => ({
      conversations: archived ? s.conversations.filter((c) => c.id !== id) : [...s.conversations, updated].sort(byListOrder),
      selectedId: archived && s.selectedId === id ? null : s.selectedId,
    }));
    useArchiveStore.setState((s) => ({
      conversations: archived ? [updated, ...s.conversations] : s.conversations.filter((c) => c.id !== id),
    }));
  } catch (err) {
    fail(err);
  }
}

export async function setPinned(id: string, pinned: boolean): Promise<void> {
  try {
    const updated = await unwrap(parley.conversations.setPinned({ id, pinned }));
    useChatStore.setState((s) => ({
      conversations: s.conversations.map((c) => (c.id === id ? updated : c)).sort(byListOrder),
    }));
  } catch (err) {
    fail(err);
  }
}

/**
 * Shows a conversation begun elsewhere (the quick window's "Open in main window"): the list is read again
 * first when it does not have it yet, so the conversation is both selected and visible in the list.
 */
export async function openConversation(id: string): Promise<void> {
  if (!conversationById(useChatStore.getState(), id)) {
    try {
      const c = await unwrap(parley.conversations.get({ id }));
      useChatStore.setState((s) => ({ conversations: [...s.conversations.filter((x) => x.id !== id), c].sort(byListOrder) }));
    } catch (err) {
      fail(err);
      return;
    }
  }
  await useChatStore.getState().select(id);
}

// Conversations created, deleted or moved since the last page shift the offsets a little: pages overlap by this much.
const pageOverlap = 10;
let loadingMore: Promise<void> | null = null;

/** The next page of the list, asked for as the person scrolls near the end of what has been read. */
export function loadMoreConversations(): Promise<void> {
  if (loadingMore) return loadingMore;
  if (!useChatStore.getState().moreConversations) return Promise.resolve();
  loadingMore = (async () => {
    try {
      const offset = Math.max(0, useChatStore.getState().conversations.length - pageOverlap);
      const limit = conversationPageSize + pageOverlap;
      const page = await unwrap(parley.conversations.list({ limit, offset }));
      useChatStore.setState((s) => {
        const have = new Set(s.conversations.map((c) => c.id));
        return { conversations: [...s.conversations, ...page.filter((c) => !have.has(c.id))], moreConversations: page.length === limit };
      });
    } catch (err) {
      fail(err);
    } finally {
      loadingMore = null;
    }
  })();
  return loadingMore;
}
