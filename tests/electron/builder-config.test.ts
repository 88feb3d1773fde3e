import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildShell } from '../../electron/tools/build-shell';
import { DistPreflightError, distPreflight } from '../../electron/tools/dist';
import { appIconPng, linuxIconSizes } from '../../electron/tools/make-app-icon';
import { pngSize } from '../../electron/tools/png';

/** electron-builder.yml, checked by electron-builder's own schema and for the two settings the native-module design depends on. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));

type Config = Record<string, unknown> & { files?: unknown; asarUnpack?: string[]; npmRebuild?: boolean; appId?: string; productName?: string; mac?: unknown; win?: unknown; linux?: unknown };

async function loadConfig(): Promise<Config> {
  // Internal modules of electron-builder: the CLI exposes no "validate only" command.
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, file: string, extra: null): Promise<Config>;
    validateConfiguration(config: Config, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(repoRoot, path.join(repoRoot, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it("is valid for electron-builder and names the app", async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('com.parley.app');
    expect(config.productName).toBe('Parley');
  });

  it('never rebuilds node_modules for Electron (that would break `npm test`) and unpacks the staged addons', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('out/native/**');
  });

  it('packs the tray icon build-shell copies to out/electron/assets', async () => {
    const config = await loadConfig();
    const { minimatch } = require('minimatch') as { minimatch(file: string, pattern: string): boolean };
    // getConfig normalises `files` to [{ filter: [...] }].
    const patterns = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    const included = (file: string) =>
      patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(file, p)) && !patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(file, p.slice(1)));
    expect(included('out/electron/assets/tray-icon.png')).toBe(true);
    expect(included('out/electron/assets/tray-icon@2x.png')).toBe(true);
  });
});

type FileAssociation = { ext: string | string[]; name: string; role?: string; rank?: string; mimeType?: string };
type PlatformConfig = { target?: ({ target: string; arch?: string | string[] } | string)[]; icon?: string; fileAssociations?: FileAssociation[] };

const extensions = (list: FileAssociation[] | undefined) => (list ?? []).flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
const targets = (platform: unknown) =>
  ((platform as PlatformConfig).target ?? []).map((t) => (typeof t === 'string' ? { target: t, arch: undefined } : t));

describe('electron-builder.yml: installers', () => {
  it('makes a universal dmg and zip for macOS, NSIS for Windows, an AppImage and a deb for Linux', async () => {
    const config = await loadConfig();
    expect(targets(config.mac)).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' },
    ]);
    expect(targets(config.win).map((t) => t.target)).toEqual(['nsis']);
    expect(targets(config.linux).map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('sets the fuses: no running as Node, no NODE_OPTIONS or --inspect, encrypted cookies, only the integrity-checked app.asar', async () => {
    const config = await loadConfig();
    expect(config.asar).not.toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // The installed electron-builder flips them itself (so no afterPack hook is needed).
    const packager = readFileSync(require.resolve('app-builder-lib/out/platformPackager.js'), 'utf8');
    expect(packager).toMatch(/doAddElectronFuses/);
  });

  it('unpacks the native addons from the asar and leaves the tests\u2019 Node builds out of the package', async () => {
    const config = await loadConfig();
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['out/native/**', '**/*.node']));
    const patterns = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(patterns).toContain('!**/node_modules/better-sqlite3/{build,deps,src}/**');
    expect(patterns).toContain('!**/node_modules/keytar/{build,src}/**');
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('builds the addons per architecture in a beforePack hook that exists and stages with prepare-native', async () => {
    const config = await loadConfig();
    expect(config.beforePack).toBe('./electron/tools/before-pack.cjs');
    const hook = readFileSync(path.join(repoRoot, 'electron', 'tools', 'before-pack.cjs'), 'utf8');
    expect(hook).toMatch(/prepare-native\.ts/);
    expect(hook).toMatch(/--stage/);
    expect(hook).toMatch(/--arch=/);
  });

  it('offers "Open with Parley" as a viewer for text, code, data, PDF and Word files, never as the default', async () => {
    const config = await loadConfig();
    for (const platform of [config.mac, config.linux] as PlatformConfig[]) {
      const list = platform.fileAssociations!;
      expect(extensions(list)).toEqual(expect.arrayContaining(['txt', 'md', 'log', 'csv', 'json', 'pdf', 'docx', 'py', 'ts', 'js']));
      for (const association of list) expect(association).toMatchObject({ role: 'Viewer', rank: 'Alternate', mimeType: expect.any(String) });
    }
    // Top level would reach NSIS, which would make Parley the default for every one of these.
    expect(config.fileAssociations).toBeUndefined();
  });

  it('registers the same extensions on Windows through the NSIS include, as OpenWithProgids', async () => {
    const config = await loadConfig();
    const nsis = config.nsis as { include?: string };
    const script = readFileSync(path.join(repoRoot, nsis.include!), 'utf8');
    const installed = [...script.matchAll(/!insertmacro parleyOpenWith "([^"]+)"/g)].map((m) => m[1]);
    const removed = [...script.matchAll(/!insertmacro parleyOpenWithRemove "([^"]+)"/g)].map((m) => m[1]);
    const wanted = extensions((config.mac as PlatformConfig).fileAssociations);
    expect(installed).toEqual(wanted);
    expect(removed).toEqual(wanted);
    expect(script).toMatch(/OpenWithProgids/);
    expect(script).toMatch(/!macro customInstall/);
    expect(script).toMatch(/!macro customUnInstall/);
  });

  it('has its icons at the paths it names: a 1024 px PNG for macOS and Windows, the Linux sizes in build/icons', async () => {
    const config = await loadConfig();
    for (const platform of [config.mac, config.win] as PlatformConfig[]) {
      expect(pngSize(readFileSync(path.join(repoRoot, platform.icon!)))).toEqual({ width: 1024, height: 1024 });
    }
    const linuxDir = path.join(repoRoot, (config.linux as PlatformConfig).icon!);
    for (const size of linuxIconSizes) {
      expect(pngSize(readFileSync(path.join(linuxDir, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(readdirSync(linuxDir).sort()).toEqual(linuxIconSizes.map((s) => `${s}x${s}.png`).sort());
  });

  it('the committed icons are what make-app-icon draws', () => {
    expect(readFileSync(path.join(repoRoot, 'build', 'icons', '32x32.png')).equals(appIconPng(32))).toBe(true);
  });

  it('publishes to GitHub releases, which electron-updater reads', async () => {
    const config = await loadConfig();
    expect(config.publish).toMatchObject({ provider: 'github', owner: expect.any(String), repo: 'parley' });
  });
});

describe('electron-builder.yml: what is packed', () => {
  it('packs every package main.cjs requires at run time, and leaves out what is bundled', async () => {
    const config = await loadConfig();
    const { minimatch } = require('minimatch') as { minimatch(file: string, pattern: string, options?: { dot?: boolean }): boolean };
    const patterns = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    const excluded = (file: string) => patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(file, p.slice(1), { dot: true }));
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'parley-pack-'));
    try {
      await buildShell(outDir);
      const code = readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
      const all = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!).filter((id) => !builtinModules.includes(id.replace(/^node:/, '')) && id !== 'electron');
      const required = new Set(all.filter((id) => !id.startsWith('./')));
      expect([...required].sort()).toEqual(['better-sqlite3', 'electron-updater']);
      for (const id of required) expect(excluded(`node_modules/${id}/package.json`), id).toBe(false);
      // The packages main loads at first use (electron/tools/lazy-vendor.ts) are files beside main.cjs, packed with out/.
      const vendor = [...new Set(all.filter((id) => id.startsWith('./')))].sort();
      expect(vendor).toEqual(['./vendor/mammoth.cjs', './vendor/openai.cjs', './vendor/unpdf.cjs']);
      for (const file of vendor) {
        expect(existsSync(path.join(outDir, file)), file).toBe(true);
        expect(excluded(path.posix.join('out/electron', file)), file).toBe(false);
      }
      // The tokenizer is required by name from node_modules (its rank tables are chosen at run time): it is packed.
      expect(code).toContain('gpt-tokenizer/GptEncoding');
      expect(excluded('node_modules/gpt-tokenizer/cjs/GptEncoding.js')).toBe(false);
      expect(excluded('node_modules/gpt-tokenizer/cjs/bpeRanks/o200k_base.js')).toBe(false);
      // better-sqlite3's JavaScript is loaded from node_modules (with out/native's addon): its lib/ stays.
      expect(excluded('node_modules/better-sqlite3/lib/index.js')).toBe(false);
      expect(excluded('node_modules/openai/index.js')).toBe(true);
      expect(excluded('node_modules/react-dom/index.js')).toBe(true);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('never packs Electron itself (electron-builder refuses it in dependencies)', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies['electron-updater']).toBeDefined();
  });
});

describe('npm run dist', () => {
  it('goes through dist.ts', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toBe('tsx electron/tools/dist.ts');
  });

  it('stops before building, saying why and what to do, when Electron could not be downloaded', () => {
    expect(() => distPreflight({ appDir: repoRoot, env: {}, binary: null })).toThrow(DistPreflightError);
    expect(() => distPreflight({ appDir: repoRoot, env: {}, binary: null })).toThrow(/Electron \d+\.\d+\.\d+ is not installed[\s\S]*network access[\s\S]*Nothing was built/);
  });

  it('goes ahead where Electron is installed or a mirror is set', () => {
    expect(() => distPreflight({ appDir: repoRoot, env: {}, binary: '/opt/electron/electron' })).not.toThrow();
    expect(() => distPreflight({ appDir: repoRoot, env: { ELECTRON_MIRROR: 'https://mirror.example/electron/' }, binary: null })).not.toThrow();
  });
});
