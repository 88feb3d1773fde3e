import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { Updater } from '../../electron/shell/auto-update';

/** electron-updater's autoUpdater as auto-update.ts uses it: checks are counted, downloads are announced by the test. */
export class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = null;
  /** When set, the next checks reject with it, as an offline check or a missing release does. */
  failure: Error | null = null;
  readonly checkForUpdates = vi.fn(async () => {
    if (this.failure) throw this.failure;
    return null;
  });
  readonly quitAndInstall = vi.fn((_isSilent?: boolean, _isForceRunAfter?: boolean) => undefined);
  /** What electron-updater emits once the background download is complete. */
  download(version: string): void {
    this.emit('update-downloaded', { version, files: [], path: `Parley-${version}.zip`, sha512: '', releaseDate: '2026-11-26' });
  }
}
