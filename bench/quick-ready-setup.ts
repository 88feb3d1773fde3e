import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { startBrowserHost, type BrowserHost } from '../electron/browser-host/server';
import { createSessionSecretStore } from '../electron/services/secrets/session-secret-store';
import { startFakeOpenAI, type FakeOpenAI } from '../tests/fixtures/fake-openai-server';

const root = path.resolve(import.meta.dirname, '..');
export const outDir = path.join(root, 'out', 'bench-quick-ready');

/** What a built file holds: the code a page should not fetch before its first answer. */
export type HeavyKind = 'markdown' | 'math' | 'highlighting';

const heavyModules: [RegExp, HeavyKind][] = [
  [/[\\/]node_modules[\\/](katex|dompurify)[\\/]/, 'math'],
  [/[\\/]node_modules[\\/](lowlight|highlight\.js)[\\/]/, 'highlighting'],
  [/[\\/]node_modules[\\/]marked[\\/]|[\\/]renderer[\\/]components[\\/]markdown[\\/]/, 'markdown'],
];

/**
 * Builds the renderer with its own Vite config into out/bench-quick-ready and returns, per emitted JS file,
 * the heavy kinds of code it holds, read from the bundler's own module list rather than guessed from names.
 */
export async function buildRenderer(): Promise<Map<string, HeavyKind[]>> {
  const result = await build({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'renderer'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const kinds = new Map<string, HeavyKind[]>();
  for (const item of outputs) {
    const name = path.basename(item.fileName);
    if (!name.endsWith('.js')) continue;
    if (item.type === 'chunk') {
      const found = new Set<HeavyKind>();
      for (const id of item.moduleIds) for (const [re, kind] of heavyModules) if (re.test(id)) found.add(kind);
      kinds.set(name, [...found]);
    } else {
      // The highlighter's worker is bundled on its own and emitted as an asset.
      kinds.set(name, /highlight-worker/.test(name) ? ['highlighting'] : []);
    }
  }
  return kinds;
}

export interface BenchHost {
  host: BrowserHost;
  model: FakeOpenAI;
  close(): Promise<void>;
}

/** The real browser host on a fresh data folder, with a key from the environment and a fake model server. */
export async function startBenchHost(): Promise<BenchHost> {
  const model = await startFakeOpenAI();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-quick-'));
  const host = await startBrowserHost({
    port: 0,
    dataDir,
    rendererDir: outDir,
    secrets: createSessionSecretStore(),
    env: { OPENAI_API_KEY: 'sk-bench-quick-ready', OPENAI_BASE_URL: model.baseUrl },
    localProbeUrls: {},
  });
  return {
    host,
    model,
    async close() {
      await host.close();
      await model.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
