import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../shared/domain';
import { newestBranch, safeFileName, toJson, toMarkdown } from '../../electron/services/export/conversation-export';

const conversation: Conversation = {
  id: 'c1', title: 'Trip / plans: "Lisbon"', model: null, providerId: 'openai', systemPrompt: null, pinned: false, origin: 'chat', createdAt: 1, updatedAt: 5, archivedAt: null,
};
let t = 0;
const msg = (id: string, parentId: string | null, role: Message['role'], content: string, extra: Partial<Message> = {}): Message => ({
  id, conversationId: 'c1', parentId, role, content, status: 'complete', error: null, model: role === 'assistant' ? 'gpt-4o-mini' : null,
  finishReason: null, usage: null, costUsd: null, ttftMs: null, totalMs: null, createdAt: ++t, updatedAt: t, ...extra,
});

const messages = [
  msg('u1', null, 'user', 'Plan a trip'),
  msg('a1', 'u1', 'assistant', 'First version'),
  msg('a2', 'u1', 'assistant', 'Second version'),
  msg('u2', 'a2', 'user', 'Shorter please'),
  msg('a3', 'u2', 'assistant', 'Short plan', { status: 'cancelled' }),
];

describe('exporting a conversation', () => {
  it('follows the newest branch from the root', () => {
    expect(newestBranch(messages).map((m) => m.id)).toEqual(['u1', 'a2', 'u2', 'a3']);
  });

  it('writes readable Markdown of the branch, noting an answer that did not finish', () => {
    const md = toMarkdown(conversation, messages);
    expect(md).toContain('# Trip / plans: "Lisbon"');
    expect(md).toContain('## You\n\nPlan a trip');
    expect(md).toContain('## Assistant (gpt-4o-mini)\n\nSecond version');
    expect(md).not.toContain('First version');
    expect(md).toContain('_(cancelled)_');
  });

  it('keeps every branch in JSON', () => {
    const data = JSON.parse(toJson(conversation, messages)) as { format: string; version: number; messages: Message[] };
    expect(data.format).toBe('parley-conversation');
    expect(data.version).toBe(1);
    expect(data.messages.map((m) => m.id)).toEqual(['u1', 'a1', 'a2', 'u2', 'a3']);
  });

  it('makes a file name no system refuses', () => {
    expect(safeFileName('Trip / plans: "Lisbon"')).toBe('Trip plans Lisbon');
    expect(safeFileName('  \u0007 ')).toBe('Conversation');
    expect(safeFileName('x'.repeat(200))).toHaveLength(80);
  });
});
