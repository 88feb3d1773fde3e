import { describe, expect, it } from 'vitest';
import { type ChatWindow } from './pages/chat-window';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-keys-key-1111');

const background = (c: ChatWindow) => c.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

describe('keyboard and looks', () => {
  it('switches to the dark theme at once and keeps it after a reload', async () => {
    const settings = await suite.chat.openSettings();
    await settings.root.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => suite.chat.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background(suite.chat)).toBe('rgb(30, 31, 34)');
    await suite.chat.page.reload();
    await expect.poll(() => background(suite.chat)).toBe('rgb(30, 31, 34)');

    await (await suite.chat.openSettings()).root.getByLabel('Theme').selectOption('light');
    await expect.poll(() => background(suite.chat)).toBe('rgb(255, 255, 255)');
  });

  it('follows the system theme when set to System', async () => {
    await (await suite.chat.openSettings()).root.getByLabel('Theme').selectOption('system');
    await suite.chat.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(suite.chat)).toBe('rgb(30, 31, 34)');
    await suite.chat.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(suite.chat)).toBe('rgb(255, 255, 255)');
  });

  it('lists the shortcuts in a sheet opened from the keyboard or the toolbar', async () => {
    await suite.chat.page.keyboard.press('Control+/');
    const sheet = suite.chat.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.textContent()).toContain('New chat');
    await suite.chat.page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    await suite.chat.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.poll(() => sheet.isVisible()).toBe(true);
  });

  it('moves between conversations, starts a new chat and focuses the message box by keyboard', async () => {
    for (const q of ['First by keyboard', 'Second by keyboard']) {
      await suite.chat.page.keyboard.press('Control+Shift+O');
      await suite.chat.ask(q);
      await expect.poll(() => suite.chat.answers().first().textContent()).toContain(`You said: ${q}`);
    }
    await suite.chat.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => suite.chat.page.getByRole('main').getAttribute('aria-label')).toBe('First by keyboard');
    await suite.chat.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => suite.chat.page.getByRole('main').getAttribute('aria-label')).toBe('Second by keyboard');

    await suite.chat.page.getByRole('button', { name: 'Settings', exact: true }).focus();
    await suite.chat.page.keyboard.press('Shift+Escape');
    expect(await suite.chat.composer.evaluate((el) => el === document.activeElement)).toBe(true);

    await suite.chat.page.keyboard.press('Control+Shift+O');
    await expect.poll(() => suite.chat.page.getByRole('main').getAttribute('aria-label')).toBe('New chat');
  });
});
