import { useEffect, type RefObject } from 'react';
import { parley } from '../api/parley';
import { connectQuickEvents, hideQuick, loadClipboardDefault, openInMain, refreshClipboard, useQuickStore } from './quick-store';

function applyTheme(): void {
  void parley.settings.getAppearance({}).then((r) => {
    if (r.ok) document.documentElement.dataset.theme = r.value.theme;
  });
}

/**
 * What the quick window does around the question: focus on every show, Esc
 * to hide, Ctrl/Cmd+Enter to carry on in the main window, and the theme and
 * clipboard default from settings.
 */
export function useQuickWindowEvents(input: RefObject<HTMLTextAreaElement | null>): void {
  useEffect(() => {
    const disconnect = connectQuickEvents();
    // The window is created hidden and shown by the hotkey: focus first, in the event itself, before any await,
    // so typing goes to the box at once (bench quick-ready measures this); the rest can follow.
    const offShown = parley.subscribe('quick:shown', () => {
      input.current?.focus();
      applyTheme();
      if (useQuickStore.getState().useClipboard) void refreshClipboard();
    });
    applyTheme();
    void loadClipboardDefault().catch(() => {}); // without it the box starts cleared, as it is until it arrives
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.defaultPrevented) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        hideQuick();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void openInMain();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      disconnect();
      offShown();
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [input]);
}
