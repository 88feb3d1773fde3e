import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../electron/services/chat/history';
import type { Message, MessageStatus } from '../../shared/domain';
import { sampleConversation, sampleMessage } from '../fixtures/recording-handlers';

let clock = 0;
function msg(id: string, parentId: string | null, role: Message['role'], content: string, status: MessageStatus = 'complete'): Message {
  clock += 1;
  return { ...sampleMessage, id, parentId, role, content, status, createdAt: clock, updatedAt: clock };
}

const withPrompt = { ...sampleConversation, systemPrompt: 'Answer in French.' };

describe('buildHistory', () => {
  it('puts the system prompt first, then the turns oldest first', () => {
    const messages = [msg('u1', null, 'user', 'Hi'), msg('a1', 'u1', 'assistant', 'Bonjour'), msg('u2', 'a1', 'user', 'How are you?')];
    expect(buildHistory(withPrompt, messages, 'u2')).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Bonjour' },
      { role: 'user', content: 'How are you?' },
    ]);
  });

  it('sends no system message when the conversation has no prompt', () => {
    const messages = [msg('u1', null, 'user', 'Hi')];
    expect(buildHistory(sampleConversation, messages, 'u1')).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(buildHistory({ ...sampleConversation, systemPrompt: '' }, messages, 'u1')).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('follows only the branch that ends at the leaf', () => {
    const messages = [
      msg('u1', null, 'user', 'Name a colour'),
      msg('a1', 'u1', 'assistant', 'Red'),
      msg('u2', 'a1', 'user', 'Another one'),
      msg('a2', 'u2', 'assistant', 'Blue'),
      // The person edited their second question: a sibling branch from a1.
      msg('u2b', 'a1', 'user', 'A darker one'),
    ];
    expect(buildHistory(sampleConversation, messages, 'u2b').map((m) => m.content)).toEqual(['Name a colour', 'Red', 'A darker one']);
    expect(buildHistory(sampleConversation, messages, 'a2').map((m) => m.content)).toEqual(['Name a colour', 'Red', 'Another one', 'Blue']);
  });

  it('leaves out answers that failed before any text arrived', () => {
    const messages = [msg('u1', null, 'user', 'Hi'), msg('a1', 'u1', 'assistant', '', 'error'), msg('u2', 'a1', 'user', 'Hello?')];
    expect(buildHistory(sampleConversation, messages, 'u2').map((m) => m.content)).toEqual(['Hi', 'Hello?']);
  });

  it('leaves out an answer still streaming', () => {
    const messages = [msg('u1', null, 'user', 'Hi'), msg('a1', 'u1', 'assistant', 'Half', 'streaming')];
    expect(buildHistory(sampleConversation, messages, 'a1').map((m) => m.content)).toEqual(['Hi']);
  });

  it.each([['cancelled'], ['error'], ['interrupted']] as const)('keeps a %s answer with text as the person saw it', (status) => {
    const messages = [msg('u1', null, 'user', 'Hi'), msg('a1', 'u1', 'assistant', 'Half an ans', status), msg('u2', 'a1', 'user', 'Go on')];
    expect(buildHistory(sampleConversation, messages, 'u2')).toContainEqual({ role: 'assistant', content: 'Half an ans' });
  });

  it('sends only the system prompt when there is no leaf', () => {
    expect(buildHistory(withPrompt, [msg('u1', null, 'user', 'Hi')], null)).toEqual([{ role: 'system', content: 'Answer in French.' }]);
  });

  it('stops at a parent that no longer exists', () => {
    const messages = [msg('a1', 'deleted', 'assistant', 'Orphan'), msg('u2', 'a1', 'user', 'Next')];
    expect(buildHistory(sampleConversation, messages, 'u2').map((m) => m.content)).toEqual(['Orphan', 'Next']);
  });
});
