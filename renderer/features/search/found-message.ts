import { useEffect } from 'react';
import { create } from 'zustand';
import { useBranchStore } from '../../stores/branch-store';
import { useChatStore } from '../../stores/chat-store';

/** Long enough to be seen after the scroll, short enough not to linger as a state. */
export const FOUND_MARK_MS = 2500;
/** A conversation of thousands of messages can take a moment to load and lay out. */
const REVEAL_TIMEOUT_MS = 5000;

interface FoundMessageState {
  /** The message a search result opened, marked briefly once it is on screen. */
  messageId: string | null;
  /** Bumped on every reveal, so choosing the same result twice scrolls to it twice. */
  serial: number;
  reveal(messageId: string): void;
  clear(serial: number): void;
}

export const useFoundMessage = create<FoundMessageState>((set) => ({
  messageId: null,
  serial: 0,
  reveal: (messageId) => set((s) => ({ messageId, serial: s.serial + 1 })),
  clear: (serial) => set((s) => (s.serial === serial ? { messageId: null } : s)),
}));

/** Opens the conversation on the version of it that holds the message, then brings the message into view. */
export async function openAtMessage(conversationId: string, messageId: string): Promise<void> {
  await useChatStore.getState().select(conversationId);
  useBranchStore.getState().showBranch(conversationId, messageId);
  useFoundMessage.getState().reveal(messageId);
}

function findMessageElement(messageId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);
}

/**
 * Scrolls the found message into view once it is rendered and moves the focus
 * to it, so a keyboard or screen-reader user lands where a sighted one looks;
 * then lets the mark fade. Waits frame by frame because the conversation's
 * messages arrive after the click, and the list scrolls to its end when they
 * do: this runs after that.
 */
export function useRevealFoundMessage(): void {
  const messageId = useFoundMessage((s) => s.messageId);
  const serial = useFoundMessage((s) => s.serial);
  useEffect(() => {
    if (!messageId) return;
    let frame = 0;
    let fade: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    const attempt = () => {
      const el = findMessageElement(messageId);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        fade = setTimeout(() => useFoundMessage.getState().clear(serial), FOUND_MARK_MS);
      } else if (performance.now() - started < REVEAL_TIMEOUT_MS) {
        frame = requestAnimationFrame(attempt);
      } else {
        useFoundMessage.getState().clear(serial);
        useChatStore.setState({ problem: 'That message is no longer in the conversation.' });
      }
    };
    frame = requestAnimationFrame(attempt);
    return () => {
      cancelAnimationFrame(frame);
      if (fade) clearTimeout(fade);
    };
  }, [messageId, serial]);
}
