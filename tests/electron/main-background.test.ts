import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_QUICK_ASK_HOTKEY, QUICK_WINDOW_WIDTH } from '../../shared/quick-ask';
import { FakeTray } from './fake-desktop';
import { fake, FakeBrowserWindow } from './fake-electron';
import { launch, mainWindow, quickWindow, quitted, setPlatform, useMainHarness } from './main-harness';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/** Quick ask and living in the background, as main.ts wires them: hotkey, quick window, tray, close to tray. */
const harness = useMainHarness();

type Ipc = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

function invoke(win: FakeBrowserWindow, channel: string, input: unknown = {}): Promise<Ipc> {
  return fake().ipcMain.invoke(channel, win.webContents.ipcEvent(), input) as Promise<Ipc>;
}

async function started(): Promise<{ main: FakeBrowserWindow; quick: FakeBrowserWindow; tray: FakeTray }> {
  await launch();
  const main = await mainWindow();
  main.emit('ready-to-show');
  const quick = await quickWindow();
  await vi.waitFor(() => expect(FakeTray.all).toHaveLength(1));
  return { main, quick, tray: FakeTray.all[0]! };
}

describe('the quick window at start-up', () => {
  it('is made hidden beside the chat window, on the quick page, and its page may talk to main', async () => {
    const { quick } = await started();
    expect(quick.isVisible()).toBe(false);
    expect(quick.loadFile).toHaveBeenCalledWith(path.join(harness.dir().appDir, 'out', 'renderer', 'quick.html'));
    expect(await invoke(quick, 'quick:resize', { height: 240 })).toEqual({ ok: true, value: { height: 240 } });
    expect(quick.getBounds().height).toBe(240);
  });

  it("trusts each window for its own page only", async () => {
    const { main, quick } = await started();
    quick.webContents.mainFrame.url = main.webContents.mainFrame.url;
    expect(await invoke(quick, 'conversations:list')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
  });
});

describe('the hotkey', () => {
  it('is registered at start and toggles the quick window on the display under the pointer', async () => {
    const { quick } = await started();
    expect(fake().globalShortcut.isRegistered(DEFAULT_QUICK_ASK_HOTKEY)).toBe(true);
    fake().screen.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, workArea: { x: 1920, y: 0, width: 1280, height: 1024 } });
    fake().screen.cursor = { x: 2500, y: 500 };

    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    expect(quick.isVisible()).toBe(true);
    expect(quick.focused).toBe(true);
    expect(quick.getBounds()).toMatchObject({ x: 1920 + (1280 - QUICK_WINDOW_WIDTH) / 2, y: Math.round(1024 * 0.2) });
    expect(quick.webContents.send).toHaveBeenCalledWith('quick:shown', { at: expect.any(Number) });

    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    expect(quick.isVisible()).toBe(false);
  });

  it('is re-registered when changed in settings, and the tray shows the new one', async () => {
    const { main, quick, tray } = await started();
    expect(tray.item('Quick ask').accelerator).toBe(DEFAULT_QUICK_ASK_HOTKEY);
    expect(await invoke(main, 'settings:setQuickAsk', { hotkey: 'Alt+Shift+Q' })).toMatchObject({ ok: true, value: { hotkey: 'Alt+Shift+Q', hotkeyProblem: null } });
    expect(fake().globalShortcut.isRegistered(DEFAULT_QUICK_ASK_HOTKEY)).toBe(false);
    fake().globalShortcut.press('Alt+Shift+Q');
    expect(quick.isVisible()).toBe(true);
    expect(tray.item('Quick ask').accelerator).toBe('Alt+Shift+Q');
  });

  it('keeps the old one when another app holds the new one, and says so', async () => {
    const { main, quick } = await started();
    fake().globalShortcut.takenByOthers.add('Alt+Shift+Q');
    const result = await invoke(main, 'settings:setQuickAsk', { hotkey: 'Alt+Shift+Q' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(result.ok ? '' : result.error.message).toMatch(/Another app is using Alt\+Shift\+Q/);
    expect(await invoke(main, 'settings:getQuickAsk')).toMatchObject({ ok: true, value: { hotkey: DEFAULT_QUICK_ASK_HOTKEY } });
    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    expect(quick.isVisible()).toBe(true);
  });

  it('held by another app at start is reported in the settings, and Parley still starts', async () => {
    fake().globalShortcut.takenByOthers.add(DEFAULT_QUICK_ASK_HOTKEY);
    const { main } = await started();
    const state = await invoke(main, 'settings:getQuickAsk');
    expect(state.ok ? state.value.hotkeyProblem : null).toMatch(/Another app is using/);
  });

  it('is let go when Parley quits, and the quick window is destroyed', async () => {
    const { quick } = await started();
    fake().app.quit();
    await quitted();
    expect(fake().globalShortcut.unregisterAll).toHaveBeenCalled();
    expect(fake().globalShortcut.registered()).toEqual([]);
    expect(quick.isDestroyed()).toBe(true);
  });
});

describe('the quick window at work', () => {
  it('hides on Esc (quick:hide) and when it loses the focus, but not while pinned', async () => {
    const { quick } = await started();
    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    expect(await invoke(quick, 'quick:hide')).toEqual({ ok: true, value: { hidden: true } });
    expect(quick.isVisible()).toBe(false);

    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    expect(await invoke(quick, 'quick:setPinned', { pinned: true })).toMatchObject({ ok: true });
    quick.blur();
    expect(quick.isVisible()).toBe(true);
    await invoke(quick, 'quick:setPinned', { pinned: false });
    quick.focus();
    quick.blur();
    expect(quick.isVisible()).toBe(false);
  });

  it('offers the clipboard text copied before the hotkey was pressed', async () => {
    const { quick } = await started();
    fake().clipboard.text = 'a paragraph copied from the browser';
    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    await vi.waitFor(async () =>
      expect(await invoke(quick, 'quick:clipboardText')).toEqual({ ok: true, value: { text: 'a paragraph copied from the browser', truncated: false } }),
    );
  });

  it('"Open in main window" brings the chat window up on that conversation and puts itself away', async () => {
    setPlatform('darwin');
    const { main, quick } = await started();
    main.close();
    fake().globalShortcut.press(DEFAULT_QUICK_ASK_HOTKEY);
    const created = await invoke(quick, 'conversations:create', { origin: 'quick' });
    const conversationId = created.ok ? created.value.id : '';
    expect(await invoke(quick, 'quick:openInMain', { conversationId })).toEqual({ ok: true, value: { opened: true } });
    expect(main.isVisible()).toBe(true);
    expect(fake().app.hide).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(main.webContents.send).toHaveBeenCalledWith('app:openConversation', { conversationId }));
    expect(quick.isVisible()).toBe(false);
  });
});

describe('living in the background', () => {
  it('closing the chat window with close to tray on hides it and keeps Parley running', async () => {
    setPlatform('linux');
    const { main } = await started();
    expect(await invoke(main, 'settings:setQuickAsk', { closeToTray: true })).toMatchObject({ ok: true });
    main.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(main.isDestroyed()).toBe(false);
    expect(main.isVisible()).toBe(false);
    expect(fake().app.hasQuit).toBe(false);
    expect(fake().globalShortcut.isRegistered(DEFAULT_QUICK_ASK_HOTKEY)).toBe(true);
  });

  it('is on by default on macOS, where a dock click brings the window back', async () => {
    setPlatform('darwin');
    const { main } = await started();
    main.close();
    expect(main.isVisible()).toBe(false);
    fake().app.emit('activate');
    expect(main.isVisible()).toBe(true);
  });

  it('tray: Quick ask shows the quick window; Show Parley and New chat bring the chat window back', async () => {
    setPlatform('darwin');
    const { main, quick, tray } = await started();
    tray.click('Quick ask');
    expect(quick.isVisible()).toBe(true);
    main.close();
    tray.click('Show Parley');
    expect(main.isVisible()).toBe(true);
    expect(main.focused).toBe(true);
    main.close();
    main.webContents.send.mockClear();
    tray.click('New chat');
    expect(main.isVisible()).toBe(true);
    // …and tells the chat window to start one.
    expect(main.webContents.send).toHaveBeenCalledWith('app:newChat', {});
  });

  it('tray: Quit really quits, with the chat window hidden in the tray', async () => {
    setPlatform('darwin');
    const { main, tray } = await started();
    main.close();
    tray.click('Quit');
    await quitted();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('a quit from the app menu (Cmd+Q) with the chat window open closes everything', async () => {
    setPlatform('darwin');
    await started();
    fake().app.quit();
    await quitted();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('applies "Open at login" as saved, at start', async () => {
    setPlatform('darwin');
    await started();
    expect(fake().app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false });
  });
});
