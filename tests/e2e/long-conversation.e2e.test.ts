import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../shared/domain';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;

/** A backup holding one conversation of `count` messages, alternating question and answer. */
function longBackup(count: number): string {
  const conversation: Conversation = {
    id: 'long', title: 'Two thousand messages', model: null, providerId: 'openai', systemPrompt: null, pinned: false, origin: 'chat',
    createdAt: 1_700_000_000_000, updatedAt: Date.now(), archivedAt: null,
  };
  const messages: Message[] = Array.from({ length: count }, (_, i) => ({
    id: `m${i}`, conversationId: 'long', parentId: i === 0 ? null : `m${i - 1}`, role: i % 2 === 0 ? 'user' : 'assistant',
    content: i % 2 === 0 ? `Question number ${i / 2}` : `Answer number ${(i - 1) / 2}\n\n- a point\n- another point\n\n\`\`\`js\nconsole.log(${i});\n\`\`\``,
    status: 'complete', error: null, model: null, finishReason: 'stop', usage: null, costUsd: null, ttftMs: null, totalMs: null,
    createdAt: 1_700_000_000_000 + i * 1000, updatedAt: 1_700_000_000_000 + i * 1000,
  }));
  return JSON.stringify({ format: 'parley-backup', version: 1, exportedAt: new Date().toISOString(), conversations: [{ conversation, messages }] });
}

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-long-key-5555');
  await session.invoke('data:import', { content: longBackup(2000) });
});
afterAll(() => session?.close());

describe('a conversation of 2,000 messages', () => {
  it('opens at its end with only the messages near the viewport in the page, and scrolls to its start', async () => {
    const chat = new ChatWindow(await session.newPage());
    await chat.open(session.host.url);
    await chat.conversation('Two thousand messages').click();
    const log = chat.page.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.textContent()).toContain('Answer number 999');
    const rendered = await chat.messages().count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);

    await log.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => log.textContent()).toContain('Question number 0');
    expect(await log.textContent()).not.toContain('Answer number 999');
    expect(await chat.messages().count()).toBeLessThan(60);
  });

  it('follows a new answer at the bottom, but not after the reader scrolled up', async () => {
    session.model.setScenario({ kind: 'stream', chunks: Array.from({ length: 40 }, (_, i) => `word${i} `), delayMs: 40 });
    const chat = new ChatWindow(await session.newPage());
    await chat.open(session.host.url);
    await chat.conversation('Two thousand messages').click();
    const log = chat.page.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.textContent()).toContain('Answer number 999');
    await chat.ask('One more question');
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toContain('word39');
    const distanceFromEnd = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    await expect.poll(distanceFromEnd).toBeLessThan(60);

    session.model.setScenario({ kind: 'stream', chunks: Array.from({ length: 60 }, (_, i) => `more${i} `), delayMs: 40 });
    await chat.ask('And another');
    await expect.poll(() => log.textContent()).toContain('more3 ');
    await log.evaluate((el) => (el.scrollTop = el.scrollTop - 2000));
    await expect.poll(() => chat.sendButton().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await distanceFromEnd()).toBeGreaterThan(1000);
  });
});
