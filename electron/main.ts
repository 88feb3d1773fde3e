import path from 'node:path';
import { app, dialog, globalShortcut, ipcMain, type BrowserWindow } from 'electron';
import { createBackend, type Backend } from './backend';
import { createKeytarSecretStore } from './services/secrets/keytar-secret-store';
import { createFileLogger, type Logger } from './services/logging/logger';
import { errorFields } from './services/logging/redaction';
import { appPaths } from './shell/app-paths';
import { createAutoUpdate, type AutoUpdate } from './shell/auto-update';
import { createElectronDesktopShell } from './shell/electron-desktop-shell';
import { createHotkey } from './shell/hotkey';
import { connectIpc } from './shell/ipc-bridge';
import { createMainWindow, revealWindow } from './shell/main-window';
import { locateNativeModules } from './shell/native-modules';
import { createQuickWindow, type QuickWindow } from './shell/quick-window';
import { claimSingleInstance } from './shell/single-instance';
import { createOpenedFiles, filePathsFromArgv } from './shell/opened-files';
import { createTray, type ParleyTray } from './shell/tray';
import { createTrustedSenders } from './shell/trusted-senders';
import { secureWebContents } from './shell/window-security';
import { encoderFor } from './services/chat/tokenizer-loader';

/** Long enough to store the answers still streaming; short enough that a stuck close never keeps a quit from happening. */
const CLOSE_TIMEOUT_MS = 5_000;
/**
 * The tokenizer's table takes main ~0.2 s to load. Loaded a few seconds after start, while the person is
 * still looking, it is ready for the composer's first estimate instead of stalling it (and every window's
 * requests) at the first keystroke.
 */
const TOKENIZER_PRELOAD_MS = 3_000;

// Lets the Electron end-to-end test run against a throwaway profile instead of the person's own.
if (process.env.PARLEY_USER_DATA_DIR) app.setPath('userData', process.env.PARLEY_USER_DATA_DIR);

const paths = appPaths(app.getAppPath());
const senders = createTrustedSenders(paths.rendererUrl);
let backend: Backend | null = null;
/** <userData>/logs/parley.log, rotated; made once the user-data path is final (after the override above). */
let log: Logger | null = null;
let mainWindow: BrowserWindow | null = null;
let quickWindow: QuickWindow | null = null;
let tray: ParleyTray | null = null;
/** electron-updater, in the packaged app only; made with the backend, which stores its setting. */
let updates: AutoUpdate | null = null;
let quitting: 'no' | 'closing-backend' | 'ready' = 'no';
/** Set by the first before-quit: from then on windows really close. */
let shuttingDown = false;
/** The chat window's close button hid it (close to tray); unlike a window still painting, a dock click should show it. */
let hiddenToTray = false;
/** Files from the command line, "Open with…" or the dock icon, waiting for the backend. */
const openedFiles = createOpenedFiles();

const hotkey = createHotkey(globalShortcut, () => quickWindow?.toggle());
const desktop = createElectronDesktopShell({
  quickWindow: () => quickWindow,
  hotkey,
  showMainWindow,
  onHotkeyChanged: (accelerator) => tray?.setHotkey(accelerator),
});

function openMainWindow(): void {
  const win = createMainWindow(paths, (err) => void fail('Parley could not show its window', err));
  senders.trust(win.webContents);
  // Hidden rather than closed: the tray, the hotkey's "Open in main window" and a second launch bring it back as it was.
  win.on('close', (event) => {
    if (shuttingDown || !desktop.closeToTray()) return;
    event.preventDefault();
    win.hide();
    hiddenToTray = true;
  });
  win.on('show', () => (hiddenToTray = false));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The hidden quick window means window-all-closed never comes: closing the chat window is what quits (macOS aside).
    if (!shuttingDown && process.platform !== 'darwin') app.quit();
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
  log?.error('startup', title, errorFields(err));
  dialog.showErrorBox(title, err instanceof Error ? err.message : String(err));
  await closeBackend();
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  log = createFileLogger({ dir: path.join(app.getPath('userData'), 'logs'), stderr: (line) => process.stderr.write(line) });
  log.info('startup', 'Parley starting', { electron: process.versions.electron, packaged: app.isPackaged });
  const native = locateNativeModules({ appDir: app.getAppPath(), isPackaged: app.isPackaged, electronVersion: process.versions.electron });
  updates = createAutoUpdate({
    isPackaged: app.isPackaged,
    isEnabled: () => backend?.updates.settings().checkAutomatically ?? false,
    onReady: (update) => backend?.updates.ready(update),
    // What before-quit does, earlier: on macOS the installer closes the windows before before-quit comes.
    beforeRestart: () => {
      shuttingDown = true;
      quickWindow?.destroy();
      quickWindow = null;
    },
    log,
    // The Electron end-to-end tests check at once instead of after start-up.
    ...(process.env.PARLEY_FIRST_UPDATE_CHECK_MS ? { firstCheckDelayMs: Number(process.env.PARLEY_FIRST_UPDATE_CHECK_MS) } : {}),
  });
  backend = createBackend({
    desktop,
    dataDir: app.getPath('userData'),
    secrets: createKeytarSecretStore('Parley', native.keytarModule),
    isTrustedSender: senders.isTrustedSender,
    nativeBinding: native.betterSqlite3Binding,
    logger: log,
    updates,
  });
  connectIpc(ipcMain, backend, senders);
  openMainWindow();
  // Each file is prepared in main and handed to the chat window (files:opened), which explains it in a new conversation.
  openedFiles.attach((filePath) => {
    showMainWindow();
    void backend?.openFile(filePath).catch((err: unknown) => console.error('Parley: opening a file failed', err));
  });
  openedFiles.add(filePathsFromArgv(process.argv, { isPackaged: app.isPackaged, cwd: process.cwd() }));
  quickWindow = createQuickWindow(paths, {
    onLoadError: (err) => console.error('Parley: the quick-ask window could not load', err),
  });
  senders.trust(quickWindow.window.webContents, paths.quickRendererUrl);
  try {
    const newChat = () => {
      showMainWindow();
      backend?.startNewChat();
    };
    tray = createTray(paths.trayIconFile, { quickAsk: () => quickWindow?.show(), newChat, showMain: showMainWindow, quit: () => app.quit() });
  } catch (err) {
    // Some Linux desktops have no tray: Parley still runs, reachable by its hotkey and a second launch.
    console.error('Parley: no tray icon', err);
  }
  try {
    backend.quickAsk.applyAtStart();
  } catch (err) {
    // An "Open at login" entry that cannot be written is not worth refusing to start over.
    console.error('Parley: applying the quick-ask settings failed', err);
  }
  updates.start();
  setTimeout(() => void encoderFor('o200k_base').catch(() => undefined), TOKENIZER_PRELOAD_MS).unref();
}

function onSecondLaunch(argv: string[], workingDirectory: string): void {
  showMainWindow();
  openedFiles.add(filePathsFromArgv(argv, { isPackaged: app.isPackaged, cwd: workingDirectory }));
}

if (claimSingleInstance(app, onSecondLaunch)) {
  app.enableSandbox();
  // Covers any webContents, including ones not made through createSecureWindow.
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents));
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows until Cmd+Q.
    if (process.platform !== 'darwin') app.quit();
  });
  // macOS "Open with…" and a drop on the dock icon; it can come before ready, so it is held until the backend is up.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openedFiles.add([filePath]);
  });
  // A dock click: the chat window comes back whether it was closed or hidden to the tray.
  app.on('activate', () => {
    if (!mainWindow || hiddenToTray) showMainWindow();
  });
  // Electron does not await before-quit: hold the quit, close the backend (stopping and storing live answers), then quit again.
  app.on('before-quit', (event) => {
    shuttingDown = true;
    updates?.stop();
    quickWindow?.destroy();
    quickWindow = null;
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
  // The hotkey belongs to the system while Parley is not running.
  app.on('will-quit', () => globalShortcut.unregisterAll());
  start().catch((err: unknown) => void fail('Parley could not start', err));
}
