import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

/**
 * The main window's app shell (renderer/index.html): a picture of the empty app in the page itself, shown from
 * the first paint until React's first render replaces it.
 */
let session: E2ESession;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-shell-key-5150'); // no first-run Settings dialog over the app
});
afterAll(() => session?.close());

async function pageWith(options: BrowserContextOptions, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await session.browser.newContext({ viewport: { width: 1100, height: 760 }, ...options });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await run(page);
  } finally {
    await context.close();
  }
}

const box = async (l: Locator) => (await l.boundingBox())!;
const background = (l: Locator) => l.evaluate((e) => getComputedStyle(e).backgroundColor);

/** Where the shell draws each part, and where the app puts it. */
async function layout(page: Page, shell: boolean) {
  const [sidebar, toolbar, input, send, composer] = shell
    ? ['.boot-sidebar', '.boot-toolbar', '.boot-input', '.boot-send', '.boot-composer'].map((s) => page.locator(s))
    : [
        page.getByRole('navigation', { name: 'Conversations' }),
        page.locator('header.toolbar'),
        page.getByRole('textbox', { name: 'Message' }),
        page.getByRole('button', { name: 'Send' }),
        page.locator('form.composer'),
      ];
  return {
    sidebar: await box(sidebar!),
    sidebarColour: await background(sidebar!),
    pageColour: await background(page.locator('html')),
    toolbar: await box(toolbar!),
    input: await box(input!),
    send: await box(send!),
    composerBottom: ((b) => b.y + b.height)(await box(composer!)),
  };
}

describe('the app shell of the main window', () => {
  it('shows the layout of the app without JavaScript, with nothing to press and "Loading Parley…" for assistive tech', async () => {
    await pageWith({ javaScriptEnabled: false }, async (page) => {
      await page.goto(session.host.url);
      for (const text of ['New chat', 'Settings', 'Ask anything. Answers stream in']) expect(await page.getByText(text).first().isVisible(), text).toBe(true);
      expect(await page.locator('.boot-sidebar').evaluate((e) => e.getBoundingClientRect().width)).toBe(260);
      // Nothing a test or a screen reader could take for the app: no control, no landmark, no name of the app's.
      expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Settings' }).count()).toBe(0);
      expect(await page.getByRole('navigation', { name: 'Conversations' }).count()).toBe(0);
      for (const role of ['button', 'textbox', 'navigation', 'main', 'banner', 'heading', 'link'] as const) {
        expect(await page.getByRole(role).count(), role).toBe(0);
      }
      expect(await page.locator('body').ariaSnapshot()).toBe('- paragraph: Loading Parley…');
      expect(await page.locator('#boot-shell').getAttribute('aria-busy')).toBe('true');
      expect(await page.locator('.boot-app').evaluate((e) => (e as HTMLElement).inert)).toBe(true);
    });
  });

  it('is painted while the script loads, and gone with the first render of the app', async () => {
    await pageWith({}, async (page) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held = 0;
      // Holds back the page's entry script (the one <script> in the HTML), so the shell is all there is for a while.
      await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
        held++;
        await released;
        await route.continue();
      });
      await page.goto(session.host.url, { waitUntil: 'commit' });
      await page.getByText('Ask anything. Answers stream in').waitFor();
      // Laid out is not yet painted: on a busy machine the paint comes a little after.
      await expect.poll(() => page.evaluate(() => performance.getEntriesByType('paint').map((e) => e.name))).toContain('first-contentful-paint');
      expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
      expect(held).toBe(1);

      release();
      const chat = new ChatWindow(page);
      await page.getByRole('button', { name: 'Settings', exact: true }).waitFor();
      expect(await page.locator('#boot-shell').count()).toBe(0);
      expect(await page.getByText('Loading Parley…').count()).toBe(0);
      expect(await chat.conversations.isVisible()).toBe(true);
      await chat.ask('Typed after the hand-over');
      await expect.poll(() => chat.answers().first().textContent()).toContain('You said');
    });
  });

  it.each(['light', 'dark'] as const)('draws the sidebar, toolbar and composer where the app puts them, in its %s colours', async (colorScheme) => {
    let shell!: Awaited<ReturnType<typeof layout>>;
    await pageWith({ javaScriptEnabled: false, colorScheme }, async (page) => {
      await page.goto(session.host.url);
      shell = await layout(page, true);
    });
    await pageWith({ colorScheme }, async (page) => {
      await page.goto(session.host.url);
      await page.getByRole('button', { name: 'Settings', exact: true }).waitFor();
      const app = await layout(page, false);
      expect(shell.sidebarColour).toBe(app.sidebarColour);
      expect(shell.pageColour).toBe(app.pageColour);
      for (const part of ['sidebar', 'toolbar', 'input', 'send'] as const) {
        for (const side of ['x', 'width', 'height'] as const) expect(shell[part][side], `${part} ${side}`).toBeCloseTo(app[part][side], 0);
      }
      expect(shell.sidebar.y).toBe(app.sidebar.y);
      expect(shell.toolbar.y).toBe(app.toolbar.y);
      // The request estimate may already sit under the app's box and lift it; the composer's foot stays put.
      expect(shell.composerBottom).toBeCloseTo(app.composerBottom, 0);
    });
  });

  it('draws the first rows of the conversation list while the app loads, where the app then shows them, from one request', async () => {
    // Created oldest first: the list shows the newest first. One is pinned, one was asked in the quick window.
    for (const [title, origin] of [['Shell row three', 'chat'], ['Shell row two', 'quick'], ['Shell row one', 'chat']] as const) {
      await session.invoke('conversations:create', { title, origin });
    }
    const pinned = (await session.invoke('conversations:create', { title: 'Shell pinned row' })) as { id: string };
    await session.invoke('conversations:setPinned', { id: pinned.id, pinned: true });

    await pageWith({}, async (page) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      let listRequests = 0;
      page.on('request', (r) => void (r.url().includes('/api/invoke/conversations:list') && listRequests++));
      const rowsOf = (rows: Locator) =>
        rows.evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { title: e.querySelector('.conversation-title')?.textContent, y: r.y, height: r.height, width: r.width };
          }),
        );
      const groupsOf = (root: Locator) => root.locator('.group-label').allTextContents();

      await page.goto(session.host.url, { waitUntil: 'commit' });
      const shellRows = page.locator('#boot-shell li');
      await shellRows.first().waitFor();
      const shell = await rowsOf(shellRows);
      const shellGroups = await groupsOf(page.locator('#boot-shell'));
      // (An earlier test of this file leaves a conversation of its own below these.)
      expect(shell.map((r) => r.title).slice(0, 4)).toEqual(['Shell pinned row', 'Shell row one', 'Shell row two', 'Shell row three']);
      expect(shellGroups).toEqual(['Pinned', 'Today']);
      expect(await page.locator('#boot-shell .origin-badge').allTextContents()).toEqual(['Quick']);
      // Still a picture: nothing in it for assistive tech but "Loading Parley…", and the placeholder lines gone.
      expect(await page.locator('body').ariaSnapshot()).toBe('- paragraph: Loading Parley…');
      expect(await page.locator('.boot-line').count()).toBe(0);

      release();
      const chat = new ChatWindow(page);
      await chat.conversation('Shell row one').waitFor();
      expect(await page.locator('#boot-shell').count()).toBe(0);
      const app = await rowsOf(chat.conversations.getByRole('listitem'));
      expect(app.slice(0, shell.length)).toEqual(shell);
      expect(await groupsOf(chat.conversations)).toEqual(shellGroups);
      // The app took the shell's answer instead of asking for the first page again.
      expect(listRequests).toBe(1);
    });
  });

  it('renders the app without a list slow to come, saying it is reading it rather than that there is none', async () => {
    await session.invoke('conversations:create', { title: 'Slow list row' });
    await pageWith({}, async (page) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/api\/invoke\/conversations:list$/, async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(session.host.url);
      const chat = new ChatWindow(page);
      // The first render waits for the list only briefly: the app is there while the list is still on its way.
      await page.getByRole('button', { name: 'Settings', exact: true }).waitFor();
      expect(await chat.conversations.getByRole('status').textContent()).toBe('Reading your conversations…');
      expect(await page.getByText('No conversations yet.').count()).toBe(0);
      release();
      await chat.conversation('Slow list row').waitFor();
      expect(await page.getByText('Reading your conversations…').count()).toBe(0);
    });
  });
});
