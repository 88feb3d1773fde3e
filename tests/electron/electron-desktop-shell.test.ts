import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronDesktopShell } from '../../electron/shell/electron-desktop-shell';
import { createHotkey } from '../../electron/shell/hotkey';
import { autostartEntry, autostartFile } from '../../electron/shell/linux-autostart';
import type { QuickWindow } from '../../electron/shell/quick-window';
import { QUICK_WINDOW_MAX_HEIGHT } from '../../shared/quick-ask';
import { fake, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const realPlatform = process.platform;
function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

let config: string;

function quickStub() {
  const setPinned = vi.fn<(pinned: boolean) => void>();
  const quick: QuickWindow = { window: null as never, show: vi.fn(), hide: vi.fn(() => true), toggle: vi.fn(), resize: vi.fn(() => 123), setPinned, destroy: vi.fn() };
  return { quick, setPinned };
}

function shell(quick: QuickWindow | null = null, extra: Partial<Parameters<typeof createElectronDesktopShell>[0]> = {}) {
  return createElectronDesktopShell({ quickWindow: () => quick, hotkey: createHotkey(fake().globalShortcut, () => undefined), showMainWindow: vi.fn(), ...extra });
}

beforeEach(() => {
  resetFakeElectron();
  config = mkdtempSync(path.join(os.tmpdir(), 'parley-xdg-'));
  vi.stubEnv('XDG_CONFIG_HOME', config);
});

afterEach(() => {
  setPlatform(realPlatform);
  vi.unstubAllEnvs();
  rmSync(config, { recursive: true, force: true });
});

describe('the Electron desktop shell', () => {
  it('passes the quick-window calls to the quick window', () => {
    const { quick, setPinned } = quickStub();
    const desktop = shell(quick);
    expect(desktop.hideQuickWindow()).toBe(true);
    expect(desktop.resizeQuickWindow(300)).toBe(123);
    desktop.setQuickWindowPinned(true);
    expect(setPinned).toHaveBeenCalledWith(true);
  });

  it('answers sensibly before the quick window exists', () => {
    const desktop = shell(null);
    expect(desktop.hideQuickWindow()).toBe(false);
    expect(desktop.resizeQuickWindow(9999)).toBe(QUICK_WINDOW_MAX_HEIGHT);
    expect(() => desktop.setQuickWindowPinned(true)).not.toThrow();
  });

  it('registers the hotkey and tells the tray which one works', () => {
    const onHotkeyChanged = vi.fn();
    const desktop = shell(null, { onHotkeyChanged });
    expect(desktop.registerHotkey('Alt+Space')).toEqual({ ok: true });
    expect(onHotkeyChanged).toHaveBeenLastCalledWith('Alt+Space');
    fake().globalShortcut.takenByOthers.add('Alt+K');
    expect(desktop.registerHotkey('Alt+K')).toMatchObject({ ok: false, reason: 'taken' });
    expect(onHotkeyChanged).toHaveBeenLastCalledWith('Alt+Space');
  });

  it('keeps the close-to-tray choice for the main window to read', () => {
    const desktop = shell();
    expect(desktop.closeToTray()).toBe(false);
    desktop.setCloseToTray(true);
    expect(desktop.closeToTray()).toBe(true);
  });

  it('reads the clipboard when asked, and a clipboard that will not give text as empty', async () => {
    fake().clipboard.text = 'copied from another app';
    expect(await shell().readClipboardText()).toBe('copied from another app');
    fake().clipboard.readText.mockRejectedValueOnce(new Error('no text'));
    expect(await shell().readClipboardText()).toBe('');
  });

  it('opens at login through the login items on macOS and Windows', () => {
    setPlatform('darwin');
    shell().setOpenAtLogin(true);
    expect(fake().app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    setPlatform('win32');
    shell().setOpenAtLogin(false);
    expect(fake().app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
  });

  it('opens at login through an XDG autostart entry on Linux', () => {
    setPlatform('linux');
    const file = autostartFile();
    expect(file).toBe(path.join(config, 'autostart', 'parley.desktop'));
    shell().setOpenAtLogin(true);
    // Not packaged: `electron <app folder>`, as `npm start` runs it.
    expect(readFileSync(file, 'utf8')).toContain(`Exec="${process.execPath}" "${fake().app.appPath}"`);
    expect(fake().app.setLoginItemSettings).not.toHaveBeenCalled();
    shell().setOpenAtLogin(false);
    expect(existsSync(file)).toBe(false);
    shell().setOpenAtLogin(false);
  });

  it('starts the AppImage itself at login, not its temporary mount', () => {
    setPlatform('linux');
    vi.stubEnv('APPIMAGE', '/home/me/Apps/Parley.AppImage');
    fake().app.isPackaged = true;
    shell().setOpenAtLogin(true);
    expect(readFileSync(autostartFile(), 'utf8')).toContain('Exec="/home/me/Apps/Parley.AppImage"\n');
  });
});

describe('the autostart entry', () => {
  it('quotes paths with spaces and shell characters as the Desktop Entry spec asks', () => {
    expect(autostartEntry({ executable: '/opt/My Apps/par"ley$', args: [] })).toContain('Exec="/opt/My Apps/par\\"ley\\$"\n');
  });
});
