import { QUICK_WINDOW_MAX_HEIGHT, QUICK_WINDOW_MIN_HEIGHT } from '../../../shared/quick-ask';
import type { DesktopShell } from './desktop-shell';

/**
 * The desktop for a backend with none around it (tests, scripts, a host that
 * passes no shell): there is no window to show, no clipboard and no system to
 * refuse a hotkey, so every hotkey "registers". Saying ok rather than failing
 * keeps the settings usable and saves the hotkey the person chose, ready for
 * when the same data folder is opened by the desktop app, which registers it
 * for real at start.
 */
export function createHeadlessDesktopShell(): DesktopShell {
  return {
    hideQuickWindow: () => false,
    resizeQuickWindow: (contentHeight) => Math.min(QUICK_WINDOW_MAX_HEIGHT, Math.max(QUICK_WINDOW_MIN_HEIGHT, contentHeight)),
    setQuickWindowPinned: () => undefined,
    showMainWindow: () => undefined,
    readClipboardText: () => Promise.resolve(''),
    registerHotkey: () => ({ ok: true }),
    setOpenAtLogin: () => undefined,
    setCloseToTray: () => undefined,
  };
}
