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
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn(() => {
    this.focused = true;
  });
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
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
  /** What closing the window does: 'closed', then its webContents is destroyed, then maybe window-all-closed. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
    if (FakeBrowserWindow.getAllWindows().length === 0) state().app.emit('window-all-closed');
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
  /** Set once a quit went through, i.e. no before-quit listener held it. */
  hasQuit = false;
  quit = vi.fn(() => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.hasQuit = true;
  });
  exit = vi.fn((_code?: number) => undefined);
  enableSandbox = vi.fn();
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
  holder.__parleyFakeElectron = createState();
  return holder.__parleyFakeElectron;
}

/**
 * The module the code under test imports as 'electron'. Getters, so a module
 * imported once keeps seeing the current fake after a reset.
 */
export function fakeElectronModule(): Record<string, unknown> {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'ipcRenderer', 'contextBridge', 'shell', 'dialog', 'session'] as const;
  const mod: Record<string, unknown> = {};
  for (const name of names) Object.defineProperty(mod, name, { enumerable: true, get: () => state()[name] });
  Object.defineProperty(mod, 'default', { enumerable: true, value: mod });
  return mod;
}
