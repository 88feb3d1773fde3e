import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { Backend, BackendOptions } from '../../electron/backend';
import { devNativeRoot } from '../../electron/shell/native-modules';
import { channelNames } from '../../shared/channels';
import { fake, FakeBrowserWindow, FakeWebContents, fakeEvent } from './fake-electron';
import { chatWindowCount, electronVersion, launch, mainWindow, quitted, setPlatform, useMainHarness } from './main-harness';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
vi.mock('../../electron/backend', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/backend')>();
  return { ...real, createBackend: vi.fn(real.createBackend) };
});

let createBackend: Mock<(options: BackendOptions) => Backend>;

const harness = useMainHarness(async () => {
  // The mocked backend module outlives resetModules: forget the previous test's calls.
  createBackend = (await import('../../electron/backend')).createBackend as unknown as typeof createBackend;
  createBackend.mockClear();
});

/** What the chat window's settings screen does. */
async function setCloseToTray(win: FakeBrowserWindow, closeToTray: boolean): Promise<void> {
  expect(await fake().ipcMain.invoke('settings:setQuickAsk', win.webContents.ipcEvent(), { closeToTray })).toMatchObject({ ok: true });
}

describe('single instance', () => {
  it('quits at once, touching nothing, when another Parley is running', async () => {
    fake().app.gotLock = false;
    await launch();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake().app.quit).toHaveBeenCalled();
    expect(fake().app.hasQuit).toBe(true);
    expect(createBackend).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(fake().ipcMain.handlers.size).toBe(0);
  });

  it('a second launch restores and focuses the running window', async () => {
    await launch();
    const win = await mainWindow();
    win.minimize();
    win.focused = false;
    fake().app.emit('second-instance', fakeEvent(), ['parley'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);
    expect(chatWindowCount()).toBe(1);
  });

  it('a second launch brings back the window hidden in the tray (macOS default)', async () => {
    setPlatform('darwin');
    await launch();
    const win = await mainWindow();
    win.close();
    expect(win.isVisible()).toBe(false);
    fake().app.emit('second-instance', fakeEvent(), ['parley'], '/');
    expect(win.isVisible()).toBe(true);
    expect(win.focused).toBe(true);
    expect(chatWindowCount()).toBe(1);
  });

  it('a second launch opens a window when none is left (macOS, close to tray off)', async () => {
    setPlatform('darwin');
    await launch();
    const win = await mainWindow();
    await setCloseToTray(win, false);
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(fake().app.hasQuit).toBe(false);
    fake().app.emit('second-instance', fakeEvent(), ['parley'], '/');
    expect(chatWindowCount()).toBe(1);
  });
});

describe('start-up', () => {
  it('waits for ready, then builds the backend in userData with the Electron builds of the native modules', async () => {
    await launch({ ready: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(createBackend).not.toHaveBeenCalled();
    fake().app.becomeReady();
    await mainWindow();

    expect(createBackend).toHaveBeenCalledTimes(1);
    const options = createBackend.mock.calls[0]![0];
    const nativeModules = path.join(devNativeRoot(harness.dir().appDir, electronVersion), 'node_modules');
    expect(options.dataDir).toBe(harness.dir().userData);
    expect(options.nativeBinding).toBe(path.join(nativeModules, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(options.secrets.kind).toBe('keychain');
    expect(existsSync(path.join(harness.dir().userData, 'parley.sqlite'))).toBe(true);
  });

  it('turns on the sandbox for every renderer before ready', async () => {
    await launch({ ready: false });
    expect(fake().app.enableSandbox).toHaveBeenCalled();
  });

  it("registers the contract's channels and opens the main window on the built renderer", async () => {
    await launch();
    const win = await mainWindow();
    expect([...fake().ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(win.loadFile).toHaveBeenCalledWith(path.join(harness.dir().appDir, 'out', 'renderer', 'index.html'));
    expect(win.options).toMatchObject({ title: 'Parley', webPreferences: { preload: path.join(harness.dir().appDir, 'out', 'electron', 'preload.cjs'), sandbox: true } });
  });

  it('answers its window through the whole stack, keeping keys in the keychain named Parley', async () => {
    await launch();
    const win = await mainWindow();
    const result = await fake().ipcMain.invoke('secrets:setKey', win.webContents.ipcEvent(), { providerId: 'openai', key: 'sk-test-abcdefgh' });
    expect(result).toMatchObject({ ok: true, value: { hasKey: true, source: 'keychain', last4: 'efgh' } });
    expect(harness.dir().keychain.get('Parley/openai')).toBe('sk-test-abcdefgh');
  });

  it('refuses IPC from a webContents it did not create', async () => {
    await launch();
    const win = await mainWindow();
    const stranger = new FakeWebContents(fake().session.defaultSession, win.webContents.mainFrame.url);
    expect(await fake().ipcMain.invoke('conversations:list', stranger.ipcEvent(), {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
  });

  it('secures webContents it did not make itself too', async () => {
    await launch();
    const contents = new FakeWebContents(fake().session.defaultSession);
    fake().app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('says how to fix it, and exits, when the native modules were not built for Electron', async () => {
    rmSync(path.join(harness.dir().appDir, '.native'), { recursive: true });
    await launch();
    await vi.waitFor(() => expect(fake().app.exit).toHaveBeenCalledWith(1));
    const [title, message] = fake().dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Parley could not start');
    expect(message).toMatch(/native modules for Electron 45\.5\.0 are missing/);
    expect(message).toMatch(/npm start/);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('says so, and exits, when the renderer cannot be loaded', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND (-6) loading index.html');
    await launch();
    await vi.waitFor(() => expect(fake().app.exit).toHaveBeenCalledWith(1));
    expect(fake().dialog.showErrorBox).toHaveBeenCalledWith('Parley could not show its window', expect.stringMatching(/ERR_FILE_NOT_FOUND/));
  });

  it('uses PARLEY_USER_DATA_DIR as its profile when set', async () => {
    const elsewhere = path.join(harness.dir().appDir, 'elsewhere');
    process.env.PARLEY_USER_DATA_DIR = elsewhere;
    await launch();
    await mainWindow();
    expect(createBackend.mock.calls[0]![0].dataDir).toBe(elsewhere);
  });
});

describe('quitting', () => {
  it('holds the quit until the backend is closed, then quits', async () => {
    await launch();
    await mainWindow();
    const backend = createBackend.mock.results[0]!.value as Backend;
    let finishClose!: () => void;
    const realClose = backend.close.bind(backend);
    const close = vi.spyOn(backend, 'close').mockImplementation(() => new Promise<void>((resolve) => (finishClose = () => void realClose().then(resolve))));

    fake().app.quit();
    fake().app.quit();
    expect(fake().app.hasQuit).toBe(false);
    expect(close).toHaveBeenCalledTimes(1);

    finishClose();
    await quitted();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('quits when the chat window closes, though the hidden quick window lives on (close to tray off: the Linux default)', async () => {
    setPlatform('linux');
    await launch();
    (await mainWindow()).close();
    await quitted();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('on macOS stays alive without its chat window and re-creates it on activate', async () => {
    setPlatform('darwin');
    await launch();
    const first = await mainWindow();
    await setCloseToTray(first, false);
    first.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake().app.hasQuit).toBe(false);

    fake().app.emit('activate');
    const win = await mainWindow();
    win.emit('ready-to-show');
    fake().app.emit('activate');
    expect(chatWindowCount()).toBe(1);
    // The new window is trusted like the first one.
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toMatchObject({ ok: true });
  });
});
