/**
 * Valid and refused inputs of the conversations:* channels, for the router's
 * validation test (contract-input-validation-conversations.test.ts). A new
 * conversations:* channel's cases go in this table; conversations:setProvider's
 * are with the providers' (provider-channel-cases.ts).
 */
import type { ChannelName } from '../../shared/channels';
import { idCases, long, type ChannelCases } from './channel-case-helpers';

const validRename = { id: 'conv-1', title: 'Trip plans' };

export const conversationChannelCases = {
  'conversations:list': {
    valid: { limit: 100, offset: 200 },
    invalid: [
      ['a page of no conversations', { limit: 0 }],
      ['a negative offset', { limit: 10, offset: -1 }],
      ['a fractional page size', { limit: 1.5 }],
    ],
  },
  'conversations:create': {
    valid: { title: 'Trip' },
    invalid: [
      ['a number as title', { title: 12 }],
      ['a title of 201 characters', { title: long(201) }],
      ['an origin the channel does not take', { origin: 'file' }],
      ['an unknown origin', { origin: 'popup' }],
    ],
  },
  'conversations:rename': {
    valid: validRename,
    invalid: [
      ...idCases('id', validRename),
      ['missing title', { id: 'conv-1' }],
      ['an empty title', { id: 'conv-1', title: '' }],
      ['a title of spaces only', { id: 'conv-1', title: '   ' }],
      ['a title of 201 characters', { id: 'conv-1', title: long(201) }],
      ['an object as title', { id: 'conv-1', title: { text: 'x' } }],
    ],
  },
  'conversations:get': { valid: { id: 'conv-1' }, invalid: [...idCases('id', { id: 'conv-1' }), ['an extra field', { id: 'conv-1', all: true }]] },
  'conversations:setPinned': {
    valid: { id: 'conv-1', pinned: true },
    invalid: [...idCases('id', { id: 'conv-1', pinned: true }), ['pinned as a string', { id: 'conv-1', pinned: 'yes' }], ['missing pinned', { id: 'conv-1' }]],
  },
  'conversations:setArchived': {
    valid: { id: 'conv-1', archived: true },
    invalid: [...idCases('id', { id: 'conv-1', archived: true }), ['archived as a number', { id: 'conv-1', archived: 1 }], ['missing archived', { id: 'conv-1' }]],
  },
  'conversations:listArchived': { valid: {}, invalid: [['an extra field', { all: true }]] },
  'conversations:export': {
    valid: { id: 'conv-1', format: 'markdown' },
    invalid: [...idCases('id', { id: 'conv-1', format: 'json' }), ['an unknown format', { id: 'conv-1', format: 'pdf' }], ['missing format', { id: 'conv-1' }]],
  },
  'conversations:delete': { valid: { id: 'conv-1' }, invalid: idCases('id', { id: 'conv-1' }) },
  'conversations:getOptions': { valid: { id: 'conv-1' }, invalid: idCases('id', { id: 'conv-1' }) },
  'conversations:setOptions': {
    valid: { id: 'conv-1', model: 'gpt-4o', systemPrompt: null, temperature: 0.7, maxOutputTokens: 500 },
    invalid: [
      ...idCases('id', { id: 'conv-1', temperature: 1 }),
      ['a temperature below 0', { id: 'conv-1', temperature: -0.1 }],
      ['a temperature above 2', { id: 'conv-1', temperature: 2.1 }],
      ['a temperature as a string', { id: 'conv-1', temperature: '0.5' }],
      ['a fractional maximum of tokens', { id: 'conv-1', maxOutputTokens: 10.5 }],
      ['a maximum of 0 tokens', { id: 'conv-1', maxOutputTokens: 0 }],
      ['an empty model', { id: 'conv-1', model: ' ' }],
      ['a system prompt over 100,000 characters', { id: 'conv-1', systemPrompt: long(100_001) }],
      ['a field the channel does not take', { id: 'conv-1', topP: 0.9 }],
    ],
  },
} satisfies Partial<Record<ChannelName, ChannelCases>>;
