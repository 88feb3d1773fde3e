/**
 * Runs electron/main.ts against the fake `electron` the way Electron would,
 * for the tests of its lifecycle. The test file itself must install the fake:
 *   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { makeAppDir, type AppDir } from './app-dir';
import { fake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

export const electronVersion = '45.5.0';
export const MAIN_TITLE = 'Parley';
export const QUICK_TITLE = 'Parley quick ask';

/** Runs main.ts as Electron would: a fresh module, then (unless told otherwise) the app becomes ready. */
export async function launch({ ready = true } = {}): Promise<void> {
  await import('../../electron/main');
  if (ready) fake().app.becomeReady();
}

function windowsTitled(title: string): FakeBrowserWindow[] {
  return FakeBrowserWindow.getAllWindows().filter((w) => w.getTitle() === title);
}

async function loadedWindow(title: string): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => expect(windowsTitled(title)).toHaveLength(1));
  const win = windowsTitled(title)[0]!;
  await vi.waitFor(() => expect(win.webContents.mainFrame.url).toMatch(/^file:/));
  return win;
}

/** The one chat window, once its page has loaded. */
export const mainWindow = () => loadedWindow(MAIN_TITLE);
/** The one quick-ask window, once its page has loaded. */
export const quickWindow = () => loadedWindow(QUICK_TITLE);
export const chatWindowCount = () => windowsTitled(MAIN_TITLE).length;

export async function quitted(): Promise<void> {
  await vi.waitFor(() => expect(fake().app.hasQuit).toBe(true));
}

const realPlatform = process.platform;
const realArgv = process.argv;
/** The command line main.ts sees: by default `electron <app dir>`, with no file to open (not the test runner's own argv). */
export function setArgv(args: string[]): void {
  process.argv = ['/fake/electron', '/fake/app', ...args];
}
export function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

/**
 * A fresh fake and app folder before each test; after it, a quit (if the
 * test did not end in one) and the platform and environment put back.
 * `beforeEachExtra` runs after vi.resetModules(), before the fake is reset.
 */
export function useMainHarness(beforeEachExtra: () => Promise<void> | void = () => undefined): { dir(): AppDir } {
  let dir: AppDir;
  beforeEach(async () => {
    vi.resetModules();
    await beforeEachExtra();
    const { app } = resetFakeElectron();
    dir = makeAppDir(electronVersion);
    app.appPath = dir.appDir;
    app.setPath('userData', dir.userData);
    Object.defineProperty(process.versions, 'electron', { value: electronVersion, configurable: true });
    setArgv([]);
    // "Open at login" on Linux writes an autostart file: keep it in the throwaway folder.
    vi.stubEnv('XDG_CONFIG_HOME', `${dir.appDir}/xdg-config`);
  });
  afterEach(async () => {
    const { app } = fake();
    if (!app.hasQuit && app.exit.mock.calls.length === 0) {
      app.quit();
      await quitted();
    }
    setPlatform(realPlatform);
    process.argv = realArgv;
    vi.unstubAllEnvs();
    delete (process.versions as Record<string, string | undefined>).electron;
    delete process.env.PARLEY_USER_DATA_DIR;
    dir.cleanup();
  });
  return { dir: () => dir };
}
