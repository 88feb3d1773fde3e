import { useEffect } from 'react';
import { useChatStore } from '../../stores/chat-store';
import { useShortcutSheet } from './shortcuts-sheet-store';
import { matches } from './shortcut-keys';

export interface Shortcut {
  combo: string;
  label: string;
  run(): void;
}

export function focusByLabel(label: string): void {
  document.querySelector<HTMLElement>(`[aria-label="${label}"]`)?.focus();
}

function stepConversation(delta: 1 | -1): void {
  const { conversations, selectedId, select } = useChatStore.getState();
  if (conversations.length === 0) return;
  const at = conversations.findIndex((c) => c.id === selectedId);
  const next = conversations[Math.min(conversations.length - 1, Math.max(0, at < 0 ? 0 : at + delta))];
  if (next) void select(next.id);
}

function stopStreaming(): void {
  const { selectedId, messages, stop } = useChatStore.getState();
  const streaming = selectedId ? messages[selectedId]?.find((m) => m.status === 'streaming') : undefined;
  if (streaming) void stop(streaming.id);
}

/** The shortcuts, in the order the sheet lists them. Browser-reserved keys (Ctrl+N, Ctrl+T) are avoided so the host behaves like the app. */
export const shortcuts: Shortcut[] = [
  { combo: 'Mod+Shift+O', label: 'New chat', run: () => useChatStore.getState().newChat() },
  { combo: 'Mod+K', label: 'Search conversations', run: () => focusByLabel('Search conversations') },
  { combo: 'Shift+Escape', label: 'Focus the message box', run: () => focusByLabel('Message') },
  { combo: 'Mod+.', label: 'Stop the answer', run: stopStreaming },
  { combo: 'Alt+ArrowDown', label: 'Next conversation', run: () => stepConversation(1) },
  { combo: 'Alt+ArrowUp', label: 'Previous conversation', run: () => stepConversation(-1) },
  { combo: 'Mod+/', label: 'Show keyboard shortcuts', run: () => useShortcutSheet.setState({ open: true }) },
];

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const hit = shortcuts.find((s) => matches(e, s.combo));
      if (!hit) return;
      e.preventDefault();
      hit.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
