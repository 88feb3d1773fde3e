import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium } from '../tests/e2e/support/chromium';
import { ANSWER_CHARS, benchAnswer } from './md-answer';
import { fmt, type Scenario } from './report';
import { leastOf, max, mean, percentile, sum } from './stats';

const CHUNK_CHARS = 16;
/** Least of this many runs per update: a shared machine's scheduler stalls show in one run, not in three. */
const RUNS = 3;
/** react-markdown takes tens of milliseconds per update at this length: every 50th of its updates is timed, and scaled. */
const BASELINE_EVERY = 50;
const BASELINE_RUNS = 2;

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'out', 'bench-md-dom');

/** The bench page, bundled like the renderer (worker, KaTeX fonts and all). */
async function buildPage(): Promise<void> {
  await build({
    configFile: false,
    root: path.join(root, 'bench', 'md-dom'),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome130' },
  });
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

/** Serves the page over http on loopback: module workers do not start from file: URLs. */
async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const file = path.join(outDir, path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html');
    try {
      const body = await readFile(file.endsWith(path.sep) || file === outDir ? path.join(outDir, 'index.html') : file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/index.html`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const mdDom: Scenario = {
  name: 'md-dom',
  description: `the same ${ANSWER_CHARS / 1000}k answer in ${CHUNK_CHARS}-character updates through the real React components in Chromium, against react-markdown re-rendering the whole message`,
  async run(log) {
    log('  md-dom: building the bench page');
    await buildPage();
    const server = await serve();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.waitForFunction(() => window.mdDom !== undefined);
      await page.evaluate(() => window.mdDom.ready);
      const text = benchAnswer();
      log('  md-dom: warming up');
      await page.evaluate(({ t, c }) => window.mdDom.stream(t, c), { t: text.slice(0, 12_000), c: CHUNK_CHARS });

      const runs: { updates: number[]; arrivals: number[]; html: string }[] = [];
      for (let r = 0; r < RUNS; r++) {
        log(`  md-dom: ours, run ${r + 1} of ${RUNS}`);
        runs.push(await page.evaluate(({ t, c }) => window.mdDom.stream(t, c), { t: text, c: CHUNK_CHARS }));
      }
      const expected = await page.evaluate((t) => window.mdDom.once(t), text);
      const identical = runs.every((r) => r.html === expected) ? 1 : 0;
      const updates = leastOf(runs.map((r) => r.updates));
      const arrivals = leastOf(runs.map((r) => r.arrivals));
      const all = [...updates, ...arrivals];

      const baselineRuns: number[][] = [];
      for (let r = 0; r < BASELINE_RUNS; r++) {
        log(`  md-dom: react-markdown baseline, run ${r + 1} of ${BASELINE_RUNS}`);
        baselineRuns.push(await page.evaluate(({ t, c, e }) => window.mdDom.baseline(t, c, e), { t: text, c: CHUNK_CHARS, e: BASELINE_EVERY }));
      }
      const baseline = leastOf(baselineRuns);
      if (errors.length) throw new Error(`the bench page failed: ${errors.join('; ')}`);

      const oursTotal = sum(all);
      const baselineTotal = mean(baseline) * updates.length;
      const ratio = baselineTotal / oursTotal;
      const p95 = percentile(all, 95);
      const worst = max(all);
      const single = [...runs[0]!.updates, ...runs[0]!.arrivals];
      return {
        metrics: {
          answerChars: text.length,
          updates: updates.length,
          highlightArrivals: arrivals.length,
          totalMs: oursTotal,
          updateP50Ms: percentile(all, 50),
          updateP95Ms: p95,
          updateMaxMs: worst,
          arrivalMaxMs: max(arrivals),
          updatesOver16_7ms: all.filter((t) => t > 16.7).length,
          singleRunP95Ms: percentile(single, 95),
          singleRunMaxMs: max(single),
          speedupX: ratio,
          identicalToOneShot: identical,
        },
        baseline: {
          totalMsEstimated: baselineTotal,
          sampledUpdates: baseline.length,
          updateMeanMs: mean(baseline),
          updateP95Ms: percentile(baseline, 95),
          updateMaxMs: max(baseline),
        },
        checks: [
          {
            metric: 'updateMaxMs',
            label: 'slowest update (no frame missed)',
            value: worst,
            op: '<=',
            limit: 16.7,
            unit: 'ms',
            baseline: { label: 'react-markdown, whole message', value: max(baseline) },
            ratio: { value: worst / max(baseline), reads: 'ours/baseline, lower is better' },
          },
          {
            metric: 'updateP95Ms',
            label: 'update p95',
            value: p95,
            op: '<=',
            limit: 1.5,
            unit: 'ms',
            baseline: { label: 'react-markdown, whole message', value: percentile(baseline, 95) },
            ratio: { value: p95 / percentile(baseline, 95), reads: 'ours/baseline, lower is better' },
            detail: `p50 ${fmt(percentile(all, 50))} ms over ${updates.length} updates and ${arrivals.length} highlight arrivals (arrival max ${fmt(max(arrivals))} ms)`,
          },
          {
            metric: 'speedupX',
            label: 'less time than react-markdown',
            value: ratio,
            op: '>=',
            limit: 10,
            unit: '×',
            baseline: { label: 'react-markdown re-rendering the whole message', value: baselineTotal, unit: 'ms' },
            ratio: { value: ratio, reads: 'baseline/ours, higher is better' },
            detail: `ours ${fmt(oursTotal)} ms in all; react-markdown ${fmt(mean(baseline))} ms per update on ${baseline.length} sampled updates`,
          },
          { metric: 'identicalToOneShot', label: 'DOM identical to rendering the whole text at once', value: identical, op: '==', limit: 1, unit: '' },
        ],
        notes: [
          'an update is timed from render to DOM committed and laid out (flushSync, then a layout read); highlighted code arrives from the worker between updates and its render is timed as an update too',
          `each update's time is the least of ${RUNS} runs; a single run's p95 ${fmt(percentile(single, 95))} ms, max ${fmt(max(single))} ms`,
          `react-markdown timed on every ${BASELINE_EVERY}th update (least of ${BASELINE_RUNS} runs), scaled to all ${updates.length}; it neither highlights nor typesets, which only flatters it`,
        ],
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
