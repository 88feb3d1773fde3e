/**
 * What the backend asks of the desktop around it: the quick window, the main
 * window, the clipboard, the global hotkey, start at login. The Electron shell
 * implements it with real windows (electron/shell/); the browser host with a
 * recorder that tests can read. Services call it and know nothing of Electron.
 */
export type HotkeyRegistration = { ok: true } | { ok: false; reason: 'taken' | 'invalid' | 'unsupported'; message: string };

export interface DesktopShell {
  /** Hides the quick window (Esc, "Open in main window"). Returns whether it was showing. */
  hideQuickWindow(): boolean;
  /** Sizes the quick window to its content, clamped to the allowed range; returns the height used. */
  resizeQuickWindow(contentHeight: number): number;
  setQuickWindowPinned(pinned: boolean): void;
  /** Brings the main window up (creating it if it was closed to the tray). */
  showMainWindow(): void;
  /** Asynchronous because Electron's clipboard.readText is (since Electron 45). Text the system will not give reads as ''. */
  readClipboardText(): Promise<string>;
  /**
   * Registers `accelerator` as the quick-ask hotkey in place of the current
   * one. On failure the previous hotkey must still be registered.
   */
  registerHotkey(accelerator: string): HotkeyRegistration;
  setOpenAtLogin(openAtLogin: boolean): void;
  /** Read by the shell when the main window closes. */
  setCloseToTray(closeToTray: boolean): void;
}
