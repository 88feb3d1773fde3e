/**
 * A small stand-in for the parts of the `electron` module the shell uses, so
 * the shell can be tested in Node where Electron's binary does not exist.
 * Install it in a test file with:
 *
 *   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
 *
 * One instance lives on globalThis so that a test which re-imports main.ts
 * after vi.resetModules() still talks to the same fake; reset it in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import { FakeClipboard, FakeGlobalShortcut, FakeMenuModule, FakeNativeImageModule, FakeScreen, FakeTray } from './fake-desktop';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextRoutingId = 1;

export class FakeWebFrame {
  url: string;
  parent: FakeWebFrame | null;
  processId: number;
  routingId: number;
  detached = false;
  constructor(init: { url?: string; parent?: FakeWebFrame | null; processId?: number; routingId?: number } = {}) {
    this.url = init.url ?? '';
    this.parent = init.parent ?? null;
    this.processId = init.processId ?? 1;
    this.routingId = init.routingId ?? nextRoutingId++;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  setPermissionRequestHandler = vi.fn((h: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = h;
  });
  setPermissionCheckHandler = vi.fn((h: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = h;
  });
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeWebFrame;
  session: FakeSession;
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  readonly send = vi.fn((_channel: string, _payload: unknown) => undefined);
  constructor(session: FakeSession, url = '') {
    super();
    this.session = session;
    this.mainFrame = new FakeWebFrame({ url, processId: this.id });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** What a page-initiated event does: runs the listeners and says whether one cancelled it. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
  /** A `window.open(url)` or a target=_blank link click. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url });
  }
  /** An IPC event as ipcMain hands it to a handler. */
  ipcEvent(frame: FakeWebFrame | null = this.mainFrame): { sender: FakeWebContents; senderFrame: FakeWebFrame | null } {
    return { sender: this, senderFrame: frame };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  /** When set, every loadFile rejects with it, as a missing or broken renderer build does. */
  static loadFailure: Error | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.focused) ?? null;
  }
  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  readonly loadFile = vi.fn(async (file: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  });
  bounds: { x: number; y: number; width: number; height: number };
  readonly show = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
    if (this.focused) this.blur();
    this.emit('hide');
  });
  /** Focus is one window's at a time, as on a desktop. */
  readonly focus = vi.fn(() => {
    for (const other of FakeBrowserWindow.getAllWindows()) if (other !== this && other.focused) other.blur();
    this.focused = true;
    this.emit('focus');
  });
  readonly setBounds = vi.fn((bounds: Partial<FakeBrowserWindow['bounds']>) => {
    this.bounds = { ...this.bounds, ...bounds };
  });
  readonly setVisibleOnAllWorkspaces = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = { x: 0, y: 0, width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
    this.webContents = new FakeWebContents(state().session.defaultSession);
    FakeBrowserWindow.all.push(this);
  }
  getTitle(): string {
    return String(this.options.title ?? '');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getBounds(): FakeBrowserWindow['bounds'] {
    return { ...this.bounds };
  }
  /** The person clicks into another window or app. */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  /** What the close button does: 'close' (which a listener may cancel), then as destroy(). */
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  /** Closes without asking: 'closed', then its webContents is destroyed, then maybe window-all-closed. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.focused = false;
    this.emit('closed');
    this.webContents.destroy();
    if (FakeBrowserWindow.getAllWindows().length === 0 && !state().app.quitting) state().app.emit('window-all-closed');
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle = vi.fn((channel: string, handler: Handler) => {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** What ipcRenderer.invoke(channel, input) from `event.sender` ends up calling. */
  async invoke(channel: string, event: unknown, input?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, input);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: null }));
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  appPath = '/fake/app';
  paths = new Map<string, string>();
  gotLock = true;
  ready = false;
  private resolveReady!: () => void;
  private readyPromise = new Promise<void>((r) => (this.resolveReady = r));
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  /** Set once a quit went through: no before-quit listener held it and every window closed. */
  hasQuit = false;
  /** Between before-quit and the end: windows closing now do not emit window-all-closed, as in Electron. */
  quitting = false;
  quit = vi.fn(() => {
    if (this.quitting) return;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitting = true;
    for (const win of FakeBrowserWindow.getAllWindows()) win.close();
    // A window that refuses to close cancels the quit.
    const willQuit = fakeEvent();
    if (FakeBrowserWindow.getAllWindows().length === 0) this.emit('will-quit', willQuit);
    this.quitting = false;
    if (FakeBrowserWindow.getAllWindows().length === 0 && !willQuit.defaultPrevented) this.hasQuit = true;
  });
  exit = vi.fn((_code?: number) => undefined);
  enableSandbox = vi.fn();
  setLoginItemSettings = vi.fn((_settings: { openAtLogin?: boolean }) => undefined);
  /** macOS: hides every window and hands the focus to the app below. */
  hide = vi.fn(() => undefined);
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** What Electron does once initialised. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    const p = this.paths.get(name);
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
}

export interface FakeElectron {
  app: FakeApp;
  BrowserWindow: typeof FakeBrowserWindow;
  ipcMain: FakeIpcMain;
  ipcRenderer: FakeIpcRenderer;
  contextBridge: { exposed: Map<string, unknown>; exposeInMainWorld: ReturnType<typeof vi.fn> };
  shell: { openExternal: ReturnType<typeof vi.fn> };
  dialog: { showErrorBox: ReturnType<typeof vi.fn> };
  session: { defaultSession: FakeSession };
  globalShortcut: FakeGlobalShortcut;
  Tray: typeof FakeTray;
  Menu: typeof FakeMenuModule;
  nativeImage: typeof FakeNativeImageModule;
  screen: FakeScreen;
  clipboard: FakeClipboard;
  /** getPathForFile answers a fake File's `fakePath` (real Files carry no path the renderer can see). */
  webUtils: { getPathForFile: ReturnType<typeof vi.fn> };
}

function createState(): FakeElectron {
  const exposed = new Map<string, unknown>();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    contextBridge: {
      exposed,
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        // Electron refuses to expose the same key twice.
        if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        exposed.set(key, api);
      }),
    },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    dialog: { showErrorBox: vi.fn((_title: string, _content: string) => undefined) },
    session: { defaultSession: new FakeSession() },
    globalShortcut: new FakeGlobalShortcut(),
    Tray: FakeTray,
    Menu: FakeMenuModule,
    nativeImage: FakeNativeImageModule,
    screen: new FakeScreen(),
    clipboard: new FakeClipboard(),
    webUtils: { getPathForFile: vi.fn((file: { fakePath?: string }) => file.fakePath ?? '') },
  };
}

const holder = globalThis as typeof globalThis & { __parleyFakeElectron?: FakeElectron };

function state(): FakeElectron {
  return (holder.__parleyFakeElectron ??= createState());
}

/** The current fake; the same object for as long as no one calls resetFakeElectron. */
export function fake(): FakeElectron {
  return state();
}

/** A fresh fake: no windows, no handlers, no listeners, new spies. Call in beforeEach, before importing the module under test. */
export function resetFakeElectron(): FakeElectron {
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.loadFailure = null;
  FakeTray.all = [];
  holder.__parleyFakeElectron = createState();
  return holder.__parleyFakeElectron;
}

/**
 * The module the code under test imports as 'electron'. Getters, so a module
 * imported once keeps seeing the current fake after a reset.
 */
export function fakeElectronModule(): Record<string, unknown> {
  const names = [
    'app',
    'BrowserWindow',
    'ipcMain',
    'ipcRenderer',
    'contextBridge',
    'shell',
    'dialog',
    'session',
    'globalShortcut',
    'Tray',
    'Menu',
    'nativeImage',
    'screen',
    'clipboard',
    'webUtils',
  ] as const;
  const mod: Record<string, unknown> = {};
  for (const name of names) Object.defineProperty(mod, name, { enumerable: true, get: () => state()[name] });
  Object.defineProperty(mod, 'default', { enumerable: true, value: mod });
  return mod;
}
