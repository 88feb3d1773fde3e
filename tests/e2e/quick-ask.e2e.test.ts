import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { QUICK_WINDOW_MAX_HEIGHT, QUICK_WINDOW_WIDTH } from '../../shared/quick-ask';
import { wordsOf } from '../fixtures/fake-openai-server';
import { ChatWindow } from './pages/chat-window';
import { QuickWindow } from './pages/quick-window';
import { SearchPanel } from './pages/search-panel';
import { startE2ESession, type E2ESession } from './support/e2e-session';
import { hostDesktop } from './support/host-desktop';

let session: E2ESession;
let quick: QuickWindow;
const desktop = hostDesktop(() => session.host);
/** Every page a test opened; each holds one events connection of the six Chromium allows per host. */
let pages: Page[] = [];

async function openPage(): Promise<Page> {
  const page = await session.newPage();
  pages.push(page);
  return page;
}

async function openMainWindow(): Promise<ChatWindow> {
  const chat = new ChatWindow(await openPage());
  await chat.open(session.host.url);
  return chat;
}

/** Markdown, math and highlighting code: what the quick window must not load before its first answer. */
const markdownChunk = /^(markdown|katex|lowlight|highlight-worker|purify)[-.]/;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-quick-key-5150');
});
afterAll(() => session?.close());
beforeEach(async () => {
  session.model.setScenario({ kind: 'echo' });
  quick = new QuickWindow(await openPage());
  await quick.open(session.host.quickUrl);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await quick.page.screenshot({ path: `/tmp/parley-e2e-${ctx.task.name.replace(/\W+/g, '-')}.png` }).catch(() => {});
    console.log(session.host.output());
  }
  await Promise.all(pages.map((p) => p.context().close()));
  pages = [];
});

describe('the quick-ask window in a browser', () => {
  it('opens with the question box focused and streams the answer in, loading markdown only with the answer', async () => {
    expect(await quick.askIsFocused()).toBe(true);
    expect((await quick.scriptsLoaded()).filter((f) => markdownChunk.test(f))).toEqual([]);

    const answer = wordsOf('Here is **the answer**, written a word at a time. '.repeat(12) + 'QUICK-END');
    session.model.setScenario({ kind: 'stream', chunks: answer, firstDelayMs: 150, delayMs: 20 });
    await quick.question('What is a quick ask?');
    await expect.poll(() => quick.questions().first().textContent()).toContain('What is a quick ask?');
    await expect.poll(() => quick.stopButton().isVisible()).toBe(true);
    // Part of the answer is on screen while the rest is still being written.
    await expect.poll(() => quick.answers().first().textContent(), { timeout: 10_000 }).toContain('Here is the answer');
    expect(await quick.answers().first().textContent()).not.toContain('QUICK-END');
    await expect.poll(() => quick.answers().first().textContent(), { timeout: 15_000 }).toContain('QUICK-END');
    await expect.poll(() => quick.sendButton().isVisible()).toBe(true);

    // Rendered by the main window's markdown components, fetched once the answer began.
    expect(await quick.answers().first().locator('.markdown strong').first().textContent()).toBe('the answer');
    expect((await quick.scriptsLoaded()).some((f) => f.startsWith('markdown-'))).toBe(true);
    // The window was asked to grow with the answer.
    const heights = (await desktop.called('resizeQuickWindow')).map((c) => c.args[0] as number);
    expect(Math.max(...heights)).toBeGreaterThan(heights[0]!);
  });

  it('takes typing before its script has loaded, and keeps it when the app starts', async () => {
    const page = await openPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(session.host.quickUrl, { waitUntil: 'commit' });
    const ask = page.getByRole('textbox', { name: 'Ask' });
    await expect.poll(() => ask.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('typed early');
    release();
    await page.locator('#root').getByRole('textbox', { name: 'Ask' }).waitFor();
    expect(await ask.inputValue()).toBe('typed early');
    await page.keyboard.type('!');
    expect(await ask.inputValue()).toBe('typed early!');
  });

  it('grows with a long answer up to the largest window, then scrolls the answer under a question box kept in view', async () => {
    // The page as tall as the window can grow.
    await quick.page.setViewportSize({ width: QUICK_WINDOW_WIDTH, height: QUICK_WINDOW_MAX_HEIGHT });
    session.model.setScenario({ kind: 'stream', chunks: wordsOf('One more line of a long answer.\n\n'.repeat(50) + 'LAST-LINE'), delayMs: 1 });
    await quick.question('Something long, please');
    await expect.poll(() => quick.answers().first().textContent(), { timeout: 15_000 }).toContain('LAST-LINE');
    await expect.poll(async () => (await desktop.state()).quickHeight).toBe(QUICK_WINDOW_MAX_HEIGHT);

    const answerArea = quick.page.getByRole('log', { name: 'Answer' });
    await expect.poll(() => answerArea.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
    const box = (await quick.ask.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(await quick.page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
    // It followed the answer to its end.
    await expect.poll(() => answerArea.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2)).toBe(true);
  });

  it('hides on Esc (the host records it) and focuses the question box again when shown', async () => {
    const before = (await desktop.called('hideQuickWindow')).length;
    await quick.ask.press('Escape');
    await expect.poll(async () => (await desktop.called('hideQuickWindow')).length).toBe(before + 1);

    await quick.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await quick.askIsFocused()).toBe(false);
    await desktop.showQuick();
    await expect.poll(() => quick.askIsFocused()).toBe(true);

    // Pinned, it stays up when it loses focus: main is told.
    await quick.pin.click();
    await expect.poll(async () => (await desktop.called('setQuickWindowPinned')).at(-1)?.args).toEqual([true]);
    expect(await quick.pin.getAttribute('aria-pressed')).toBe('true');
    await quick.pin.click();
    await expect.poll(async () => (await desktop.called('setQuickWindowPinned')).at(-1)?.args).toEqual([false]);
  });

  it('stops an answer and keeps what had arrived', async () => {
    session.model.setScenario({ kind: 'stream', chunks: wordsOf('Slowly the answer comes in. '.repeat(40) + 'NEVER-SEEN'), delayMs: 40 });
    await quick.question('Take your time');
    await expect.poll(() => quick.answers().first().textContent(), { timeout: 10_000 }).toContain('Slowly the answer');
    await quick.stopButton().click();
    await expect.poll(() => quick.page.getByRole('article', { name: 'Assistant (stopped)' }).count()).toBe(1);
    expect(await quick.answers().first().textContent()).not.toContain('NEVER-SEEN');
    await expect.poll(() => quick.sendButton().isVisible()).toBe(true);
  });

  it('continues the same conversation with a follow-up, on the model picked', async () => {
    await quick.model.selectOption('gpt-4.1-mini');
    // Shift+Enter starts a new line; Enter sends.
    await quick.ask.fill('First question');
    await quick.ask.press('Shift+Enter');
    await quick.ask.pressSequentially('about owls');
    expect(await quick.ask.inputValue()).toBe('First question\nabout owls');
    await quick.ask.press('Enter');
    await expect.poll(() => quick.answers().first().textContent()).toContain('You said: First question\nabout owls');
    await quick.question('And a follow-up about owls');
    await expect.poll(() => quick.answers().nth(1).textContent()).toContain('You said: And a follow-up about owls');

    const last = session.model.requests.at(-1)!.body;
    expect(last.model).toBe('gpt-4.1-mini');
    expect(last.messages?.filter((m) => m.role !== 'system').map((m) => m.content)).toEqual([
      'First question\nabout owls',
      'You said: First question\nabout owls',
      'And a follow-up about owls',
    ]);
  });

  it('shows the conversation in the main window, both messages, on "Open in main window" and Ctrl+Enter', async () => {
    const chat = await openMainWindow();
    await quick.question('Where do puffins nest?');
    await expect.poll(() => quick.answers().first().textContent()).toContain('You said: Where do puffins nest?');
    await quick.openInMainButton().click();

    const shown = chat.page.getByRole('main', { name: 'Where do puffins nest?' });
    await expect.poll(() => shown.isVisible()).toBe(true);
    await expect.poll(() => chat.messages().count()).toBe(2);
    expect(await chat.questions().first().textContent()).toContain('Where do puffins nest?');
    expect(await chat.answers().first().textContent()).toContain('You said: Where do puffins nest?');
    // Listed with its marker, and the quick window handed over: main shown, quick hidden.
    await expect.poll(() => chat.conversation('Where do puffins nest? (quick ask)').isVisible()).toBe(true);
    const calls = (await desktop.calls()).map((c) => c.method);
    expect(calls.lastIndexOf('showMainWindow')).toBeGreaterThan(-1);
    expect(calls.lastIndexOf('hideQuickWindow')).toBeGreaterThan(calls.lastIndexOf('showMainWindow'));
    // The quick window starts afresh.
    await expect.poll(() => quick.answers().count()).toBe(0);

    await quick.question('Which gull is the largest?');
    await expect.poll(() => quick.answers().first().textContent()).toContain('You said: Which gull is the largest?');
    await quick.ask.press('Control+Enter');
    await expect.poll(() => chat.page.getByRole('main', { name: 'Which gull is the largest?' }).isVisible()).toBe(true);
  });

  it('is found by search in the main window', async () => {
    await quick.question('Tell me about the quokka');
    await expect.poll(() => quick.answers().first().textContent()).toContain('You said: Tell me about the quokka');
    const chat = await openMainWindow();
    const search = new SearchPanel(chat.page);
    await search.type('quokk');
    const hit = search.messageResult(/quokka/);
    await expect.poll(() => hit.first().isVisible()).toBe(true);
    await hit.first().click();
    await expect.poll(() => chat.page.getByRole('main', { name: 'Tell me about the quokka' }).isVisible()).toBe(true);
  });

  it('shows the clipboard text as the quote it sends with the question, when asked to', async () => {
    await desktop.setClipboard('The mitochondria is the powerhouse of the cell.\nSecond line.');
    await expect.poll(() => quick.useClipboard.isChecked()).toBe(false);
    await quick.useClipboard.check();
    await expect.poll(() => quick.clipboardPreview.textContent()).toContain('The mitochondria is the powerhouse of the cell.');
    await quick.question('Explain this');
    await expect.poll(() => quick.answers().first().textContent()).toContain('You said:');

    const sent = session.model.requests.at(-1)!.body.messages!.at(-1)!.content;
    expect(sent).toBe('Explain this\n\n> The mitochondria is the powerhouse of the cell.\n> Second line.');
    // Context for that question only: the follow-up goes alone.
    expect(await quick.useClipboard.isChecked()).toBe(false);
    expect(await quick.clipboardPreview.count()).toBe(0);
  });
});

describe('quick ask in Settings', () => {
  it('changes the hotkey by pressing the new combination, and keeps the old one when it is taken', async () => {
    const chat = await openMainWindow();
    const settings = await chat.openSettings();
    const section = settings.root.getByRole('group', { name: 'Quick ask' });
    const shown = section.getByRole('group', { name: 'Hotkey' });
    await expect.poll(() => shown.getAttribute('data-accelerator')).toBe('CommandOrControl+Shift+Space');

    await section.getByRole('button', { name: 'Change hotkey' }).click();
    await chat.page.keyboard.press('Control+Alt+K');
    await expect.poll(() => shown.getAttribute('data-accelerator')).toBe('CommandOrControl+Alt+K');
    expect(await shown.textContent()).toBe('CtrlAltK');
    expect(((await session.invoke('settings:getQuickAsk', {})) as { hotkey: string }).hotkey).toBe('CommandOrControl+Alt+K');

    await desktop.takeHotkey('CommandOrControl+Shift+J');
    await section.getByRole('button', { name: 'Change hotkey' }).click();
    await chat.page.keyboard.press('Control+Shift+J');
    // Said plainly, in the words the person pressed.
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('Ctrl+Shift+J');
    expect(await shown.getAttribute('data-accelerator')).toBe('CommandOrControl+Alt+K');
    expect(((await session.invoke('settings:getQuickAsk', {})) as { hotkey: string }).hotkey).toBe('CommandOrControl+Alt+K');
    // Escape during capture cancels it without closing Settings.
    await section.getByRole('button', { name: 'Change hotkey' }).click();
    await chat.page.keyboard.press('Escape');
    expect(await settings.root.isVisible()).toBe(true);
  });

  it('saves the background settings, and a new quick window starts with the clipboard on when that is the default', async () => {
    const chat = await openMainWindow();
    const settings = await chat.openSettings();
    for (const label of ['Keep Parley running in the tray when the window closes', 'Open at login', 'Use clipboard text by default']) {
      await settings.root.getByRole('checkbox', { name: label }).check();
    }
    await expect
      .poll(() => session.invoke('settings:getQuickAsk', {}))
      .toMatchObject({ closeToTray: true, openAtLogin: true, useClipboardByDefault: true });

    await desktop.setClipboard('copied words');
    const fresh = new QuickWindow(await openPage());
    await fresh.open(session.host.quickUrl);
    await expect.poll(() => fresh.useClipboard.isChecked()).toBe(true);
    await expect.poll(() => fresh.clipboardPreview.textContent()).toContain('copied words');
    await settings.root.getByRole('checkbox', { name: 'Use clipboard text by default' }).uncheck();
  });
});
