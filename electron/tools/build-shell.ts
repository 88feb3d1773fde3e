/**
 * Bundles the Electron shell: main and preload, each one CommonJS file.
 *   npx tsx electron/tools/build-shell.ts
 *
 * - main: everything bundled except Electron itself and the two native
 *   addons, which main loads from the paths native-modules.ts resolves.
 * - preload: CommonJS because sandboxed preloads cannot be ES modules, and
 *   self-contained because a sandboxed preload can only require `electron`.
 * - assets: the tray icon, copied to out/electron/assets, inside what
 *   electron-builder packs (`out/**`).
 */
import { build, type BuildOptions, type Message } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyVendorPlugin, vendorBuilds } from './lazy-vendor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Source written as ES modules uses `import.meta.url` (createKeytarSecretStore's
 * createRequire, for one). esbuild leaves `import.meta` empty in CommonJS
 * output, so it is defined as the bundle's own file URL, which is what the
 * unbundled module would have resolved relative to anyway.
 */
const importMetaUrlShim = {
  inject: [path.join(root, 'electron', 'tools', 'import-meta-url-shim.ts')],
  define: { 'import.meta.url': 'parleyImportMetaUrl' },
};

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

const targets = (outDir: string): BuildOptions[] => [
  {
    ...common,
    ...importMetaUrlShim,
    entryPoints: [path.join(root, 'electron', 'main.ts')],
    outfile: path.join(outDir, 'main.cjs'),
    // Tells code that can only run bundled (auto-update.ts's require of electron-updater) that it is.
    define: { ...importMetaUrlShim.define, 'process.env.PARLEY_BUNDLED': '"1"' },
    target: 'node20',
    // electron-updater is imported lazily, only in the packaged app, where electron-builder packs it in node_modules.
    external: ['electron', 'better-sqlite3', 'keytar', 'electron-updater'],
    plugins: [lazyVendorPlugin()],
  },
  {
    ...common,
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    // Electron 45 runs Chromium 142; es2022 is comfortably inside it.
    target: 'es2022',
    external: ['electron'],
  },
  ...vendorBuilds({ ...common, sourcemap: false }, outDir),
];

function describe(messages: Message[]): string {
  return messages.map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n');
}

export async function buildShell(outDir = path.join(root, 'out', 'electron')): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  for (const options of targets(outDir)) {
    const result = await build(options);
    // An empty import.meta in CommonJS output breaks at run time, not here: refuse it now.
    const fatal = result.warnings.filter((w) => w.id === 'empty-import-meta');
    if (fatal.length > 0) throw new Error(`import.meta would be empty in ${String(options.outfile ?? options.outdir)}:\n${describe(fatal)}`);
  }
  cpSync(path.join(root, 'electron', 'assets'), path.join(outDir, 'assets'), { recursive: true });
  console.log(`build-shell: wrote ${path.relative(root, path.join(outDir, 'main.cjs')) || outDir}, preload.cjs and assets/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildShell().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
