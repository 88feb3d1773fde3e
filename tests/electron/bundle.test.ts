import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildShell } from '../../electron/tools/build-shell';
import { channelNames } from '../../shared/channels';
import { makeAppDir, type AppDir } from './app-dir';
import { fake, fakeElectronModule, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

/**
 * The shell as it ships: the CommonJS bundles build-shell.ts writes, run in
 * Node against the fake, as Electron would load them (main with a full
 * require, the sandboxed preload with a require that knows only `electron`).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bundle-'));
const mainFile = path.join(outDir, 'main.cjs');
const preloadFile = path.join(outDir, 'preload.cjs');

function runCommonJs(file: string, requireFn: (id: string) => unknown): void {
  const module = { exports: {} };
  const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', readFileSync(file, 'utf8'));
  wrapper(module.exports, requireFn, module, file, path.dirname(file));
}

const nodeRequire = createRequire(path.join(repoRoot, 'package.json'));

beforeAll(async () => {
  await buildShell(outDir);
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the preload bundle', () => {
  it('needs nothing but `electron`, as a sandboxed preload must', () => {
    const required = [...readFileSync(preloadFile, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(readFileSync(preloadFile, 'utf8')).not.toMatch(/\bimport\s*[{(*]|\bexport\s/);
  });

  it('exposes window.parley with the contract methods when run', () => {
    resetFakeElectron();
    const electron = fakeElectronModule();
    runCommonJs(preloadFile, (id) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    });
    const parley = fake().contextBridge.exposed.get('parley') as Record<string, Record<string, unknown>>;
    const methods = Object.entries(parley).flatMap(([area, m]) => (area === 'subscribe' ? [] : Object.keys(m).map((k) => `${area}:${k}`)));
    // files.pathOf is the one method that is not a channel: see electron/preload.ts.
    expect(methods.sort()).toEqual([...channelNames, 'files:pathOf'].sort());
  });
});

describe('the assets', () => {
  it('puts the tray icon, 1x and 2x, beside the bundles', () => {
    for (const [file, size] of [
      ['tray-icon.png', 16],
      ['tray-icon@2x.png', 32],
    ] as const) {
      const png = readFileSync(path.join(outDir, 'assets', file));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe('the main bundle', () => {
  let dir: AppDir;
  afterEach(async () => {
    if (!fake().app.hasQuit) {
      fake().app.quit();
      await vi.waitFor(() => expect(fake().app.hasQuit).toBe(true));
    }
    delete (process.versions as Record<string, string | undefined>).electron;
    dir.cleanup();
  });

  it('leaves Electron and the native addons outside the bundle', () => {
    const code = readFileSync(mainFile, 'utf8');
    expect(code).toMatch(/require\("electron"\)/);
    expect(code).toMatch(/require\("better-sqlite3"\)/);
    expect(code).not.toMatch(/import\.meta/);
    dir = makeAppDir('45.5.0');
  });

  it('starts, serves its window, and loads keytar from the Electron build path (import.meta.url works in CommonJS)', async () => {
    resetFakeElectron();
    dir = makeAppDir('45.5.0');
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    const { app } = fake();
    app.appPath = dir.appDir;
    app.setPath('userData', dir.userData);
    const electron = fakeElectronModule();
    runCommonJs(mainFile, (id) => (id === 'electron' ? electron : nodeRequire(id)));
    app.becomeReady();

    // The chat window and the hidden quick-ask window.
    await vi.waitFor(() => expect(FakeBrowserWindow.getAllWindows()).toHaveLength(2));
    const win = FakeBrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Parley')!;
    await vi.waitFor(() => expect(win.webContents.mainFrame.url).toMatch(/^file:/));
    const result = await fake().ipcMain.invoke('secrets:setKey', win.webContents.ipcEvent(), { providerId: 'openai', key: 'sk-bundle-1234' });
    expect(result).toMatchObject({ ok: true, value: { source: 'keychain', last4: '1234' } });
    expect(dir.keychain.get('Parley/openai')).toBe('sk-bundle-1234');
  });
});
