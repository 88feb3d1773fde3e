import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-data-key-2222');
});
afterAll(() => session?.close());
beforeEach(async () => {
  session.model.setScenario({ kind: 'echo' });
  chat = new ChatWindow(await session.newPage());
  await chat.open(session.host.url);
});
afterEach(() => chat.page.context().close());

describe('export and import from Settings', () => {
  it('exports everything and imports it back as a copy', async () => {
    await chat.ask('Round trip me');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Round trip me');

    const settings = await chat.openSettings();
    const [download] = await Promise.all([chat.page.waitForEvent('download'), settings.root.getByRole('button', { name: 'Export everything' }).click()]);
    const file = (await download.path())!;
    await settings.root.getByLabel('Import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: await readFile(file) });
    await expect.poll(() => settings.root.getByRole('status').textContent()).toContain('Imported 1 conversation (2 messages) from a Parley export');
    await settings.root.getByRole('button', { name: 'Cancel' }).click();

    await expect.poll(() => chat.conversations.getByRole('button', { name: 'Round trip me', exact: true }).count()).toBe(2);
    await chat.conversations.getByRole('button', { name: 'Round trip me', exact: true }).nth(1).click();
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Round trip me');
  });

  it('imports a ChatGPT export and shows its conversations', async () => {
    const settings = await chat.openSettings();
    await settings.root.getByLabel('Import').setInputFiles(path.join(import.meta.dirname, '../fixtures/chatgpt-export/conversations.json'));
    await expect.poll(() => settings.root.getByRole('status').textContent()).toContain('Imported 2 conversations (5 messages) from a ChatGPT export');
    await settings.root.getByRole('button', { name: 'Cancel' }).click();
    await chat.conversation('Sourdough starter help').click();
    await expect.poll(() => chat.questions().first().textContent()).toContain('My sourdough starter smells like acetone');
  });

  it('says so plainly when the file is not one it can read', async () => {
    const settings = await chat.openSettings();
    await settings.root.getByLabel('Import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"notes": []}') });
    await expect.poll(() => settings.root.getByRole('alert').textContent()).toContain('does not recognise this file');
  });
});
