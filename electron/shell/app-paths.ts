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
  /** The one URL our windows show; IPC from any other document is refused. */
  rendererUrl: string;
  preloadFile: string;
}

export function appPaths(appDir: string): AppPaths {
  const rendererFile = path.join(appDir, 'out', 'renderer', 'index.html');
  return {
    rendererFile,
    rendererUrl: pathToFileURL(rendererFile).href,
    preloadFile: path.join(appDir, 'out', 'electron', 'preload.cjs'),
  };
}
