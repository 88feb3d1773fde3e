import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-keys-key-1111');
});
afterAll(() => session?.close());
beforeEach(async () => {
  session.model.setScenario({ kind: 'echo' });
  chat = new ChatWindow(await session.newPage());
  await chat.open(session.host.url);
});
afterEach(() => chat.page.context().close());

const background = (c: ChatWindow) => c.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

describe('keyboard and looks', () => {
  it('switches to the dark theme at once and keeps it after a reload', async () => {
    const settings = await chat.openSettings();
    await settings.root.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => chat.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background(chat)).toBe('rgb(30, 31, 34)');
    await chat.page.reload();
    await expect.poll(() => background(chat)).toBe('rgb(30, 31, 34)');

    await (await chat.openSettings()).root.getByLabel('Theme').selectOption('light');
    await expect.poll(() => background(chat)).toBe('rgb(255, 255, 255)');
  });

  it('follows the system theme when set to System', async () => {
    await (await chat.openSettings()).root.getByLabel('Theme').selectOption('system');
    await chat.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(chat)).toBe('rgb(30, 31, 34)');
    await chat.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(chat)).toBe('rgb(255, 255, 255)');
  });

  it('lists the shortcuts in a sheet opened from the keyboard or the toolbar', async () => {
    await chat.page.keyboard.press('Control+/');
    const sheet = chat.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.textContent()).toContain('New chat');
    await chat.page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    await chat.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.poll(() => sheet.isVisible()).toBe(true);
  });

  it('moves between conversations, starts a new chat and focuses the message box by keyboard', async () => {
    for (const q of ['First by keyboard', 'Second by keyboard']) {
      await chat.page.keyboard.press('Control+Shift+O');
      await chat.ask(q);
      await expect.poll(() => chat.answers().first().textContent()).toContain(`You said: ${q}`);
    }
    await chat.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => chat.page.getByRole('main').getAttribute('aria-label')).toBe('First by keyboard');
    await chat.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => chat.page.getByRole('main').getAttribute('aria-label')).toBe('Second by keyboard');

    await chat.page.getByRole('button', { name: 'Settings', exact: true }).focus();
    await chat.page.keyboard.press('Shift+Escape');
    expect(await chat.composer.evaluate((el) => el === document.activeElement)).toBe(true);

    await chat.page.keyboard.press('Control+Shift+O');
    await expect.poll(() => chat.page.getByRole('main').getAttribute('aria-label')).toBe('New chat');
  });
});
