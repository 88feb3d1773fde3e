import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page, Response } from 'playwright-core';

declare global {
  interface Window {
    /** performance.now() of the first paint and first contentful paint, from a PerformanceObserver. */
    __coldPaint?: { fp?: number; fcp?: number };
    /** performance.now() when the app's conversation list (React's) had its first item in the DOM. */
    __coldListAt?: number;
    /** performance.now() when the app shell's picture of the list (renderer/boot/shell-list.ts) had its first row. */
    __coldShellListAt?: number;
  }
}

/**
 * Installed before any page script: paint entries from a buffered PerformanceObserver, and a MutationObserver
 * noting when the shell's first row of the list is in the DOM and when the app's is (the first item, role
 * listitem, of the Conversations navigation).
 */
function coldProbe(): void {
  window.__coldPaint = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-paint') window.__coldPaint!.fp ??= e.startTime;
      if (e.name === 'first-contentful-paint') window.__coldPaint!.fcp ??= e.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  const seen = new MutationObserver(() => {
    if (document.querySelector('#boot-shell li')) window.__coldShellListAt ??= performance.now();
    if (document.querySelector('nav[aria-label="Conversations"] li')) {
      window.__coldListAt ??= performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
}

export interface ColdPageLoad {
  firstPaintMs: number;
  fcpMs: number;
  /** When a row of the list was first shown, the shell's or the app's; NaN without a list (quick page, empty database). */
  listMs: number;
  /** When the app's own list (React's, in the Conversations navigation) had its first item; NaN as for listMs. */
  appListMs: number;
  /** When the shell's picture of the list had its first row; NaN if React's list came first or there is none. */
  shellListMs: number;
  /** Script responses: URL and gzip size of the body, once `readScripts` has read them. */
  scripts: { url: string; gzipBytes: number; rawBytes: number }[];
  /** Reads the scripts fetched so far into `scripts`; call once the timings are taken. */
  readScripts(): Promise<void>;
  page: Page;
}

/** A fresh context (empty cache) navigating to `url`; waits for the paints and, if `list`, the list's first item. */
export async function coldPageLoad(browser: Browser, url: string, list: boolean): Promise<ColdPageLoad> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  // Bodies are read and compressed only once the load is measured: the host serving this page runs in this
  // process, and a synchronous gzip in the middle of the load would hold up its answer to the list request.
  const responses: Response[] = [];
  context.on('response', (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) responses.push(r);
  });
  const page = await context.newPage();
  await page.addInitScript(coldProbe);
  await page.goto(url);
  const paint = await page
    .waitForFunction(() => (window.__coldPaint?.fcp !== undefined ? window.__coldPaint : undefined), undefined, { timeout: 30_000 })
    .then((h) => h.jsonValue() as Promise<{ fp?: number; fcp: number }>);
  let appListMs = Number.NaN;
  let shellListMs = Number.NaN;
  if (list) {
    appListMs = (await page.waitForFunction(() => window.__coldListAt, undefined, { timeout: 60_000 }).then((h) => h.jsonValue()))!;
    shellListMs = (await page.evaluate(() => window.__coldShellListAt)) ?? Number.NaN;
  }
  const listMs = Number.isNaN(shellListMs) ? appListMs : Math.min(appListMs, shellListMs);
  const scripts: ColdPageLoad['scripts'] = [];
  async function readScripts(): Promise<void> {
    for (const r of responses.splice(0)) {
      const body = await r.body().catch(() => null);
      if (body) scripts.push({ url: r.url(), rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
    }
  }
  return { firstPaintMs: paint.fp ?? paint.fcp, fcpMs: paint.fcp, listMs, appListMs, shellListMs, scripts, readScripts, page };
}

export interface RendererMemory {
  pid: number;
  /** Private_Clean + Private_Dirty from /proc/<pid>/smaps_rollup: pages only this process maps. */
  privateBytes: number;
  /** RssAnon from /proc/<pid>/status. */
  rssAnonBytes: number;
  vmRssBytes: number;
  renderers: number;
}

const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;

/**
 * The renderer processes the browser reports (CDP SystemInfo.getProcessInfo), read from /proc: the largest
 * private figure is the page's (with one page open, other renderers are spare ones a few MB in size).
 */
export async function rendererMemory(browser: Browser): Promise<RendererMemory> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  try {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const rows = info.processInfo
      .filter((p) => p.type === 'renderer')
      .map((p) => {
        const rollup = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8');
        const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
        return {
          pid: p.id,
          privateBytes: kb(rollup, 'Private_Clean') + kb(rollup, 'Private_Dirty'),
          rssAnonBytes: kb(status, 'RssAnon'),
          vmRssBytes: kb(status, 'VmRSS'),
        };
      })
      .sort((a, b) => b.privateBytes - a.privateBytes);
    if (!rows.length) throw new Error('the browser reported no renderer process');
    return { ...rows[0]!, renderers: rows.length };
  } finally {
    await cdp.detach();
  }
}
