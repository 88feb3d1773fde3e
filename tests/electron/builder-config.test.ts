import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** electron-builder.yml, checked by electron-builder's own schema and for the two settings the native-module design depends on. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));

type Config = Record<string, unknown> & { files?: unknown; asarUnpack?: string[]; npmRebuild?: boolean; appId?: string; productName?: string };

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
