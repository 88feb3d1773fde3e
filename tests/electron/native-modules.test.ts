import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateNativeModules, NativeModulesMissingError } from '../../electron/shell/native-modules';
import { cleanBuildEnv, gypArgs, NativeBuildError, prepareNative, stageNative } from '../../electron/tools/prepare-native';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'parley-native-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function touch(file: string, content = ''): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** An app directory whose node_modules holds just the two packages' manifests, and (optionally) a finished Electron build. */
function appWith({ built }: { built: boolean }): string {
  const appDir = tempDir();
  touch(path.join(appDir, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.11.1' }));
  touch(path.join(appDir, 'node_modules', 'keytar', 'package.json'), JSON.stringify({ version: '7.9.0' }));
  if (built) {
    const root = path.join(appDir, '.native', 'electron-45.5.0');
    touch(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'addon');
    touch(path.join(root, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'), 'addon');
    touch(path.join(root, 'node_modules', 'keytar', 'package.json'), '{}');
    touch(path.join(root, 'node_modules', 'keytar', 'lib', 'keytar.js'), '');
    touch(
      path.join(root, 'stamp.json'),
      JSON.stringify({ electron: '45.5.0', platform: process.platform, arch: process.arch, modules: { 'better-sqlite3': '12.11.1', keytar: '7.9.0' } }),
    );
  }
  return appDir;
}

describe('where main finds the native modules', () => {
  it('under `electron .`, in .native/electron-<version>', () => {
    const paths = locateNativeModules({ appDir: '/repo', isPackaged: false, electronVersion: '45.5.0', exists: () => true });
    expect(paths).toEqual({
      betterSqlite3Binding: path.join('/repo', '.native', 'electron-45.5.0', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      keytarModule: path.join('/repo', '.native', 'electron-45.5.0', 'node_modules', 'keytar'),
    });
  });

  it('once packaged, in out/native inside the app', () => {
    const paths = locateNativeModules({ appDir: '/Applications/Parley.app/Contents/Resources/app.asar', isPackaged: true, electronVersion: '45.5.0', exists: () => true });
    expect(paths.keytarModule).toBe(path.join('/Applications/Parley.app/Contents/Resources/app.asar', 'out', 'native', 'keytar'));
  });

  it('never falls back to the Node build in node_modules: it says what to run instead', () => {
    const missing = () => locateNativeModules({ appDir: '/repo', isPackaged: false, electronVersion: '45.5.0', exists: () => false });
    expect(missing).toThrow(NativeModulesMissingError);
    expect(missing).toThrow(/Run `npm start`/);
    expect(() => locateNativeModules({ appDir: '/a', isPackaged: true, electronVersion: '45.5.0', exists: () => false })).toThrow(/npm run dist/);
  });
});

describe('prepare-native', () => {
  it("ignores npm's nodedir/target settings, which would silently build for Node, but keeps network settings", () => {
    const env = cleanBuildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cafile: '/etc/ssl/ca.pem',
      HTTPS_PROXY: 'http://proxy:3128',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_https_proxy: 'http://proxy:3128', npm_config_cafile: '/etc/ssl/ca.pem', HTTPS_PROXY: 'http://proxy:3128' });
  });

  it('builds against Electron with the flags @electron/rebuild uses', () => {
    const args = gypArgs('rebuild', { appDir: '/repo', electronVersion: '45.5.0', arch: 'arm64', devdir: '/cache' });
    expect(args).toEqual([
      'rebuild',
      '--target=45.5.0',
      '--arch=arm64',
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      '--devdir=/cache',
      '--release',
      '--build-from-source',
    ]);
  });

  it('does nothing when the stamp says this Electron build is already there', async () => {
    const appDir = appWith({ built: true });
    const lines: string[] = [];
    const modulesDir = await prepareNative({ appDir, electronVersion: '45.5.0', distUrl: 'http://127.0.0.1:1', log: (l) => lines.push(l) });
    expect(lines).toEqual([expect.stringMatching(/already built for Electron 45\.5\.0/)]);
    expect(modulesDir).toBe(path.join(appDir, '.native', 'electron-45.5.0', 'node_modules'));
  });

  it('explains clearly when Electron headers cannot be downloaded, leaving node_modules alone', async () => {
    const appDir = appWith({ built: false });
    // A port nothing listens on refuses at once, as an offline machine does.
    const distUrl = `http://127.0.0.1:${await closedPort()}`;
    const attempt = prepareNative({ appDir, electronVersion: '45.5.0', distUrl, devdir: path.join(appDir, 'gyp-cache'), log: () => undefined, echo: false });
    await expect(attempt).rejects.toThrow(NativeBuildError);
    await expect(attempt).rejects.toThrow(/Could not get Electron 45\.5\.0's headers.*download failed/s);
    await expect(attempt).rejects.toThrow(/PARLEY_ELECTRON_DIST_URL.*PARLEY_ELECTRON_NODEDIR.*`npm test`/s);
    expect(readdirSync(path.join(appDir, 'node_modules', 'better-sqlite3'))).toEqual(['package.json']);
    expect(existsSync(path.join(appDir, '.native', 'electron-45.5.0', 'stamp.json'))).toBe(false);
  }, 60_000);

  it('stages only the runtime files for packaging', () => {
    const appDir = appWith({ built: true });
    const staged = stageNative(appDir, path.join(appDir, '.native', 'electron-45.5.0', 'node_modules'));
    expect(staged).toBe(path.join(appDir, 'out', 'native'));
    expect(locateNativeModules({ appDir, isPackaged: true, electronVersion: '45.5.0' }).keytarModule).toBe(path.join(staged, 'keytar'));
  });
});
