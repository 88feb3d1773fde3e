import { describe, expect, it } from 'vitest';
import { type ChatWindow } from './pages/chat-window';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-tpl-key-3333');

const picker = (c: ChatWindow) => c.page.getByRole('listbox', { name: 'Prompt templates' });

describe('prompt templates', () => {
  it('opens the library with /, filters as you type, and puts the chosen prompt in the message', async () => {
    await suite.chat.composer.pressSequentially('/');
    await expect.poll(() => picker(suite.chat).getByRole('option').count()).toBe(9);
    await suite.chat.composer.pressSequentially('bug');
    await expect.poll(() => picker(suite.chat).getByRole('option').allTextContents()).toEqual([expect.stringContaining('Find the bug')]);
    await suite.chat.composer.press('Enter');
    await expect.poll(() => suite.chat.composer.inputValue()).toContain('Find the bug in this code');
    expect(await suite.chat.page.getByRole('status').filter({ hasText: 'Template: Find the bug' }).textContent()).toContain('temperature 0.1');

    await suite.chat.composer.pressSequentially('let x = 1 +');
    await suite.chat.composer.press('Enter');
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said: Find the bug in this code');
    expect(suite.session.model.requests.at(-1)!.body.messages!.at(-1)!.content).toMatch(/^Find the bug in this code\. .*\n\nlet x = 1 \+$/s);
    // The template's temperature goes with this answer only.
    expect(suite.session.model.requests.at(-1)!.body.temperature).toBe(0.1);
    await suite.chat.ask('And without a template?');
    await expect.poll(() => suite.chat.answers().nth(1).textContent()).toContain('You said: And without a template?');
    expect(suite.session.model.requests.at(-1)!.body.temperature).toBeUndefined();
  });

  it('closes the list with Escape and then sends "/" text as typed', async () => {
    await suite.chat.composer.pressSequentially('/sum');
    await expect.poll(() => picker(suite.chat).isVisible()).toBe(true);
    await suite.chat.composer.press('Escape');
    await expect.poll(() => picker(suite.chat).count()).toBe(0);
    await suite.chat.composer.press('Enter');
    await expect.poll(() => suite.chat.questions().first().textContent()).toContain('/sum');
  });

  it('adds a template in Settings that / then offers', async () => {
    const settings = await suite.chat.openSettings();
    await settings.root.getByRole('button', { name: 'Add template' }).click();
    await settings.root.getByLabel('Template name').fill('Haiku');
    await settings.root.getByLabel('Template prompt').fill('Write a haiku about');
    await settings.root.getByLabel('Template temperature').fill('1.2');
    await settings.root.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => settings.root.getByRole('button', { name: 'Edit Haiku' }).isVisible()).toBe(true);
    await settings.root.getByRole('button', { name: 'Cancel' }).click();

    await suite.chat.composer.pressSequentially('/hai');
    await suite.chat.composer.press('Enter');
    await expect.poll(() => suite.chat.composer.inputValue()).toBe('Write a haiku about\n\n');

    await suite.chat.page.reload();
    const again = await suite.chat.openSettings();
    await expect.poll(() => again.root.getByRole('button', { name: 'Edit Haiku' }).isVisible()).toBe(true);
    await again.root.getByRole('button', { name: 'Delete Haiku' }).click();
    await expect.poll(() => again.root.getByRole('button', { name: 'Edit Haiku' }).count()).toBe(0);
  });
});
