import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { createBackend, type Backend } from './backend';
import { createKeytarSecretStore } from './services/secrets/keytar-secret-store';
import { appPaths } from './shell/app-paths';
import { connectIpc } from './shell/ipc-bridge';
import { createMainWindow, revealWindow } from './shell/main-window';
import { locateNativeModules } from './shell/native-modules';
import { claimSingleInstance } from './shell/single-instance';
import { createTrustedSenders } from './shell/trusted-senders';
import { secureWebContents } from './shell/window-security';

/** Long enough to store the answers still streaming; short enough that a stuck close never keeps a quit from happening. */
const CLOSE_TIMEOUT_MS = 5_000;

// Lets the Electron end-to-end test run against a throwaway profile instead of the person's own.
if (process.env.PARLEY_USER_DATA_DIR) app.setPath('userData', process.env.PARLEY_USER_DATA_DIR);

const paths = appPaths(app.getAppPath());
const senders = createTrustedSenders(paths.rendererUrl);
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting: 'no' | 'closing-backend' | 'ready' = 'no';

function openMainWindow(): void {
  const win = createMainWindow(paths, (err) => void fail('Parley could not show its window', err));
  senders.trust(win.webContents);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) revealWindow(mainWindow);
  else if (backend) openMainWindow();
}

async function closeBackend(): Promise<void> {
  const b = backend;
  backend = null;
  if (!b) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
  });
  try {
    await Promise.race([b.close(), timeout]);
  } catch (err) {
    console.error('Parley: closing the backend failed', err);
  } finally {
    clearTimeout(timer);
  }
}

async function fail(title: string, err: unknown): Promise<void> {
  console.error(`Parley: ${title}`, err);
  dialog.showErrorBox(title, err instanceof Error ? err.message : String(err));
  await closeBackend();
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  const native = locateNativeModules({ appDir: app.getAppPath(), isPackaged: app.isPackaged, electronVersion: process.versions.electron });
  backend = createBackend({
    dataDir: app.getPath('userData'),
    secrets: createKeytarSecretStore('Parley', native.keytarModule),
    isTrustedSender: senders.isTrustedSender,
    nativeBinding: native.betterSqlite3Binding,
    onInternalError: (channel, err) => console.error(`Parley: internal error on ${channel}`, err),
  });
  connectIpc(ipcMain, backend, senders);
  openMainWindow();
}

if (claimSingleInstance(app, showMainWindow)) {
  app.enableSandbox();
  // Covers any webContents, including ones not made through createSecureWindow.
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents));
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows until Cmd+Q.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  // Electron does not await before-quit: hold the quit, close the backend (stopping and storing live answers), then quit again.
  app.on('before-quit', (event) => {
    if (quitting === 'ready') return;
    if (quitting === 'closing-backend') return event.preventDefault();
    if (!backend) return;
    event.preventDefault();
    quitting = 'closing-backend';
    void closeBackend().then(() => {
      quitting = 'ready';
      app.quit();
    });
  });
  start().catch((err: unknown) => void fail('Parley could not start', err));
}
