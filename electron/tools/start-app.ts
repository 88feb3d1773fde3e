/**
 * `npm start`: `start-app.ts --check` first (fails fast, before building,
 * when Electron's binary is missing), then the build, then this without
 * flags: builds the native modules for Electron if needed and runs `electron .`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, findElectronBinary, missingElectronMessage } from './electron-binary';
import { prepareNative } from './prepare-native';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const binary = findElectronBinary(root);
  if (!binary) throw new Error(missingElectronMessage);
  if (process.argv.includes('--check')) return;
  await prepareNative({
    appDir: root,
    electronVersion: electronVersion(root),
    ...(process.env.PARLEY_ELECTRON_DIST_URL ? { distUrl: process.env.PARLEY_ELECTRON_DIST_URL } : {}),
    ...(process.env.PARLEY_ELECTRON_NODEDIR ? { nodedir: process.env.PARLEY_ELECTRON_NODEDIR } : {}),
  });
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err: unknown) => {
  console.error(`\nParley: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
