import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** .github/workflows/ci.yml: the whole suite and the installers on macOS, Windows and Linux. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
// js-yaml comes with electron-builder; the workflow is plain YAML that it reads as GitHub does.
const yaml = require('js-yaml') as { load(text: string): unknown };

type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { 'runs-on': string; strategy?: { matrix: { os: string[] } }; steps: Step[] };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const workflow = yaml.load(readFileSync(path.join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8')) as Workflow;
const [job] = Object.values(workflow.jobs) as [Job];
const runs = job.steps.map((s) => s.run ?? '');
const indexOfRun = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));

describe('the GitHub Actions workflow', () => {
  it('runs on pushes and pull requests, on macOS, Windows and Linux', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy!.matrix.os.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it('uses Node 20 and installs with npm ci', () => {
    const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect(node?.with?.['node-version']).toBe(20);
    expect(indexOfRun(/^npm ci$/m)).toBeGreaterThan(-1);
  });

  it('installs the Linux packages the keychain and Electron tests need, on Linux only', () => {
    const linux = job.steps.find((s) => /apt-get install/.test(s.run ?? ''))!;
    expect(linux.if).toBe("runner.os == 'Linux'");
    for (const pkg of ['libsecret-1-dev', 'gnome-keyring', 'dbus-x11', 'xvfb']) expect(linux.run).toContain(pkg);
  });

  it('gives the end-to-end suite a Chrome through PARLEY_CHROMIUM, the variable tests/e2e/support/chromium.ts reads', () => {
    const chrome = job.steps.find((s) => s.uses?.startsWith('browser-actions/setup-chrome')) as Step & { id: string };
    const test = job.steps.find((s) => /npm test/.test(s.run ?? ''))!;
    expect(test.env?.PARLEY_CHROMIUM).toBe(`\${{ steps.${chrome.id}.outputs.chrome-path }}`);
    expect(readFileSync(path.join(repoRoot, 'tests', 'e2e', 'support', 'chromium.ts'), 'utf8')).toMatch(/process\.env\.PARLEY_CHROMIUM/);
  });

  it('runs npm test (the whole suite), then npm run dist, then uploads the installers', () => {
    const test = indexOfRun(/\bnpm test\b/);
    const dist = indexOfRun(/^npm run dist$/m);
    expect(test).toBeGreaterThan(indexOfRun(/^npm ci$/m));
    expect(dist).toBeGreaterThan(test);
    const upload = job.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toBeGreaterThan(dist);
    const paths = String(job.steps[upload]!.with!.path);
    for (const installer of ['*.dmg', '*.zip', '*.exe', '*.AppImage', '*.deb', 'latest*.yml']) expect(paths).toContain(`release/${installer}`);
  });
});
