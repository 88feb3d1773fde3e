import type { Browser, Page } from 'playwright-core';

declare global {
  interface Window {
    /** performance.now() (milliseconds since navigation began) when the probed input took the focus. */
    __parleyReadyAt?: number;
    /** The same for the app's own input (inside #root): React has loaded and mounted. */
    __parleyAppAt?: number;
  }
}

/**
 * Installed before any page script runs: notes when the textbox with this label first takes the focus. A
 * focused, rendered textbox is one that accepts typing: React attaches its handlers before it commits.
 */
function readyProbe(label: string): void {
  document.addEventListener(
    'focusin',
    (e) => {
      const el = e.target as HTMLElement;
      if (el.getAttribute('aria-label') !== label) return;
      window.__parleyReadyAt ??= performance.now();
      if (el.closest('#root')) window.__parleyAppAt ??= performance.now();
    },
    true,
  );
}

export interface ColdLoad {
  readyMs: number;
  /** Until the app itself (React) has the input: the same as readyMs where the page has no plain box first. */
  appMs: number;
  /** Every script URL the page (and its workers) requested. */
  scripts: string[];
  page: Page;
}

/** A fresh browser context (empty cache) navigating to `url` until the labelled textbox is focused. */
export async function coldLoad(browser: Browser, url: string, label: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 640, height: 560 } });
  const scripts: string[] = [];
  context.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(r.url());
  });
  const page = await context.newPage();
  await page.addInitScript(readyProbe, label);
  await page.goto(url);
  const readyMs = await page.waitForFunction(() => window.__parleyReadyAt, undefined, { timeout: 15_000 }).then((h) => h.jsonValue());
  // It really takes typing, and what was typed is still there once the app has started.
  await page.keyboard.type('x');
  const appMs = await page.waitForFunction(() => window.__parleyAppAt, undefined, { timeout: 15_000 }).then((h) => h.jsonValue());
  const typed = await page.locator('#root').getByRole('textbox', { name: label, exact: true }).inputValue();
  if (typed !== 'x') throw new Error(`${label}: typing did not reach the box (it holds ${JSON.stringify(typed)})`);
  return { readyMs: readyMs!, appMs: appMs!, scripts, page };
}

/**
 * On a loaded, idle quick page: the focus is moved away (as when the window hid), then the host is asked to
 * show the window, as the hotkey does; timed in the page from the request to the Ask box having the focus.
 */
export async function showToFocus(page: Page, times: number): Promise<{ pageMs: number[]; fromHostMs: number[] }> {
  return page.evaluate(async (n) => {
    const token = sessionStorage.getItem('parley.hostToken') ?? '';
    const ask = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Ask"]')!;
    const pageMs: number[] = [];
    const fromHostMs: number[] = [];
    for (let i = 0; i < n; i++) {
      ask.blur();
      await new Promise((r) => setTimeout(r, 40));
      const focused = new Promise<number>((r) => ask.addEventListener('focus', () => r(performance.now()), { once: true }));
      const t0 = performance.now();
      const shown = fetch('./api/host/showQuick', { method: 'POST', headers: { 'x-parley-token': token } }).then((res) => res.json() as Promise<{ at: number }>);
      const t1 = await focused;
      pageMs.push(t1 - t0);
      // The host's clock and the page's are the same machine's: from the show itself to the focus.
      fromHostMs.push(performance.timeOrigin + t1 - (await shown).at);
    }
    return { pageMs, fromHostMs };
  }, times);
}
