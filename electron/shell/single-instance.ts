import type { App } from 'electron';

/**
 * One Parley at a time: two processes on one SQLite file and one set of
 * streams would race. A second launch quits at once and the first one shows
 * its window instead. Returns whether this process is the one that runs.
 */
export function claimSingleInstance(app: App, onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
