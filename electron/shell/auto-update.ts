import type { UpdateReady } from '../../shared/app-updates';
import type { Logger } from '../services/logging/logger';
import { errorFields } from '../services/logging/redaction';
import type { UpdateControl } from '../services/settings/update-settings';

/** Once a day, as most desktop apps do: often enough for a fix to reach people within a day, rarely enough to cost nothing. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The first check waits for start-up to be over: loading electron-updater and asking GitHub are nothing the first window needs. */
export const FIRST_CHECK_DELAY_MS = 10_000;

/** The part of electron-updater's `autoUpdater` used here; tests inject a fake. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface AutoUpdateOptions {
  /** Only the packaged app updates itself: from source (`npm start`, tests) there is no release to compare with. */
  isPackaged: boolean;
  isEnabled(): boolean;
  /** An update is downloaded: tell the windows. */
  onReady(update: UpdateReady): void;
  /** Just before quitting to install: the chat window must close rather than hide to the tray. */
  beforeRestart?(): void;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * electron-updater, loaded on first use only: it is not needed for the first
   * window, and from source it must never load at all.
   */
  loadUpdater?(): Promise<Updater>;
  intervalMs?: number;
  /** Defaults to FIRST_CHECK_DELAY_MS; 0 checks within start(). */
  firstCheckDelayMs?: number;
}

export interface AutoUpdate extends UpdateControl {
  /** Checks now (when on) and then every interval. */
  start(): void;
  stop(): void;
  /** Resolves when the check under way (if any) has finished; for tests and quit. */
  settled(): Promise<void>;
}

type ElectronUpdaterModule = { autoUpdater?: Updater; default?: { autoUpdater: Updater } };

async function loadElectronUpdater(): Promise<Updater> {
  // In the bundled main.cjs (build-shell.ts defines PARLEY_BUNDLED), a plain require: it reads from app.asar like
  // every other require, with no ESM loader involved. Elsewhere (the tests) the import is what vi.mock replaces.
  const mod: ElectronUpdaterModule =
    process.env.PARLEY_BUNDLED === '1'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
        (require('electron-updater') as ElectronUpdaterModule)
      : ((await import('electron-updater')) as unknown as ElectronUpdaterModule);
  // electron-updater is CommonJS: through import() its getters may only be on the default export.
  const updater = mod.autoUpdater ?? mod.default?.autoUpdater;
  if (!updater) throw new Error('electron-updater has no autoUpdater');
  return updater;
}

/**
 * Checks GitHub releases (electron-builder.yml's publish) at start and once a
 * day while "Check for updates automatically" is on, downloads in the
 * background, and offers a restart once downloaded. A failed check (offline,
 * no release yet, a bad signature) is logged and tried again next time;
 * it never reaches the person as an error.
 */
export function createAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const { log } = options;
  const load = options.loadUpdater ?? loadElectronUpdater;
  let updater: Promise<Updater> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let firstCheck: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;
  let downloaded: UpdateReady | null = null;
  let started = false;

  function getUpdater(): Promise<Updater> {
    updater ??= load().then((u) => {
      u.autoDownload = true;
      u.autoInstallOnAppQuit = true;
      u.logger = {
        info: (message: unknown) => log.info('update', String(message)),
        warn: (message: unknown) => log.warn('update', String(message)),
        error: (message: unknown) => log.error('update', String(message)),
        debug: () => undefined,
      };
      u.on('update-downloaded', (info) => {
        downloaded = { version: info.version };
        log.info('update', 'Update downloaded', { version: info.version });
        options.onReady(downloaded);
      });
      // electron-updater also rejects checkForUpdates for most of these; both end here, logged once each.
      u.on('error', (err) => log.warn('update', 'Updater error', errorFields(err)));
      return u;
    });
    // A module that failed to load is tried again at the next check rather than never.
    updater.catch(() => (updater = null));
    return updater;
  }

  async function runCheck(): Promise<void> {
    try {
      const u = await getUpdater();
      await u.checkForUpdates();
    } catch (err) {
      log.warn('update', 'Update check failed', errorFields(err));
    }
  }

  function check(): void {
    if (!started || checking || downloaded || !options.isEnabled()) return;
    checking = runCheck().finally(() => (checking = null));
  }

  return {
    start() {
      if (!options.isPackaged) {
        log.info('update', 'Not checking for updates: running from source, not the packaged app');
        return;
      }
      if (started) return;
      started = true;
      timer = setInterval(check, options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
      // The daily timer never keeps Parley running on its own.
      timer.unref?.();
      const delay = options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS;
      if (delay <= 0) return check();
      firstCheck = setTimeout(check, delay);
      firstCheck.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (firstCheck) clearTimeout(firstCheck);
      timer = null;
      firstCheck = null;
      started = false;
    },
    settled: () => checking ?? Promise.resolve(),
    setCheckAutomatically(on) {
      if (on) check();
    },
    restartToUpdate() {
      if (!downloaded || !updater) return false;
      const ready = updater;
      options.beforeRestart?.();
      // After this IPC call has answered: quitAndInstall closes the windows that would read the answer.
      setImmediate(() => {
        void ready.then((u) => u.quitAndInstall(false, true)).catch((err: unknown) => log.error('update', 'Restart to update failed', errorFields(err)));
      });
      return true;
    },
  };
}
