import type { App } from 'electron';

/**
 * One Parley at a time: two processes on one SQLite file and one set of
 * streams would race. A second launch quits at once and the first one shows
 * its window instead. Returns whether this process is the one that runs.
 */
export function claimSingleInstance(app: App, onSecondLaunch: (argv: string[], workingDirectory: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // The second launch's command line comes along, so `parley notes.txt` while Parley runs opens notes.txt here.
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondLaunch(argv, workingDirectory));
  return true;
}
