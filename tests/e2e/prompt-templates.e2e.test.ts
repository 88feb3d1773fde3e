import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-tpl-key-3333');
});
afterAll(() => session?.close());
beforeEach(async () => {
  session.model.setScenario({ kind: 'echo' });
  chat = new ChatWindow(await session.newPage());
  await chat.open(session.host.url);
});
afterEach(() => chat.page.context().close());

const picker = (c: ChatWindow) => c.page.getByRole('listbox', { name: 'Prompt templates' });

describe('prompt templates', () => {
  it('opens the library with /, filters as you type, and puts the chosen prompt in the message', async () => {
    await chat.composer.pressSequentially('/');
    await expect.poll(() => picker(chat).getByRole('option').count()).toBe(6);
    await chat.composer.pressSequentially('bug');
    await expect.poll(() => picker(chat).getByRole('option').allTextContents()).toEqual([expect.stringContaining('Find the bug')]);
    await chat.composer.press('Enter');
    await expect.poll(() => chat.composer.inputValue()).toContain('Find the bug in this code');
    expect(await chat.page.getByRole('status').filter({ hasText: 'Template: Find the bug' }).textContent()).toContain('temperature 0.1');

    await chat.composer.pressSequentially('let x = 1 +');
    await chat.composer.press('Enter');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Find the bug in this code');
    expect(session.model.requests.at(-1)!.body.messages!.at(-1)!.content).toMatch(/^Find the bug in this code\. .*\n\nlet x = 1 \+$/s);
    // The template's temperature goes with this answer only.
    expect(session.model.requests.at(-1)!.body.temperature).toBe(0.1);
    await chat.ask('And without a template?');
    await expect.poll(() => chat.answers().nth(1).textContent()).toContain('You said: And without a template?');
    expect(session.model.requests.at(-1)!.body.temperature).toBeUndefined();
  });

  it('closes the list with Escape and then sends "/" text as typed', async () => {
    await chat.composer.pressSequentially('/sum');
    await expect.poll(() => picker(chat).isVisible()).toBe(true);
    await chat.composer.press('Escape');
    await expect.poll(() => picker(chat).count()).toBe(0);
    await chat.composer.press('Enter');
    await expect.poll(() => chat.questions().first().textContent()).toContain('/sum');
  });

  it('adds a template in Settings that / then offers', async () => {
    const settings = await chat.openSettings();
    await settings.root.getByRole('button', { name: 'Add template' }).click();
    await settings.root.getByLabel('Template name').fill('Haiku');
    await settings.root.getByLabel('Template prompt').fill('Write a haiku about');
    await settings.root.getByLabel('Template temperature').fill('1.2');
    await settings.root.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => settings.root.getByRole('button', { name: 'Edit Haiku' }).isVisible()).toBe(true);
    await settings.root.getByRole('button', { name: 'Cancel' }).click();

    await chat.composer.pressSequentially('/hai');
    await chat.composer.press('Enter');
    await expect.poll(() => chat.composer.inputValue()).toBe('Write a haiku about\n\n');

    await chat.page.reload();
    const again = await chat.openSettings();
    await expect.poll(() => again.root.getByRole('button', { name: 'Edit Haiku' }).isVisible()).toBe(true);
    await again.root.getByRole('button', { name: 'Delete Haiku' }).click();
    await expect.poll(() => again.root.getByRole('button', { name: 'Edit Haiku' }).count()).toBe(0);
  });
});
