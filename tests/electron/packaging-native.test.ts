import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareNative } from '../../electron/tools/prepare-native';

/** The native modules as packaging builds them: per architecture, beside (never over) the build `npm start` uses. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const hook = require(path.join(repoRoot, 'electron', 'tools', 'before-pack.cjs')) as {
  default: (context: unknown) => Promise<void>;
  prepareNativeArgs: (context: unknown) => string[];
};
const { Arch } = require('builder-util') as { Arch: Record<string, number> };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function touch(file: string, content = ''): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** An app whose Electron build for `arch` is already in `root` (relative to the app), stamped. */
function appBuiltIn(root: string, arch: string): string {
  const appDir = mkdtempSync(path.join(os.tmpdir(), 'parley-pack-native-'));
  dirs.push(appDir);
  touch(path.join(appDir, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.11.1' }));
  touch(path.join(appDir, 'node_modules', 'keytar', 'package.json'), JSON.stringify({ version: '7.9.0' }));
  const dir = path.join(appDir, root);
  touch(path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'addon');
  touch(path.join(dir, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'), 'addon');
  touch(path.join(dir, 'stamp.json'), JSON.stringify({ electron: '45.5.0', platform: process.platform, arch, modules: { 'better-sqlite3': '12.11.1', keytar: '7.9.0' } }));
  return appDir;
}

const otherArch = process.arch === 'arm64' ? 'x64' : 'arm64';

describe('native modules for another architecture (the second half of a universal macOS build)', () => {
  it("are built in .native/electron-<version>-<arch>, never over the one `npm start` loads", async () => {
    const appDir = appBuiltIn(path.join('.native', `electron-45.5.0-${otherArch}`), otherArch);
    const modulesDir = await prepareNative({ appDir, electronVersion: '45.5.0', arch: otherArch, log: () => undefined, echo: false });
    expect(modulesDir).toBe(path.join(appDir, '.native', `electron-45.5.0-${otherArch}`, 'node_modules'));
  });

  it("for this machine's own architecture, are the ones `npm start` uses", async () => {
    const appDir = appBuiltIn(path.join('.native', 'electron-45.5.0'), process.arch);
    const modulesDir = await prepareNative({ appDir, electronVersion: '45.5.0', arch: process.arch, log: () => undefined, echo: false });
    expect(modulesDir).toBe(path.join(appDir, '.native', 'electron-45.5.0', 'node_modules'));
  });
});

describe("electron-builder's beforePack hook", () => {
  const context = (arch: string) => ({ packager: { projectDir: repoRoot }, arch: Arch[arch], electronPlatformName: 'darwin' });

  it('stages the native modules for the architecture being packed', () => {
    for (const arch of ['x64', 'arm64']) {
      const args = hook.prepareNativeArgs(context(arch));
      expect(args.slice(1)).toEqual([path.join(repoRoot, 'electron', 'tools', 'prepare-native.ts'), '--stage', `--arch=${arch}`]);
      expect(args[0]).toBe(require.resolve('tsx/cli'));
    }
  });

  it('is the default export electron-builder calls', () => {
    expect(typeof hook.default).toBe('function');
  });
});
