import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lazyPackages } from '../../electron/tools/lazy-vendor';
import { buildShell } from '../../electron/tools/build-shell';
import { docx } from '../fixtures/files/docx-fixture';
import { pdfWithText } from '../fixtures/files/pdf-fixtures';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { makeAppDir, type AppDir } from './app-dir';
import { fake, fakeElectronModule, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

/**
 * The SDK and the PDF and Word extractors ship beside main.cjs in vendor/
 * and are required the first time they are used (electron/tools/lazy-vendor.ts).
 * Run as Electron runs the bundle: main.cjs with a require that resolves
 * `./vendor/…` from the bundle's folder, against the fake `electron`.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'parley-vendor-'));
const mainFile = path.join(outDir, 'main.cjs');
const nodeRequire = createRequire(path.join(repoRoot, 'package.json'));
const bundleRequire = createRequire(mainFile);

let model: FakeOpenAI;
let dir: AppDir;
const required: string[] = [];

beforeAll(async () => {
  await buildShell(outDir);
  model = await startFakeOpenAI();
}, 60_000);
afterAll(async () => {
  if (!fake().app.hasQuit) {
    fake().app.quit();
    await vi.waitFor(() => expect(fake().app.hasQuit).toBe(true));
  }
  delete (process.versions as Record<string, string | undefined>).electron;
  delete process.env.OPENAI_BASE_URL;
  dir?.cleanup();
  await model.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('the packages main loads when first used', () => {
  it('are not in main.cjs: each is its own file in vendor/', () => {
    const { sources } = JSON.parse(readFileSync(`${mainFile}.map`, 'utf8')) as { sources: string[] };
    for (const name of lazyPackages) {
      expect(sources.filter((s) => s.includes(`node_modules/${name}/`))).toEqual([]);
      expect(readFileSync(path.join(outDir, 'vendor', `${name}.cjs`), 'utf8').length).toBeGreaterThan(10_000);
    }
  });

  it('give main what it takes from them', async () => {
    const openai = bundleRequire('./vendor/openai.cjs') as { default: { APIError: unknown }; AzureOpenAI: unknown };
    expect(typeof openai.default).toBe('function');
    expect(typeof openai.default.APIError).toBe('function');
    expect(typeof openai.AzureOpenAI).toBe('function');
    // The extractors work from their vendor files, as main calls them (electron/services/files/pdf-text.ts, docx-text.ts).
    const unpdf = bundleRequire('./vendor/unpdf.cjs') as typeof import('unpdf');
    const pdf = await unpdf.getDocumentProxy(new Uint8Array(pdfWithText([['Vendored page one']])));
    expect((await unpdf.extractText(pdf, { mergePages: false })).text).toEqual([expect.stringContaining('Vendored page one')]);
    const mammoth = bundleRequire('./vendor/mammoth.cjs') as { extractRawText(o: { buffer: Buffer }): Promise<{ value: string }> };
    expect((await mammoth.extractRawText({ buffer: docx(['Vendored paragraph']) })).value).toContain('Vendored paragraph');
  });

  it('are not loaded at start, and the SDK is loaded by the first request, which then works', async () => {
    resetFakeElectron();
    dir = makeAppDir('45.5.0');
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    process.env.OPENAI_BASE_URL = model.baseUrl;
    const { app } = fake();
    app.appPath = dir.appDir;
    app.setPath('userData', dir.userData);
    const electron = fakeElectronModule();
    const requireFromBundle = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      return id.startsWith('./') ? bundleRequire(id) : nodeRequire(id);
    };
    const module = { exports: {} };
    new Function('exports', 'require', 'module', '__filename', '__dirname', readFileSync(mainFile, 'utf8'))(module.exports, requireFromBundle, module, mainFile, outDir);
    app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.getAllWindows()).toHaveLength(2));
    const win = FakeBrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Parley')!;
    await vi.waitFor(() => expect(win.webContents.mainFrame.url).toMatch(/^file:/));
    expect(required.filter((id) => id.startsWith('./vendor/'))).toEqual([]);

    await fake().ipcMain.invoke('secrets:setKey', win.webContents.ipcEvent(), { providerId: 'openai', key: 'sk-vendor-5678' });
    const check = await fake().ipcMain.invoke('providers:test', win.webContents.ipcEvent(), { providerId: 'openai' });
    expect(check).toMatchObject({ ok: true, value: { modelCount: 1 } });
    expect(model.requests.some((r) => r.path.endsWith('/models'))).toBe(true);
    expect(required.filter((id) => id.startsWith('./vendor/'))).toEqual(['./vendor/openai.cjs']);
  });
});
