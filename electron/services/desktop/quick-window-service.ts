import { QUICK_CLIPBOARD_MAX_CHARS, QUICK_WINDOW_MAX_HEIGHT } from '../../../shared/quick-ask';
import type { EmitEvent } from '../chat/chat-service';
import type { DesktopShell } from './desktop-shell';

export interface QuickWindowDeps {
  desktop: DesktopShell;
  /** Throws NOT_FOUND for a conversation that does not exist (the conversation service's get). */
  getConversation: (id: string) => unknown;
  emit: EmitEvent;
}

/** What the quick window asks of main: its own size and visibility, the clipboard, and handing a conversation to the main window. */
export function createQuickWindowService({ desktop, getConversation, emit }: QuickWindowDeps) {
  return {
    async clipboardText() {
      const text = await desktop.readClipboardText();
      // Cut by UTF-16 units but never between the two halves of a surrogate pair.
      let end = Math.min(text.length, QUICK_CLIPBOARD_MAX_CHARS);
      if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
      return { text: text.slice(0, end), truncated: end < text.length };
    },
    hide: () => ({ hidden: desktop.hideQuickWindow() }),
    // Clamped here too, so a shell that returns its raw window height cannot fail the contract's bound.
    resize: (height: number) => ({ height: Math.min(QUICK_WINDOW_MAX_HEIGHT, Math.round(desktop.resizeQuickWindow(height))) }),
    setPinned(pinned: boolean) {
      desktop.setQuickWindowPinned(pinned);
      return { pinned };
    },
    openInMain(conversationId: string) {
      getConversation(conversationId);
      // Main first, then hide: hiding first would hand focus back to the other app for a moment.
      desktop.showMainWindow();
      emit('app:openConversation', { conversationId });
      desktop.hideQuickWindow();
      return { opened: true };
    },
  };
}

export type QuickWindowService = ReturnType<typeof createQuickWindowService>;
