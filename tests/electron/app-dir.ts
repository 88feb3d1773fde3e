import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { devNativeRoot, nativeModulePaths } from '../../electron/shell/native-modules';

/**
 * A throwaway app directory laid out as `electron .` sees the repo: native
 * modules under .native/electron-<version>/. In Node, the "Electron build" of
 * better-sqlite3 is simply the Node one (same process, same ABI), and keytar
 * is a small in-memory stand-in, so a test can tell it was loaded from here.
 */
export interface AppDir {
  appDir: string;
  userData: string;
  /** What the stand-in keytar holds, keyed `service/account`. */
  keychain: Map<string, string>;
  cleanup(): void;
}

const fakeKeytar = `
const store = (globalThis.__parleyFakeKeytar ??= new Map());
module.exports = {
  async getPassword(service, account) { return store.get(service + '/' + account) ?? null; },
  async setPassword(service, account, password) { store.set(service + '/' + account, password); },
  async deletePassword(service, account) { return store.delete(service + '/' + account); },
  async findCredentials(service) {
    return [...store].filter(([k]) => k.startsWith(service + '/')).map(([k, password]) => ({ account: k.slice(service.length + 1), password }));
  },
};
`;

export function makeAppDir(electronVersion: string): AppDir {
  const appDir = mkdtempSync(path.join(os.tmpdir(), 'parley-app-'));
  const userData = path.join(appDir, 'user-data');
  const native = nativeModulePaths(path.join(devNativeRoot(appDir, electronVersion), 'node_modules'));

  mkdirSync(path.dirname(native.betterSqlite3Binding), { recursive: true });
  const nodeBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
  copyFileSync(nodeBuild, native.betterSqlite3Binding);

  mkdirSync(path.join(native.keytarModule, 'build', 'Release'), { recursive: true });
  writeFileSync(path.join(native.keytarModule, 'package.json'), JSON.stringify({ name: 'keytar', main: 'index.js' }));
  writeFileSync(path.join(native.keytarModule, 'index.js'), fakeKeytar);
  writeFileSync(path.join(native.keytarModule, 'build', 'Release', 'keytar.node'), '');

  const holder = globalThis as typeof globalThis & { __parleyFakeKeytar?: Map<string, string> };
  holder.__parleyFakeKeytar = new Map();
  return {
    appDir,
    userData,
    keychain: holder.__parleyFakeKeytar,
    cleanup: () => rmSync(appDir, { recursive: true, force: true }),
  };
}
