import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell } from '../../electron/tools/build-shell';
import { electronVersion, findElectronBinary } from '../../electron/tools/electron-binary';
import { prepareNative } from '../../electron/tools/prepare-native';
import { channelNames } from '../../shared/channels';

/**
 * The real app in the real Electron, driven by Playwright. Runs only where
 * Electron's binary is installed; elsewhere (this project's build machines
 * cannot download it) every test is skipped and says why.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Not `require('electron')`: with the binary missing, that starts a download.
const binary = findElectronBinary(repoRoot);
const skipReason = 'Electron binary not installed (node_modules/electron/dist is missing; `npm install` with network access fetches it)';
if (!binary) console.log(`tests/electron/electron-app.test.ts: skipped: ${skipReason}`);

const test = binary ? it : it.skip;
const named = (name: string) => (binary ? name : `${name} [skipped: ${skipReason}]`);

type WindowWithParley = Window & { parley?: Record<string, unknown> };

describe('the packaged shell in Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    if (!binary) return;
    if (!existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) {
      throw new Error('out/renderer/index.html is missing: run `npm run build` before the Electron tests.');
    }
    await buildShell();
    await prepareNative({ appDir: repoRoot, electronVersion: electronVersion(repoRoot) });
    userData = mkdtempSync(path.join(os.tmpdir(), 'parley-electron-'));
    app = await _electron.launch({
      executablePath: binary,
      args: [repoRoot],
      cwd: repoRoot,
      env: { ...process.env, PARLEY_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test(named('opens one window titled Parley, with the quick-ask window made but hidden'), async () => {
    const windows = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), visible: w.isVisible() })));
    expect(windows.filter((w) => w.visible).map((w) => w.title)).toEqual(['Parley']);
    expect(windows.map((w) => w.title).sort()).toEqual(['Parley', 'Parley quick ask']);
  });

  test(named('the hotkey shows the quick window focused, and hides it when pressed again'), async () => {
    // No API presses a global shortcut, so catch the callback main registers: wrap register, then change the hotkey in settings.
    await app!.evaluate(({ globalShortcut }) => {
      const register = globalShortcut.register.bind(globalShortcut);
      globalShortcut.register = (accelerator, callback) => {
        (globalThis as { parleyHotkeyPress?: () => void }).parleyHotkeyPress = callback;
        return register(accelerator, callback);
      };
    });
    const changed = await page.evaluate(() => {
      const parley = (window as WindowWithParley).parley as { settings: { setQuickAsk(input: object): Promise<unknown> } };
      return parley.settings.setQuickAsk({ hotkey: 'Alt+Shift+F12' });
    });
    expect(changed).toMatchObject({ ok: true, value: { hotkey: 'Alt+Shift+F12', hotkeyProblem: null } });
    expect(await app!.evaluate(({ globalShortcut }) => globalShortcut.isRegistered('Alt+Shift+F12'))).toBe(true);

    const press = () =>
      app!.evaluate(({ BrowserWindow }) => {
        (globalThis as { parleyHotkeyPress?: () => void }).parleyHotkeyPress!();
        const quick = BrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Parley quick ask')!;
        return { visible: quick.isVisible(), focused: quick.isFocused() };
      });
    expect(await press()).toEqual({ visible: true, focused: true });
    expect((await press()).visible).toBe(false);
  });

  test(named('gives the page window.parley with the contract methods, and no Node'), async () => {
    const shape = await page.evaluate(() => {
      const parley = (window as WindowWithParley).parley;
      return {
        type: typeof parley,
        methods: parley
          ? Object.entries(parley).flatMap(([area, m]) => (typeof m === 'object' && m ? Object.keys(m).map((k) => `${area}:${k}`) : []))
          : [],
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      };
    });
    expect(shape.type).toBe('object');
    // files.pathOf is the one method that is not a channel: see electron/preload.ts.
    expect(shape.methods.sort()).toEqual([...channelNames, 'files:pathOf'].sort());
    expect(shape.require).toBe('undefined');
    expect(shape.process).toBe('undefined');
  });

  test(named('answers a call through real IPC'), async () => {
    const result = await page.evaluate(() => {
      const parley = (window as WindowWithParley).parley as { conversations: { list(input: object): Promise<unknown> } };
      return parley.conversations.list({});
    });
    expect(result).toEqual({ ok: true, value: [] });
  });
});
