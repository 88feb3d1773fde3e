import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeWebContents } from './fake-electron';
import { launch, mainWindow, MAIN_TITLE, QUICK_TITLE, quickWindow, setPlatform, useMainHarness } from './main-harness';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/**
 * window-security.test.ts pins createSecureWindow itself; this file pins the
 * app: every window main.ts actually opens (the chat window, the quick
 * window, a chat window reopened from the dock) carries the same security,
 * and no module of the shell makes a window or a web view any other way.
 */
const harness = useMainHarness();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The only webPreferences a Parley window may have: anything else (enableBlinkFeatures, experimentalFeatures, …) is a review question. */
const allowedPreferenceKeys = ['preload', 'contextIsolation', 'sandbox', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'webSecurity', 'allowRunningInsecureContent', 'webviewTag'];

function expectSecure(win: FakeBrowserWindow): void {
  const title = win.getTitle();
  const prefs = win.options.webPreferences as Record<string, unknown> | undefined;
  expect(prefs, `${title} has no webPreferences`).toBeDefined();
  expect(prefs, title).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    allowRunningInsecureContent: false,
    webviewTag: false,
  });
  expect(prefs!.webSecurity, `${title} turns web security off`).not.toBe(false);
  expect(prefs!.preload, `${title} has another preload`).toBe(path.join(harness.dir().appDir, 'out', 'electron', 'preload.cjs'));
  expect(Object.keys(prefs!).filter((k) => !allowedPreferenceKeys.includes(k)), title).toEqual([]);

  const contents = win.webContents;
  expect(contents.mainFrame.url, `${title} loads something other than the built renderer`).toMatch(/^file:.*\/out\/renderer\/[a-z]+\.html$/);
  expect(contents.emitCancellable('will-navigate', 'https://evil.example/'), `${title} lets the page navigate`).toBe(true);
  expect(contents.emitCancellable('will-attach-webview', {}, { src: 'https://evil.example/' }), `${title} attaches a <webview>`).toBe(true);
  expect(contents.openWindow('https://evil.example/'), `${title} opens a new window`).toEqual({ action: 'deny' });
  expectDeniesPermissions(contents, title);
}

/** Including names Electron may add later: the handlers must deny by default, not by a list of known permissions. */
function expectDeniesPermissions(contents: FakeWebContents, title: string): void {
  const session = contents.session;
  expect(session.permissionRequestHandler, `${title}'s session has no permission request handler`).not.toBeNull();
  expect(session.permissionCheckHandler, `${title}'s session has no permission check handler`).not.toBeNull();
  for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'pointerLock', 'openExternal', 'hid', 'serial', 'usb', 'window-management', 'a-permission-from-the-future']) {
    const callback = vi.fn();
    session.permissionRequestHandler!(contents, permission, callback, { requestingUrl: 'file:///app/index.html' });
    expect(callback, `${title} grants ${permission}`).toHaveBeenCalledExactlyOnceWith(false);
    expect(session.permissionCheckHandler!(contents, permission, 'file://', {}), `${title} passes the check for ${permission}`).toBe(false);
  }
}

describe('every window the app opens', () => {
  it('the chat window and the quick window, and no other, each sandboxed, isolated, without Node and without permissions', async () => {
    await launch();
    await mainWindow();
    await quickWindow();
    expect(FakeBrowserWindow.all.map((w) => w.getTitle()).sort()).toEqual([MAIN_TITLE, QUICK_TITLE].sort());
    for (const win of FakeBrowserWindow.all) expectSecure(win);
  });

  it('a chat window opened again from the dock after its first was closed', async () => {
    setPlatform('darwin');
    await launch();
    const first = await mainWindow();
    // Closing to the tray would only hide it: this test needs the window really gone.
    expect(await fake().ipcMain.invoke('settings:setQuickAsk', first.webContents.ipcEvent(), { closeToTray: false })).toMatchObject({ ok: true });
    first.close();
    fake().app.emit('activate');
    const again = await mainWindow();
    expect(again).not.toBe(first);
    expectSecure(again);
  });

  it('turns on the sandbox for every renderer, even one not made through createSecureWindow', async () => {
    await launch({ ready: false });
    expect(fake().app.enableSandbox).toHaveBeenCalled();
  });

  it('refuses navigation, popups and <webview> in any webContents created later, such as a devtools or a stray view', async () => {
    await launch();
    await mainWindow();
    const stray = new FakeWebContents(fake().session.defaultSession);
    fake().app.emit('web-contents-created', {}, stray);
    expect(stray.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(stray.emitCancellable('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
    expect(stray.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(e.name) ? [full] : [];
  });
}

describe('the shell source', () => {
  const files = sourceFiles(path.join(repoRoot, 'electron')).map((f) => ({ file: path.relative(repoRoot, f).split(path.sep).join('/'), text: readFileSync(f, 'utf8') }));
  const windowSecurity = 'electron/shell/window-security.ts';

  it('makes windows only through createSecureWindow, which alone sets webPreferences', () => {
    expect(files.map((f) => f.file)).toContain(windowSecurity);
    const offenders = files.filter(({ file, text }) => file !== windowSecurity && /new\s+BrowserWindow\b|\bwebPreferences\s*:/.test(text)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('has no web view, no Node in a renderer and no weakened web security anywhere', () => {
    const weakenings = [
      /\bBrowserView\b/,
      /\bWebContentsView\b/,
      /\bnodeIntegration(InSubFrames|InWorker)?\s*:\s*true/,
      /\bcontextIsolation\s*:\s*false/,
      /\bsandbox\s*:\s*false/,
      /\bwebSecurity\s*:\s*false/,
      /\ballowRunningInsecureContent\s*:\s*true/,
      /\bwebviewTag\s*:\s*true/,
      /\bexperimentalFeatures\s*:\s*true/,
      /\benableBlinkFeatures\b/,
      /\bsetPermissionRequestHandler\s*\(\s*null/,
      /\bdisable-web-security\b/,
      /\bignore-certificate-errors\b/,
    ];
    const found = files.flatMap(({ file, text }) => weakenings.filter((w) => w.test(text)).map((w) => `${file}: ${w.source}`));
    expect(found).toEqual([]);
  });
});
