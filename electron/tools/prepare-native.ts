/**
 * Builds Electron's copies of the native addons, leaving node_modules (the
 * Node build the tests use) untouched:
 *
 *   npx tsx electron/tools/prepare-native.ts [--force] [--stage] [--arch=arm64]
 *
 * node_modules/<m> is copied to .native/electron-<version>/node_modules/<m>
 * and rebuilt there with node-gyp against Electron's headers (the flags
 * @electron/rebuild uses). A stamp records what was built, so later runs are
 * instant. --stage also copies the runtime files to out/native for packaging
 * (electron-builder's beforePack hook, electron/tools/before-pack.cjs, runs it
 * per architecture). A build for another architecture than this machine's
 * goes to .native/electron-<version>-<arch>, so it never replaces the one
 * `npm start` loads.
 *
 * Environment: PARLEY_ELECTRON_DIST_URL, a mirror of https://electronjs.org/headers;
 * PARLEY_ELECTRON_NODEDIR, Electron's headers already unpacked (offline builds).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devNativeRoot, nativeModuleNames, nativeModulePaths, stagedNativeDir, type NativeModuleName } from '../shell/native-modules';
import { electronVersion } from './electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const defaultDistUrl = 'https://electronjs.org/headers';

export interface PrepareOptions {
  appDir: string;
  electronVersion: string;
  arch?: string;
  force?: boolean;
  distUrl?: string;
  /** Unpacked headers: when set, nothing is downloaded. */
  nodedir?: string;
  /** Where headers are cached, as @electron/rebuild does. */
  devdir?: string;
  log?: (line: string) => void;
  /** Show node-gyp's output as it runs (default); it is kept for the error message either way. */
  echo?: boolean;
}

interface Stamp {
  electron: string;
  platform: string;
  arch: string;
  modules: Record<NativeModuleName, string>;
}

export class NativeBuildError extends Error {}

function moduleVersion(appDir: string, name: NativeModuleName): string {
  return (JSON.parse(readFileSync(path.join(appDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * node-gyp reads every npm_config_* variable as an option, and they win over
 * the command line. Under `npm start`, a user's `nodedir` (Debian sets it to
 * /usr) or `target` would silently build for Node instead of Electron.
 * Network settings (proxy, cafile) are kept.
 */
export function cleanBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const keep = /^npm_config_(https?_proxy|proxy|noproxy|no_proxy|cafile|ca|strict_ssl)$/i;
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => !/^npm_package_config_node_gyp_/i.test(k) && (!/^npm_config_/i.test(k) || keep.test(k))),
  );
}

export function gypArgs(command: 'install' | 'rebuild', o: PrepareOptions): string[] {
  const args = [
    command,
    `--target=${o.electronVersion}`,
    `--arch=${o.arch ?? process.arch}`,
    `--dist-url=${o.distUrl ?? defaultDistUrl}`,
    '--runtime=electron',
    `--devdir=${o.devdir ?? path.join(os.homedir(), '.electron-gyp')}`,
  ];
  if (o.nodedir) args.push(`--nodedir=${o.nodedir}`);
  if (command === 'rebuild') args.push('--release', '--build-from-source');
  return args;
}

function runGyp(args: string[], cwd: string, echo = true): Promise<{ code: number; output: string }> {
  const gyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [gyp, ...args], { cwd, env: cleanBuildEnv(process.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const networkFailure = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|fetch failed|self.signed|certificate|\b40[34]\b/i;

function headersMessage(o: PrepareOptions, output: string): string {
  const url = `${o.distUrl ?? defaultDistUrl}/v${o.electronVersion}/node-v${o.electronVersion}-headers.tar.gz`;
  const cause = networkFailure.test(output) ? 'the download failed (no network, a proxy, or a certificate problem)' : 'node-gyp could not install them';
  return (
    `Could not get Electron ${o.electronVersion}'s headers, which the native modules (better-sqlite3, keytar) are compiled against: ${cause}.\n` +
    `They come from ${url}. Either run this with network access (it is needed once; the headers are cached),\n` +
    `set PARLEY_ELECTRON_DIST_URL to a mirror, or unpack the headers and set PARLEY_ELECTRON_NODEDIR to that directory.\n` +
    `Nothing in node_modules was changed, so \`npm test\` and \`npm run web\` still work.`
  );
}

function readStamp(file: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function sameStamp(a: Stamp | null, b: Stamp): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A build that loads in this Node was built for Node, whatever the flags said:
 * better-sqlite3 (not N-API) must refuse to load here with a module version error.
 * keytar is N-API, so its one build loads in both and cannot be checked this way.
 */
async function assertNotNodeAbi(binding: string): Promise<void> {
  const probe = spawn(process.execPath, ['-e', `require(${JSON.stringify(binding)})`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  probe.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number>((resolve) => probe.on('close', (c) => resolve(c ?? 1)));
  if (code === 0) throw new NativeBuildError(`${binding} was built for Node ${process.versions.node}, not Electron: check for a nodedir/target setting in npm's config.`);
  if (!/NODE_MODULE_VERSION/.test(stderr)) throw new NativeBuildError(`${binding} does not load: ${stderr.trim().split('\n')[0]}`);
}

export async function prepareNative(o: PrepareOptions): Promise<string> {
  const log = o.log ?? ((line: string) => console.log(`prepare-native: ${line}`));
  const crossArch = o.arch !== undefined && o.arch !== process.arch;
  const nativeRoot = crossArch ? `${devNativeRoot(o.appDir, o.electronVersion)}-${o.arch}` : devNativeRoot(o.appDir, o.electronVersion);
  const modulesDir = path.join(nativeRoot, 'node_modules');
  const stampFile = path.join(nativeRoot, 'stamp.json');
  const stamp: Stamp = {
    electron: o.electronVersion,
    platform: process.platform,
    arch: o.arch ?? process.arch,
    modules: Object.fromEntries(nativeModuleNames.map((m) => [m, moduleVersion(o.appDir, m)])) as Record<NativeModuleName, string>,
  };
  const paths = nativeModulePaths(modulesDir);
  const built = existsSync(paths.betterSqlite3Binding) && existsSync(path.join(paths.keytarModule, 'build', 'Release', 'keytar.node'));
  if (!o.force && built && sameStamp(readStamp(stampFile), stamp)) {
    log(`already built for Electron ${o.electronVersion} (${path.relative(o.appDir, nativeRoot)})`);
    return modulesDir;
  }

  rmSync(stampFile, { force: true });
  mkdirSync(modulesDir, { recursive: true });
  // A package.json at the root stops node-gyp and npm from climbing into the repo's own.
  writeFileSync(path.join(nativeRoot, 'package.json'), JSON.stringify({ private: true, name: 'parley-native', dependencies: stamp.modules }, null, 2));

  if (!o.nodedir) {
    log(`fetching Electron ${o.electronVersion} headers`);
    const { code, output } = await runGyp(gypArgs('install', o), nativeRoot, o.echo);
    if (code !== 0) throw new NativeBuildError(headersMessage(o, output));
  }

  for (const name of nativeModuleNames) {
    const source = path.join(o.appDir, 'node_modules', name);
    const target = path.join(modulesDir, name);
    log(`building ${name}@${stamp.modules[name]} for Electron ${o.electronVersion} (${stamp.arch})`);
    rmSync(target, { recursive: true, force: true });
    // The Node build in build/ must not come along: a stale object tree confuses the rebuild.
    cpSync(source, target, { recursive: true, filter: (src) => path.relative(source, src) !== 'build' });
    const { code, output } = await runGyp(gypArgs('rebuild', o), target, o.echo);
    if (code !== 0) {
      if (networkFailure.test(output) && /download|fetch|request/i.test(output)) throw new NativeBuildError(headersMessage(o, output));
      throw new NativeBuildError(
        `Building ${name} for Electron ${o.electronVersion} failed (see the node-gyp output above). A C/C++ toolchain and Python 3 are needed` +
          `${name === 'keytar' && process.platform === 'linux' ? ', and libsecret-1-dev for keytar' : ''}.`,
      );
    }
  }
  // Another architecture's binary does not load here at all, so the check would prove nothing.
  if (!crossArch) await assertNotNodeAbi(paths.betterSqlite3Binding);

  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  log(`done: ${path.relative(o.appDir, modulesDir)}`);
  return modulesDir;
}

/** Copies only what runs (the addons and keytar's JS) to out/native, which electron-builder packs and unpacks from the asar. */
export function stageNative(appDir: string, modulesDir: string): string {
  const from = nativeModulePaths(modulesDir);
  const staged = stagedNativeDir(appDir);
  const to = nativeModulePaths(staged);
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(path.dirname(to.betterSqlite3Binding), { recursive: true });
  cpSync(from.betterSqlite3Binding, to.betterSqlite3Binding);
  for (const part of ['package.json', 'lib', path.join('build', 'Release', 'keytar.node')]) {
    cpSync(path.join(from.keytarModule, part), path.join(to.keytarModule, part), { recursive: true });
  }
  return staged;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const arch = process.argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length);
  const modulesDir = await prepareNative({
    appDir: root,
    electronVersion: electronVersion(root),
    force: args.has('--force'),
    ...(arch ? { arch } : {}),
    ...(process.env.PARLEY_ELECTRON_DIST_URL ? { distUrl: process.env.PARLEY_ELECTRON_DIST_URL } : {}),
    ...(process.env.PARLEY_ELECTRON_NODEDIR ? { nodedir: process.env.PARLEY_ELECTRON_NODEDIR } : {}),
  });
  if (args.has('--stage')) console.log(`prepare-native: staged ${path.relative(root, stageNative(root, modulesDir))}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`\nprepare-native: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
