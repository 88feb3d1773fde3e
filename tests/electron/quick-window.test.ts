import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appPaths } from '../../electron/shell/app-paths';
import { createMainWindow } from '../../electron/shell/main-window';
import { clampQuickHeight, createQuickWindow, quickWindowBounds, type QuickWindow } from '../../electron/shell/quick-window';
import { QUICK_WINDOW_MAX_HEIGHT, QUICK_WINDOW_MIN_HEIGHT, QUICK_WINDOW_WIDTH } from '../../shared/quick-ask';
import { fake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const paths = appPaths('/opt/parley');
let quick: QuickWindow;
let win: FakeBrowserWindow;

const realPlatform = process.platform;
function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

/** Two side-by-side displays, the right one taller and with a menu bar at its top. */
function twoDisplays(): void {
  fake().screen.displays = [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 2, bounds: { x: 1920, y: -200, width: 2560, height: 1440 }, workArea: { x: 1920, y: -175, width: 2560, height: 1415 } },
  ];
}

beforeEach(() => {
  resetFakeElectron();
  setPlatform(realPlatform);
  quick = createQuickWindow(paths);
  win = quick.window as unknown as FakeBrowserWindow;
});

describe('the quick window at start-up', () => {
  it('is made hidden, frameless, always on top, out of the taskbar and not resizable', () => {
    expect(win.isVisible()).toBe(false);
    expect(win.options).toMatchObject({ show: false, frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: false, width: QUICK_WINDOW_WIDTH });
  });

  it('loads the quick page that sits next to the chat page', () => {
    expect(win.loadFile).toHaveBeenCalledWith('/opt/parley/out/renderer/quick.html');
  });

  it('has exactly the security of the chat window', () => {
    const main = createMainWindow(paths) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toEqual(main.options.webPreferences);
    expect(win.webContents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('reports a page that fails to load', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND (-6) loading quick.html');
    const onLoadError = vi.fn();
    createQuickWindow(paths, { onLoadError });
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledWith(FakeBrowserWindow.loadFailure));
  });

  it('on macOS stays on every Space and over full-screen apps, without hiding the dock icon', () => {
    setPlatform('darwin');
    const mac = createQuickWindow(paths).window as unknown as FakeBrowserWindow;
    expect(mac.setVisibleOnAllWorkspaces).toHaveBeenCalledWith(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
  });
});

describe('showing', () => {
  it('opens centred near the top of the display under the pointer', () => {
    twoDisplays();
    fake().screen.cursor = { x: 3000, y: 400 };
    quick.show();
    expect(win.getBounds()).toEqual({ x: 1920 + (2560 - QUICK_WINDOW_WIDTH) / 2, y: -175 + Math.round(1415 * 0.2), width: QUICK_WINDOW_WIDTH, height: QUICK_WINDOW_MIN_HEIGHT });

    quick.hide();
    fake().screen.cursor = { x: 500, y: 900 };
    quick.show();
    expect(win.getBounds()).toMatchObject({ x: (1920 - QUICK_WINDOW_WIDTH) / 2, y: 208 });
  });

  it('uses the nearest display when the pointer is in a gap between displays', () => {
    twoDisplays();
    fake().screen.cursor = { x: 1000, y: 1200 };
    quick.show();
    expect(win.getBounds().x).toBe((1920 - QUICK_WINDOW_WIDTH) / 2);
  });

  it('shows, takes the focus, then tells its page to focus the input', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1234);
    quick.show();
    expect(win.isVisible()).toBe(true);
    expect(win.focused).toBe(true);
    expect(win.webContents.send).toHaveBeenCalledWith('quick:shown', { at: 1234 });
    expect(win.show.mock.invocationCallOrder[0]).toBeLessThan(win.webContents.send.mock.invocationCallOrder[0]!);
    vi.restoreAllMocks();
  });

  it('toggles: the hotkey hides an open window and shows a hidden one', () => {
    quick.toggle();
    expect(win.isVisible()).toBe(true);
    quick.toggle();
    expect(win.isVisible()).toBe(false);
    quick.toggle();
    expect(win.isVisible()).toBe(true);
  });
});

describe('hiding', () => {
  it('hides when it loses the focus', () => {
    quick.show();
    win.blur();
    expect(win.isVisible()).toBe(false);
  });

  it('stays up when pinned, and hides on blur again once unpinned', () => {
    quick.setPinned(true);
    quick.show();
    win.blur();
    expect(win.isVisible()).toBe(true);
    quick.setPinned(false);
    win.focus();
    win.blur();
    expect(win.isVisible()).toBe(false);
  });

  it('says whether it was showing', () => {
    expect(quick.hide()).toBe(false);
    quick.show();
    expect(quick.hide()).toBe(true);
  });

  it('on macOS gives the focus back to the app the person came from, not when Parley was in front', () => {
    setPlatform('darwin');
    quick.show();
    quick.hide();
    expect(fake().app.hide).toHaveBeenCalledTimes(1);

    const main = createMainWindow(paths) as unknown as FakeBrowserWindow;
    main.focus();
    quick.show();
    quick.hide();
    expect(fake().app.hide).toHaveBeenCalledTimes(1);
  });

  it('on macOS leaves Parley in front when the chat window was just brought up ("Open in main window")', () => {
    setPlatform('darwin');
    quick.show();
    (createMainWindow(paths) as unknown as FakeBrowserWindow).focus();
    quick.hide();
    expect(fake().app.hide).not.toHaveBeenCalled();
  });

  it('is never closed while Parley runs: closing hides it', () => {
    quick.show();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);
  });

  it('is destroyed on quit', () => {
    quick.destroy();
    expect(win.isDestroyed()).toBe(true);
    quick.destroy();
  });
});

describe('resizing to its content', () => {
  it('clamps to the allowed range', () => {
    expect(quick.resize(10)).toBe(QUICK_WINDOW_MIN_HEIGHT);
    expect(quick.resize(300.4)).toBe(300);
    expect(quick.resize(5000)).toBe(QUICK_WINDOW_MAX_HEIGHT);
    expect(win.getBounds().height).toBe(QUICK_WINDOW_MAX_HEIGHT);
    expect(clampQuickHeight(Number.NaN)).toBe(QUICK_WINDOW_MIN_HEIGHT);
  });

  it('keeps its top edge and width where they were', () => {
    quick.show();
    const before = win.getBounds();
    quick.resize(400);
    expect(win.getBounds()).toEqual({ ...before, height: 400 });
  });

  it('leaves the window alone when the height has not changed', () => {
    quick.resize(200);
    win.setBounds.mockClear();
    quick.resize(200);
    expect(win.setBounds).not.toHaveBeenCalled();
  });
});

describe('placement', () => {
  it('fits a work area narrower than the window, and one too short for the window at a fifth of the way down', () => {
    expect(quickWindowBounds({ x: 0, y: 0, width: 500, height: 800 }, 100)).toEqual({ x: 0, y: 160, width: 500, height: 100 });
    expect(quickWindowBounds({ x: 0, y: 0, width: 1000, height: 600 }, 560)).toMatchObject({ y: 40 });
  });
});
