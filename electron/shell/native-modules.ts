import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 and keytar are native addons. node_modules keeps the build
 * for the Node that runs the tests; the app loads copies built for Electron's
 * ABI (electron/tools/prepare-native.ts), so `npm test` and `npm start` never
 * rebuild each other's binaries.
 *
 * - `electron .`: `<repo>/.native/electron-<version>/node_modules/<module>`
 * - packaged: `<app.asar>/out/native/<module>` (staged by prepare-native --stage,
 *   unpacked from the archive by electron-builder's asarUnpack)
 */
export const nativeModuleNames = ['better-sqlite3', 'keytar'] as const;
export type NativeModuleName = (typeof nativeModuleNames)[number];

export interface NativeModulePaths {
  /** For better-sqlite3's `nativeBinding` option. */
  betterSqlite3Binding: string;
  /** For createKeytarSecretStore's module path: the package directory, required as a whole. */
  keytarModule: string;
}

export function devNativeRoot(appDir: string, electronVersion: string): string {
  return path.join(appDir, '.native', `electron-${electronVersion}`);
}

export function stagedNativeDir(appDir: string): string {
  return path.join(appDir, 'out', 'native');
}

export function nativeModulePaths(modulesDir: string): NativeModulePaths {
  return {
    betterSqlite3Binding: path.join(modulesDir, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    keytarModule: path.join(modulesDir, 'keytar'),
  };
}

export class NativeModulesMissingError extends Error {}

export interface LocateOptions {
  appDir: string;
  isPackaged: boolean;
  electronVersion: string | undefined;
  exists?: (file: string) => boolean;
}

export function locateNativeModules({ appDir, isPackaged, electronVersion, exists = existsSync }: LocateOptions): NativeModulePaths {
  const modulesDir = isPackaged
    ? stagedNativeDir(appDir)
    : path.join(devNativeRoot(appDir, electronVersion ?? 'unknown'), 'node_modules');
  const paths = nativeModulePaths(modulesDir);
  const missing = [paths.betterSqlite3Binding, path.join(paths.keytarModule, 'build', 'Release', 'keytar.node')].filter((f) => !exists(f));
  if (missing.length > 0) {
    const how = isPackaged
      ? 'This copy of Parley was packaged without its native modules; rebuild it with `npm run dist`.'
      : `Run \`npm start\` (it builds them with electron/tools/prepare-native.ts) instead of \`electron .\` directly.`;
    throw new NativeModulesMissingError(
      `Parley's native modules for Electron ${electronVersion ?? '(unknown version)'} are missing: ${missing.join(', ')}. ${how}`,
    );
  }
  return paths;
}
