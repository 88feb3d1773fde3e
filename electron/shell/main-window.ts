import type { BrowserWindow } from 'electron';
import type { AppPaths } from './app-paths';
import { createSecureWindow } from './window-security';

/** The chat window. Shown once painted, so it never flashes white or half-built. */
export function createMainWindow(paths: AppPaths, onLoadError: (err: unknown) => void = () => undefined): BrowserWindow {
  const win = createSecureWindow({
    preload: paths.preloadFile,
    title: 'Parley',
    width: 1180,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
  });
  win.once('ready-to-show', () => win.show());
  // The document title must not rename the window (the OS task switcher and tests look for "Parley").
  win.on('page-title-updated', (event) => event.preventDefault());
  win.loadFile(paths.rendererFile).catch(onLoadError);
  return win;
}

/** Brings an existing window to the front, as a second launch or a dock click expects. */
export function revealWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
