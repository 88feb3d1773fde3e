import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the built app's pieces sit relative to the app directory: the repo
 * root under `electron .`, `resources/app.asar` once packaged. Resolved from
 * `app.getAppPath()` rather than `__dirname` so the same code works bundled,
 * unbundled and under test.
 */
export interface AppPaths {
  rendererFile: string;
  /** The chat window's document; IPC from any document that is not one of ours is refused. */
  rendererUrl: string;
  /** The quick-ask popup's page, built by vite next to index.html. */
  quickRendererFile: string;
  quickRendererUrl: string;
  preloadFile: string;
  /** The 1x tray icon; Electron picks `tray-icon@2x.png` beside it on high-density screens. */
  trayIconFile: string;
}

export function appPaths(appDir: string): AppPaths {
  const rendererFile = path.join(appDir, 'out', 'renderer', 'index.html');
  const quickRendererFile = path.join(appDir, 'out', 'renderer', 'quick.html');
  return {
    rendererFile,
    rendererUrl: pathToFileURL(rendererFile).href,
    quickRendererFile,
    quickRendererUrl: pathToFileURL(quickRendererFile).href,
    preloadFile: path.join(appDir, 'out', 'electron', 'preload.cjs'),
    trayIconFile: path.join(appDir, 'out', 'electron', 'assets', 'tray-icon.png'),
  };
}
