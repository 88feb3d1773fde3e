/**
 * Valid and refused inputs of the chat:*, messages:* and search:* channels,
 * for the router's validation test (contract-input-validation-chat.test.ts).
 * A new channel about sending, reading or searching messages gets its cases
 * in this table.
 */
import type { ChannelName } from '../../shared/channels';
import { badIds, idCases, long, type ChannelCases } from './channel-case-helpers';

export const validSend = { conversationId: 'conv-1', content: 'Hello' };

export const chatChannelCases = {
  'messages:list': {
    valid: { conversationId: 'conv-1', before: 'msg-1', limit: 50 },
    invalid: [
      ...idCases('conversationId', { conversationId: 'conv-1' }),
      ...badIds.filter(([, id]) => id !== null).map(([what, id]): [string, unknown] => [`${what} in before`, { conversationId: 'conv-1', before: id }]),
      ['a page of no messages', { conversationId: 'conv-1', limit: 0 }],
      ['a page of 1,001 messages', { conversationId: 'conv-1', limit: 1001 }],
      ['a fractional page size', { conversationId: 'conv-1', limit: 2.5 }],
    ],
  },
  'search:messages': {
    valid: { query: 'capybara "AND" NEAR(', order: 'relevance', limit: 20 },
    invalid: [
      ['a missing query', {}],
      ['a query of 501 characters', { query: long(501) }],
      ['a number as query', { query: 7 }],
      ['an unknown order', { query: 'x', order: 'oldest' }],
      ['a limit of 101', { query: 'x', limit: 101 }],
      ['an extra field', { query: 'x', sql: 'SELECT 1' }],
    ],
  },
  'chat:send': {
    valid: validSend,
    invalid: [
      ...idCases('conversationId', validSend),
      ...badIds.filter(([what]) => what !== 'null as id').map(([what, id]): [string, unknown] => [`${what} in parentId`, { ...validSend, parentId: id }]),
      ['missing content', { conversationId: 'conv-1' }],
      ['a temperature over 2', { ...validSend, temperature: 2.5 }],
      ['a temperature as text', { ...validSend, temperature: 'hot' }],
      ['overrideBudget as a string', { ...validSend, overrideBudget: 'yes' }],
      ['empty content', { ...validSend, content: '' }],
      ['content of blank lines only', { ...validSend, content: ' \n\t ' }],
      ['content over a million characters', { ...validSend, content: long(1_000_001) }],
      ['a number as content', { ...validSend, content: 5 }],
      ['an array as content', { ...validSend, content: ['Hello'] }],
      ['attachments the contract does not declare yet', { ...validSend, attachmentIds: ['a1'] }],
    ],
  },
  'chat:stop': { valid: { messageId: 'msg-1' }, invalid: idCases('messageId', { messageId: 'msg-1' }) },
  'chat:estimate': {
    valid: { conversationId: 'conv-1', content: '' },
    invalid: [
      ...badIds.map(([what, id]): [string, unknown] => [`${what} in conversationId`, { conversationId: id, content: '' }]),
      ['missing content', { conversationId: 'conv-1' }],
      ['content over a million characters', { content: long(1_000_001) }],
    ],
  },
  'chat:regenerate': { valid: { messageId: 'msg-1' }, invalid: idCases('messageId', { messageId: 'msg-1' }) },
  'chat:edit': {
    valid: { messageId: 'msg-1', content: 'Hello again' },
    invalid: [
      ...idCases('messageId', { messageId: 'msg-1', content: 'Hello again' }),
      ['missing content', { messageId: 'msg-1' }],
      ['content of blank lines only', { messageId: 'msg-1', content: ' \n ' }],
      ['content over a million characters', { messageId: 'msg-1', content: long(1_000_001) }],
      ['a conversation id it does not take', { messageId: 'msg-1', content: 'Hi', conversationId: 'conv-1' }],
    ],
  },
  'chat:continue': { valid: { messageId: 'msg-1' }, invalid: idCases('messageId', { messageId: 'msg-1' }) },
} satisfies Partial<Record<ChannelName, ChannelCases>>;
