/**
 * `npm run dist [-- electron-builder options]`: installers for this OS.
 *
 * Checks first that Electron can be had, because electron-builder downloads
 * Electron's release zip for each target and, without network, fails deep in
 * its downloader with a bare socket error. Then the app build, then
 * electron-builder with electron-builder.yml (its beforePack hook builds the
 * native modules for Electron per architecture).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, findElectronBinary } from './electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export class DistPreflightError extends Error {}

export interface PreflightInput {
  appDir: string;
  env?: NodeJS.ProcessEnv;
  /** The installed Electron binary, or null; defaults to looking in node_modules/electron. */
  binary?: string | null;
}

/**
 * The installed binary stands for "Electron's release server can be reached
 * from here": `npm install` fetched it from the same place electron-builder
 * will. A mirror (ELECTRON_MIRROR) or an unpacked Electron (electronDist)
 * says the person has arranged it another way, so the check steps aside.
 */
export function distPreflight({ appDir, env = process.env, binary = findElectronBinary(appDir, env) }: PreflightInput): void {
  if (binary || env.ELECTRON_MIRROR || env.electron_config_mirror || env.PARLEY_DIST_NO_CHECK) return;
  const version = electronVersion(appDir);
  throw new DistPreflightError(
    `Cannot build installers here: Electron ${version} is not installed (node_modules/electron has no dist/), which means its release ` +
      `server could not be reached when \`npm install\` ran. electron-builder needs the same downloads: Electron ${version} for ` +
      `${process.platform} (and both macOS architectures for the universal build), and Electron's headers to build better-sqlite3 and keytar.\n` +
      'Build on a machine with network access (the GitHub Actions workflow in .github/workflows/ci.yml builds all three systems), ' +
      'or set ELECTRON_MIRROR to a mirror of Electron releases (PARLEY_DIST_NO_CHECK=1 skips this check).\n' +
      'Nothing was built or changed.',
  );
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
}

function main(): void {
  distPreflight({ appDir: root });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  run(npm, ['run', 'build']);
  run(npx, ['electron-builder', '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`\ndist: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
