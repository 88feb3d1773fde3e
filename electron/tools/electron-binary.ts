import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable installed under node_modules/electron, or null.
 * Mirrors what `require('electron')` resolves, without its side effect: when
 * the binary is missing, requiring the package starts a download, which on a
 * machine without network fails slowly and noisily.
 */
export function findElectronBinary(appDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = path.join(appDir, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

export function electronVersion(appDir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(appDir, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export const missingElectronMessage =
  "Electron's binary is not installed (node_modules/electron has no dist/), so the desktop app cannot start here. " +
  'Run `npm install` on a machine with network access to download it, or use `npm run web` to run Parley in a browser.';
