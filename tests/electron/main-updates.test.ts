import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../electron/backend';
import { silentLogger } from '../../electron/services/logging/logger';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { devNativeRoot, stagedNativeDir } from '../../electron/shell/native-modules';
import { fake, type FakeBrowserWindow } from './fake-electron';
import { electronVersion, launch, mainWindow, quitted, useMainHarness } from './main-harness';
import { FakeUpdater } from './fake-updater';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/**
 * electron-updater as main.ts imports it. The factory runs once per file, so
 * `loaded` is set when autoUpdater is read: that is what loading it means.
 */
const updaterModule = vi.hoisted(() => ({ loaded: false, updater: null as FakeUpdater | null }));
vi.mock('electron-updater', () => ({
  get autoUpdater() {
    updaterModule.loaded = true;
    return updaterModule.updater;
  },
}));

/** Auto-update as main.ts wires it: packaged only, the setting in the database, the banner's event and restart channel. */
const harness = useMainHarness(() => {
  updaterModule.loaded = false;
  updaterModule.updater = new FakeUpdater();
  // Not the 10 s the app waits for start-up to be over.
  vi.stubEnv('PARLEY_FIRST_UPDATE_CHECK_MS', '1');
});

type Ipc = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

function invoke(win: FakeBrowserWindow, channel: string, input: unknown = {}): Promise<Ipc> {
  return fake().ipcMain.invoke(channel, win.webContents.ipcEvent(), input) as Promise<Ipc>;
}

/** As an installed copy: app.isPackaged, and the addons where electron-builder unpacks them. */
function packaged(): void {
  const { appDir } = harness.dir();
  cpSync(path.join(devNativeRoot(appDir, electronVersion), 'node_modules'), stagedNativeDir(appDir), { recursive: true });
  fake().app.isPackaged = true;
}

describe('updates from source', () => {
  it('never loads electron-updater under `npm start` or the tests', async () => {
    await launch();
    const win = await mainWindow();
    expect(await invoke(win, 'settings:getUpdates')).toEqual({ ok: true, value: { checkAutomatically: true } });
    expect(await invoke(win, 'app:restartToUpdate')).toEqual({ ok: true, value: { restarting: false } });
    expect(updaterModule.loaded).toBe(false);
  });
});

describe('updates in the packaged app', () => {
  it('checks at start, tells the window when the download is done, and restarts into it on request', async () => {
    packaged();
    await launch();
    const win = await mainWindow();
    await vi.waitFor(() => expect(updaterModule.updater!.checkForUpdates).toHaveBeenCalledTimes(1));

    updaterModule.updater!.download('0.2.0');
    expect(win.webContents.send).toHaveBeenCalledWith('app:updateReady', { version: '0.2.0' });

    updaterModule.updater!.quitAndInstall.mockImplementation(() => {
      fake().app.quit();
    });
    expect(await invoke(win, 'app:restartToUpdate')).toEqual({ ok: true, value: { restarting: true } });
    await vi.waitFor(() => expect(updaterModule.updater!.quitAndInstall).toHaveBeenCalledWith(false, true));
    // The chat window closes for the installer even where its close button only hides it.
    await quitted();
  });

  it('stores "Check for updates automatically" with the other settings', async () => {
    packaged();
    await launch();
    const win = await mainWindow();
    expect(await invoke(win, 'settings:setUpdates', { checkAutomatically: false })).toEqual({ ok: true, value: { checkAutomatically: false } });
    expect(await invoke(win, 'settings:getUpdates')).toEqual({ ok: true, value: { checkAutomatically: false } });
  });

  it('never checks, nor loads electron-updater, when the setting was turned off before this launch', async () => {
    packaged();
    const before = createBackend({ dataDir: harness.dir().userData, secrets: createSessionSecretStore(), isTrustedSender: () => true, logger: silentLogger });
    expect(await before.invoke('settings:setUpdates', { checkAutomatically: false }, {} as never)).toMatchObject({ ok: true });
    await before.close();

    await launch();
    const win = await mainWindow();
    expect(await invoke(win, 'settings:getUpdates')).toEqual({ ok: true, value: { checkAutomatically: false } });
    await new Promise((r) => setTimeout(r, 50));
    expect(updaterModule.loaded).toBe(false);
  });

  it('refuses a restart when nothing was downloaded', async () => {
    packaged();
    await launch();
    const win = await mainWindow();
    await vi.waitFor(() => expect(updaterModule.updater!.checkForUpdates).toHaveBeenCalledTimes(1));
    expect(await invoke(win, 'app:restartToUpdate')).toEqual({ ok: true, value: { restarting: false } });
    expect(updaterModule.updater!.quitAndInstall).not.toHaveBeenCalled();
  });
});
