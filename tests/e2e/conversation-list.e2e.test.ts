import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-list-key-4321');
});
afterAll(() => session?.close());
beforeEach(async () => {
  session.model.setScenario({ kind: 'echo' });
  chat = new ChatWindow(await session.newPage());
  await chat.open(session.host.url);
});
afterEach(() => chat.page.context().close());

async function startConversation(question: string): Promise<void> {
  await chat.page.getByRole('button', { name: 'New chat' }).click();
  await chat.ask(question);
  await expect.poll(() => chat.conversation(question).isVisible()).toBe(true);
  await expect.poll(() => chat.answers().first().textContent()).toContain('You said');
}

describe('the conversation list', () => {
  it('groups conversations by date, newest first', async () => {
    await startConversation('Grouped today');
    await expect.poll(() => chat.conversationGroup('Today').getByRole('button', { name: 'Grouped today', exact: true }).isVisible()).toBe(true);
  });

  it('renames a conversation from its menu, and the name survives a reload', async () => {
    await startConversation('A chat to rename');
    await chat.conversationAction('A chat to rename', 'Rename');
    const title = chat.page.getByRole('textbox', { name: 'Conversation title' });
    await title.fill('Renamed');
    await title.press('Enter');
    await expect.poll(() => chat.conversation('Renamed').isVisible()).toBe(true);
    await chat.page.reload();
    await expect.poll(() => chat.conversation('Renamed').isVisible()).toBe(true);
  });

  it('pins a conversation above the others and unpins it', async () => {
    await startConversation('Pin me');
    await startConversation('Newer one');
    await chat.conversationAction('Pin me', 'Pin');
    await expect.poll(() => chat.conversationGroup('Pinned').getByRole('button', { name: 'Pin me', exact: true }).isVisible()).toBe(true);
    await chat.page.reload();
    await expect.poll(() => chat.conversationGroup('Pinned').getByRole('button', { name: 'Pin me', exact: true }).isVisible()).toBe(true);
    await chat.conversationAction('Pin me', 'Unpin');
    await expect.poll(() => chat.conversationGroup('Pinned').count()).toBe(0);
  });

  it('deletes with undo: Undo brings it back, and without Undo it is gone for good', async () => {
    await startConversation('Delete then undo');
    await chat.conversationAction('Delete then undo', 'Delete');
    await expect.poll(() => chat.conversation('Delete then undo').count()).toBe(0);
    await chat.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => chat.conversation('Delete then undo').isVisible()).toBe(true);

    await chat.conversationAction('Delete then undo', 'Delete');
    await expect.poll(() => chat.page.getByRole('status').textContent()).toContain('Deleted');
    // The undo window passes, then the deletion is real.
    await expect.poll(() => chat.page.getByRole('status').count(), { timeout: 10_000 }).toBe(0);
    await chat.page.reload();
    await chat.conversations.waitFor();
    await chat.page.waitForTimeout(300);
    expect(await chat.conversation('Delete then undo').count()).toBe(0);
  });

  it('archives a conversation out of the list and brings it back from the archive', async () => {
    await startConversation('Archive me');
    await chat.conversationAction('Archive me', 'Archive');
    await expect.poll(() => chat.conversation('Archive me').count()).toBe(0);
    await chat.page.reload();
    await chat.conversations.getByRole('button', { name: 'Archived conversations' }).click();
    const archive = chat.conversations.getByRole('region', { name: 'Archived conversations' });
    await expect.poll(() => archive.textContent()).toContain('Archive me');
    await archive.getByRole('button', { name: 'Unarchive Archive me' }).click();
    await expect.poll(() => chat.conversation('Archive me').isVisible()).toBe(true);
    expect(await archive.textContent()).not.toContain('Archive me');
  });

  it('exports a conversation as Markdown and as JSON', async () => {
    await startConversation('Export this chat');
    await chat.conversationAction('Export this chat', 'Export');
    const group = chat.conversations.getByRole('group', { name: 'Export Export this chat' });
    const [markdown] = await Promise.all([chat.page.waitForEvent('download'), group.getByRole('button', { name: 'Markdown' }).click()]);
    expect(markdown.suggestedFilename()).toBe('Export this chat.md');
    const md = await readFile((await markdown.path())!, 'utf8');
    expect(md).toContain('# Export this chat');
    expect(md).toContain('## You\n\nExport this chat');
    expect(md).toContain('You said: Export this chat');

    await chat.conversationAction('Export this chat', 'Export');
    const [json] = await Promise.all([chat.page.waitForEvent('download'), group.getByRole('button', { name: 'JSON' }).click()]);
    const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as { format: string; messages: { role: string; content: string }[] };
    expect(data.format).toBe('parley-conversation');
    expect(data.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(JSON.stringify(data)).not.toContain('sk-e2e-list-key-4321');
  });
});
