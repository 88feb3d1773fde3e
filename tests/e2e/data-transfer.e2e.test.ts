import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-data-key-2222');

describe('export and import from Settings', () => {
  it('exports everything and imports it back as a copy', async () => {
    await suite.chat.ask('Round trip me');
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said: Round trip me');

    const settings = await suite.chat.openSettings();
    const [download] = await Promise.all([suite.chat.page.waitForEvent('download'), settings.root.getByRole('button', { name: 'Export everything' }).click()]);
    const file = (await download.path())!;
    await settings.root.getByLabel('Import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: await readFile(file) });
    await expect.poll(() => settings.root.getByRole('status').textContent()).toContain('Imported 1 conversation (2 messages) from a Parley export');
    await settings.root.getByRole('button', { name: 'Cancel' }).click();

    await expect.poll(() => suite.chat.conversations.getByRole('button', { name: 'Round trip me', exact: true }).count()).toBe(2);
    await suite.chat.conversations.getByRole('button', { name: 'Round trip me', exact: true }).nth(1).click();
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said: Round trip me');
  });

  it('imports a ChatGPT export and shows its conversations', async () => {
    const settings = await suite.chat.openSettings();
    await settings.root.getByLabel('Import').setInputFiles(path.join(import.meta.dirname, '../fixtures/chatgpt-export/conversations.json'));
    await expect.poll(() => settings.root.getByRole('status').textContent()).toContain('Imported 2 conversations (5 messages) from a ChatGPT export');
    await settings.root.getByRole('button', { name: 'Cancel' }).click();
    await suite.chat.conversation('Sourdough starter help').click();
    await expect.poll(() => suite.chat.questions().first().textContent()).toContain('My sourdough starter smells like acetone');
  });

  it('says so plainly when the file is not one it can read', async () => {
    const settings = await suite.chat.openSettings();
    await settings.root.getByLabel('Import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"notes": []}') });
    await expect.poll(() => settings.root.getByRole('alert').textContent()).toContain('does not recognise this file');
  });
});
