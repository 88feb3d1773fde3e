import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecureWindow, isExternalLinkAllowed, secureWebPreferences } from '../../electron/shell/window-security';
import { createMainWindow } from '../../electron/shell/main-window';
import { appPaths } from '../../electron/shell/app-paths';
import { fake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const expectedPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

function newWindow(): FakeBrowserWindow {
  return createSecureWindow({ preload: '/app/out/electron/preload.cjs', title: 'Any' }) as unknown as FakeBrowserWindow;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('every window', () => {
  it('is sandboxed and isolated, with no Node and web security on', () => {
    const win = newWindow();
    expect(win.options.webPreferences).toEqual({ ...expectedPreferences, preload: '/app/out/electron/preload.cjs' });
  });

  it('keeps the secure preferences even when a caller tries to pass its own', () => {
    const sneaky = { preload: '/p.cjs', webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false, webSecurity: false } };
    const win = createSecureWindow(sneaky as Parameters<typeof createSecureWindow>[0]) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toMatchObject(expectedPreferences);
  });

  it('the preferences builder gives the same defaults to any future window', () => {
    expect(secureWebPreferences('/x.cjs')).toEqual({ ...expectedPreferences, preload: '/x.cjs' });
  });

  it('cancels every navigation the page starts', () => {
    const contents = newWindow().webContents;
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'javascript:alert(1)')).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    const contents = newWindow().webContents;
    expect(contents.emitCancellable('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('denies every new window and hands only https: links to the system browser', () => {
    const contents = newWindow().webContents;
    const urls = [
      'https://platform.openai.com/docs',
      'http://insecure.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://share/x',
      'not a url',
    ];
    for (const url of urls) expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(fake().shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fake().shell.openExternal).toHaveBeenCalledWith('https://platform.openai.com/docs');
  });

  it('does not let a failing system browser become an unhandled rejection', async () => {
    fake().shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(newWindow().webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
  });

  it('judges links by their parsed scheme, not by their text', () => {
    expect(isExternalLinkAllowed('HTTPS://EXAMPLE.COM/')).toBe(true);
    expect(isExternalLinkAllowed(' javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('')).toBe(false);
  });

  it('denies every permission request and every permission check', () => {
    newWindow();
    const session = fake().session.defaultSession;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.(null, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.(null, permission, 'file://', {})).toBe(false);
    }
  });

  it('secures a webContents and a session once, however many times it is asked', async () => {
    const { secureWebContents } = await import('../../electron/shell/window-security');
    const win = newWindow();
    secureWebContents(win.webContents as unknown as Parameters<typeof secureWebContents>[0]);
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    newWindow();
    expect(fake().session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
  });
});

describe('the main window', () => {
  const paths = appPaths('/opt/parley');

  it('has the secure preferences with our preload', () => {
    const win = createMainWindow(paths) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toEqual({ ...expectedPreferences, preload: '/opt/parley/out/electron/preload.cjs' });
  });

  it('is titled Parley, sized sensibly and hidden until painted', () => {
    const win = createMainWindow(paths) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ title: 'Parley', show: false });
    expect(win.options.width).toBeGreaterThanOrEqual(win.options.minWidth as number);
    expect(win.options.height).toBeGreaterThanOrEqual(win.options.minHeight as number);
    expect(win.options.minWidth).toBeGreaterThanOrEqual(480);
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
  });

  it('keeps its title when the page sets one', () => {
    const win = createMainWindow(paths) as unknown as FakeBrowserWindow;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    win.emit('page-title-updated', event, 'Something else');
    expect(event.defaultPrevented).toBe(true);
  });

  it('loads the built renderer from disk', () => {
    const win = createMainWindow(paths) as unknown as FakeBrowserWindow;
    expect(win.loadFile).toHaveBeenCalledWith('/opt/parley/out/renderer/index.html');
  });

  it('reports a renderer that fails to load', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND (-6) loading out/renderer/index.html');
    const onLoadError = vi.fn();
    createMainWindow(paths, onLoadError);
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledWith(FakeBrowserWindow.loadFailure));
  });
});
