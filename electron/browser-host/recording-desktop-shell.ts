import { checkAccelerator } from '../../shared/accelerator';
import { QUICK_WINDOW_MAX_HEIGHT, QUICK_WINDOW_MIN_HEIGHT } from '../../shared/quick-ask';
import type { DesktopShell, HotkeyRegistration } from '../services/desktop/desktop-shell';

/** One thing the backend (or a test, through the host) asked of the desktop. `at` is Date.now(), comparable with a page's clock. */
export interface DesktopCall {
  method: keyof DesktopShell | 'showQuickWindow';
  args: unknown[];
  at: number;
}

export interface RecordingDesktopState {
  quickVisible: boolean;
  quickPinned: boolean;
  quickHeight: number;
  mainShown: boolean;
  hotkey: string | null;
  openAtLogin: boolean;
  closeToTray: boolean;
}

export interface RecordingDesktopShell extends DesktopShell {
  readonly calls: readonly DesktopCall[];
  state(): RecordingDesktopState;
  /** What readClipboardText answers from now on. */
  setClipboardText(text: string): void;
  /** Records a show, as the hotkey or the tray would make one; the host then tells the pages. */
  showQuickWindow(): DesktopCall;
  /** From now on registering this hotkey fails as if another app held it, so the conflict path can be tested in a browser. */
  takeHotkey(accelerator: string): void;
}

/**
 * The desktop of the browser host: no real windows, hotkey or clipboard, so
 * every call is recorded with its time and its effect kept as state. Tests
 * and the bench read the record to see that Esc hid the window or that
 * "Open in main window" showed the main one.
 */
const maxCalls = 10_000;

export function createRecordingDesktopShell(): RecordingDesktopShell {
  const calls: DesktopCall[] = [];
  const taken = new Set<string>();
  let clipboard = '';
  const s: RecordingDesktopState = { quickVisible: false, quickPinned: false, quickHeight: QUICK_WINDOW_MIN_HEIGHT, mainShown: true, hotkey: null, openAtLogin: false, closeToTray: false };
  const record = (method: DesktopCall['method'], args: unknown[]): DesktopCall => {
    const call = { method, args, at: Date.now() };
    calls.push(call);
    // A person may keep `npm run web` open for days, resizing on every answer: keep the recent record only.
    if (calls.length > maxCalls) calls.splice(0, calls.length - maxCalls);
    return call;
  };
  const canonical = (accelerator: string) => {
    const check = checkAccelerator(accelerator);
    return check.ok ? check.accelerator : accelerator;
  };

  return {
    calls,
    state: () => ({ ...s }),
    setClipboardText(text) {
      clipboard = text;
    },
    showQuickWindow() {
      s.quickVisible = true;
      return record('showQuickWindow', []);
    },
    takeHotkey(accelerator) {
      taken.add(canonical(accelerator));
    },
    hideQuickWindow() {
      record('hideQuickWindow', []);
      const was = s.quickVisible;
      s.quickVisible = false;
      return was;
    },
    resizeQuickWindow(contentHeight) {
      record('resizeQuickWindow', [contentHeight]);
      s.quickHeight = Math.min(QUICK_WINDOW_MAX_HEIGHT, Math.max(QUICK_WINDOW_MIN_HEIGHT, contentHeight));
      return s.quickHeight;
    },
    setQuickWindowPinned(pinned) {
      record('setQuickWindowPinned', [pinned]);
      s.quickPinned = pinned;
    },
    showMainWindow() {
      record('showMainWindow', []);
      s.mainShown = true;
    },
    readClipboardText() {
      record('readClipboardText', []);
      return Promise.resolve(clipboard);
    },
    registerHotkey(accelerator): HotkeyRegistration {
      record('registerHotkey', [accelerator]);
      if (taken.has(canonical(accelerator))) return { ok: false, reason: 'taken', message: `${accelerator} is registered by another application.` };
      s.hotkey = accelerator;
      return { ok: true };
    },
    setOpenAtLogin(openAtLogin) {
      record('setOpenAtLogin', [openAtLogin]);
      s.openAtLogin = openAtLogin;
    },
    setCloseToTray(closeToTray) {
      record('setCloseToTray', [closeToTray]);
      s.closeToTray = closeToTray;
    },
  };
}
