import { app, clipboard } from 'electron';
import type { DesktopShell } from '../services/desktop/desktop-shell';
import type { Hotkey } from './hotkey';
import { setLinuxAutostart } from './linux-autostart';
import { clampQuickHeight, type QuickWindow } from './quick-window';

export interface ElectronDesktopShell extends DesktopShell {
  /** Read when the main window is closed: hide it to the tray, or let it close. */
  closeToTray(): boolean;
}

export interface DesktopShellParts {
  /** Null until the window exists (the backend starts first) and after quit destroyed it. */
  quickWindow(): QuickWindow | null;
  hotkey: Hotkey;
  showMainWindow(): void;
  /** The tray shows the hotkey that works, so it hears of every change. */
  onHotkeyChanged?(accelerator: string | null): void;
}

/** The backend's DesktopShell port, answered with real Electron windows, clipboard, shortcut and login items. */
export function createElectronDesktopShell({ quickWindow, hotkey, showMainWindow, onHotkeyChanged }: DesktopShellParts): ElectronDesktopShell {
  let closeToTray = false;
  return {
    hideQuickWindow: () => quickWindow()?.hide() ?? false,
    resizeQuickWindow: (contentHeight) => quickWindow()?.resize(contentHeight) ?? clampQuickHeight(contentHeight),
    setQuickWindowPinned: (pinned) => quickWindow()?.setPinned(pinned),
    showMainWindow,
    // An image, or a clipboard owner that vanished, gives no text: that reads as none.
    readClipboardText: () => clipboard.readText().catch(() => ''),
    registerHotkey(accelerator) {
      const result = hotkey.register(accelerator);
      onHotkeyChanged?.(hotkey.current());
      return result;
    },
    setOpenAtLogin(openAtLogin) {
      if (process.platform === 'linux') {
        const executable = process.env.APPIMAGE || process.execPath;
        setLinuxAutostart(openAtLogin, { executable, args: app.isPackaged ? [] : [app.getAppPath()] });
      } else {
        app.setLoginItemSettings({ openAtLogin });
      }
    },
    setCloseToTray(value) {
      closeToTray = value;
    },
    closeToTray: () => closeToTray,
  };
}
