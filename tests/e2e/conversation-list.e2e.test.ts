import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chatWindowSuite } from './support/chat-window-suite';
import { hostDesktop } from './support/host-desktop';

const suite = chatWindowSuite('sk-e2e-list-key-4321');
const desktop = hostDesktop(() => suite.session.host);

async function startConversation(question: string): Promise<void> {
  await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
  await suite.chat.ask(question);
  await expect.poll(() => suite.chat.conversation(question).isVisible()).toBe(true);
  await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said');
}

describe('the conversation list', () => {
  it("starts a new chat from the tray's New chat, with the message box focused", async () => {
    await startConversation('Before the tray');
    await expect.poll(() => suite.chat.page.getByRole('heading', { level: 1 }).textContent()).toBe('Before the tray');
    await suite.chat.page.getByRole('button', { name: 'Settings', exact: true }).focus();
    await desktop.newChat();
    await expect.poll(() => suite.chat.page.getByRole('heading', { level: 1 }).textContent()).toBe('New chat');
    await expect.poll(() => suite.chat.composer.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await suite.chat.conversation('Before the tray').isVisible()).toBe(true);
  });

  it('groups conversations by date, newest first', async () => {
    await startConversation('Grouped today');
    await expect.poll(() => suite.chat.conversationGroup('Today').getByRole('button', { name: 'Grouped today', exact: true }).isVisible()).toBe(true);
  });

  it('renames a conversation from its menu, and the name survives a reload', async () => {
    await startConversation('A chat to rename');
    await suite.chat.conversationAction('A chat to rename', 'Rename');
    const title = suite.chat.page.getByRole('textbox', { name: 'Conversation title' });
    await title.fill('Renamed');
    await title.press('Enter');
    await expect.poll(() => suite.chat.conversation('Renamed').isVisible()).toBe(true);
    await suite.chat.page.reload();
    await expect.poll(() => suite.chat.conversation('Renamed').isVisible()).toBe(true);
  });

  it('pins a conversation above the others and unpins it', async () => {
    await startConversation('Pin me');
    await startConversation('Newer one');
    await suite.chat.conversationAction('Pin me', 'Pin');
    await expect.poll(() => suite.chat.conversationGroup('Pinned').getByRole('button', { name: 'Pin me', exact: true }).isVisible()).toBe(true);
    await suite.chat.page.reload();
    await expect.poll(() => suite.chat.conversationGroup('Pinned').getByRole('button', { name: 'Pin me', exact: true }).isVisible()).toBe(true);
    await suite.chat.conversationAction('Pin me', 'Unpin');
    await expect.poll(() => suite.chat.conversationGroup('Pinned').count()).toBe(0);
  });

  it('deletes with undo: Undo brings it back, and without Undo it is gone for good', async () => {
    await startConversation('Delete then undo');
    await suite.chat.conversationAction('Delete then undo', 'Delete');
    await expect.poll(() => suite.chat.conversation('Delete then undo').count()).toBe(0);
    await suite.chat.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => suite.chat.conversation('Delete then undo').isVisible()).toBe(true);

    await suite.chat.conversationAction('Delete then undo', 'Delete');
    await expect.poll(() => suite.chat.page.getByRole('status').textContent()).toContain('Deleted');
    // The undo window passes, then the deletion is real.
    await expect.poll(() => suite.chat.page.getByRole('status').count(), { timeout: 10_000 }).toBe(0);
    await suite.chat.page.reload();
    await suite.chat.conversations.waitFor();
    await suite.chat.page.waitForTimeout(300);
    expect(await suite.chat.conversation('Delete then undo').count()).toBe(0);
  });

  it('archives a conversation out of the list and brings it back from the archive', async () => {
    await startConversation('Archive me');
    await suite.chat.conversationAction('Archive me', 'Archive');
    await expect.poll(() => suite.chat.conversation('Archive me').count()).toBe(0);
    await suite.chat.page.reload();
    await suite.chat.conversations.getByRole('button', { name: 'Archived conversations' }).click();
    const archive = suite.chat.conversations.getByRole('region', { name: 'Archived conversations' });
    await expect.poll(() => archive.textContent()).toContain('Archive me');
    await archive.getByRole('button', { name: 'Unarchive Archive me' }).click();
    await expect.poll(() => suite.chat.conversation('Archive me').isVisible()).toBe(true);
    expect(await archive.textContent()).not.toContain('Archive me');
  });

  it('exports a conversation as Markdown and as JSON', async () => {
    await startConversation('Export this chat');
    await suite.chat.conversationAction('Export this chat', 'Export');
    const group = suite.chat.conversations.getByRole('group', { name: 'Export Export this chat' });
    const [markdown] = await Promise.all([suite.chat.page.waitForEvent('download'), group.getByRole('button', { name: 'Markdown' }).click()]);
    expect(markdown.suggestedFilename()).toBe('Export this chat.md');
    const md = await readFile((await markdown.path())!, 'utf8');
    expect(md).toContain('# Export this chat');
    expect(md).toContain('## You\n\nExport this chat');
    expect(md).toContain('You said: Export this chat');

    await suite.chat.conversationAction('Export this chat', 'Export');
    const [json] = await Promise.all([suite.chat.page.waitForEvent('download'), group.getByRole('button', { name: 'JSON' }).click()]);
    const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as { format: string; messages: { role: string; content: string }[] };
    expect(data.format).toBe('parley-conversation');
    expect(data.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(JSON.stringify(data)).not.toContain('sk-e2e-list-key-4321');
  });
});
