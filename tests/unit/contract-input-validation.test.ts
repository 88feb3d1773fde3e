import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/ipc/router';
import { channelNames, type ChannelName } from '../../shared/channels';
import { recordingHandlers } from '../fixtures/recording-handlers';
import { providerChannelCases } from './provider-channel-cases';
import { quickAskChannelCases } from './quick-ask-channel-cases';
import { fileChannelCases } from './file-channel-cases';
import { usageChannelCases } from './usage-channel-cases';
import { updateChannelCases } from './update-channel-cases';

const long = (n: number) => 'a'.repeat(n);

/** Ids that must never reach a handler: empty, too long, path-like, spaced, non-ASCII, wrong type. */
const badIds: [string, unknown][] = [
  ['an empty id', ''],
  ['an id of 65 characters', long(65)],
  ['a path as id', '../etc/passwd'],
  ['an id with a space', 'conv 1'],
  ['an id with a quote', "x' OR '1'='1"],
  ['a non-ASCII id', 'convé'],
  ['a number as id', 42],
  ['null as id', null],
];

const badProviderIds: [string, unknown][] = [
  ['an empty provider', ''],
  ['an uppercase provider', 'OpenAI'],
  ['a provider with a space', 'open ai'],
  ['a provider of 41 characters', long(41)],
  ['a number as provider', 1],
];

interface ChannelCases {
  valid: Record<string, unknown>;
  invalid: [string, unknown][];
}

function idCases(field: string, valid: Record<string, unknown>): [string, unknown][] {
  return [[`missing ${field}`, { ...valid, [field]: undefined }], ...badIds.map(([what, id]): [string, unknown] => [`${what} in ${field}`, { ...valid, [field]: id }])];
}

function providerCases(valid: Record<string, unknown>): [string, unknown][] {
  return [['missing providerId', {}], ...badProviderIds.map(([what, p]): [string, unknown] => [what, { ...valid, providerId: p }])];
}

const validRename = { id: 'conv-1', title: 'Trip plans' };
const validSend = { conversationId: 'conv-1', content: 'Hello' };
const validProvider = { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const validSetKey = { providerId: 'openai', key: 'sk-abcdefgh12345678' };

const cases: Record<ChannelName, ChannelCases> = {
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
  'settings:getProvider': { valid: {}, invalid: [] },
  'settings:setProvider': {
    valid: validProvider,
    invalid: [
      ['missing baseUrl', { model: 'gpt-4o-mini' }],
      ['a base URL that is not a URL', { ...validProvider, baseUrl: 'api.openai.com/v1' }],
      ['an empty base URL', { ...validProvider, baseUrl: '' }],
      ['an ftp base URL', { ...validProvider, baseUrl: 'ftp://example.com/v1' }],
      ['a file base URL', { ...validProvider, baseUrl: 'file:///etc/passwd' }],
      ['a javascript base URL', { ...validProvider, baseUrl: 'javascript:alert(1)' }],
      ['a base URL of 2049 characters', { ...validProvider, baseUrl: `https://example.com/${long(2029)}` }],
      ['a number as base URL', { ...validProvider, baseUrl: 443 }],
      ['missing model', { baseUrl: validProvider.baseUrl }],
      ['an empty model', { ...validProvider, model: '  ' }],
      ['a model of 201 characters', { ...validProvider, model: long(201) }],
    ],
  },
  'settings:getAppearance': { valid: {}, invalid: [['an extra field', { theme: 'dark' }]] },
  'settings:setAppearance': {
    valid: { theme: 'dark' },
    invalid: [['an unknown theme', { theme: 'sepia' }], ['missing theme', {}], ['an extra field', { theme: 'dark', font: 'x' }]],
  },
  'settings:getChatDefaults': { valid: {}, invalid: [] },
  'settings:setChatDefaults': {
    valid: { systemPrompt: 'Be brief.', temperature: null, maxOutputTokens: 2000 },
    invalid: [
      ['missing fields', { systemPrompt: 'Be brief.' }],
      ['a temperature above 2', { systemPrompt: null, temperature: 3, maxOutputTokens: null }],
      ['a negative maximum of tokens', { systemPrompt: null, temperature: null, maxOutputTokens: -5 }],
    ],
  },
  'templates:list': { valid: {}, invalid: [['an extra field', { all: true }]] },
  'templates:save': {
    valid: { template: { id: 'tpl-1', name: 'Poem', prompt: 'Write a poem about', temperature: 0.9 } },
    invalid: [
      ['missing template', {}],
      ['an empty name', { template: { id: 'tpl-1', name: ' ', prompt: 'x', temperature: null } }],
      ['an empty prompt', { template: { id: 'tpl-1', name: 'Poem', prompt: '', temperature: null } }],
      ['a temperature over 2', { template: { id: 'tpl-1', name: 'Poem', prompt: 'x', temperature: 3 } }],
      ['a bad id', { template: { id: '../x', name: 'Poem', prompt: 'x', temperature: null } }],
      ['an extra field in the template', { template: { id: 'tpl-1', name: 'Poem', prompt: 'x', temperature: null, html: '<b>' } }],
    ],
  },
  'templates:delete': { valid: { id: 'tpl-1' }, invalid: idCases('id', { id: 'tpl-1' }) },
  'templates:reset': { valid: {}, invalid: [['an extra field', { hard: true }]] },
  'data:exportAll': { valid: {}, invalid: [['an extra field', { format: 'zip' }]] },
  'app:startupNotices': { valid: {}, invalid: [['an extra field', { dismiss: true }]] },
  'data:import': {
    valid: { content: '[]' },
    invalid: [['empty content', { content: '' }], ['content as a number', { content: 42 }], ['missing content', {}], ['an extra field', { content: '[]', path: '/etc/passwd' }]],
  },
  'secrets:status': { valid: { providerId: 'openai' }, invalid: providerCases({ providerId: 'openai' }) },
  'secrets:setKey': {
    valid: validSetKey,
    invalid: [
      ...providerCases(validSetKey).map(([what, input]): [string, unknown] => [what, { key: validSetKey.key, ...(input as object) }]),
      ['missing key', { providerId: 'openai' }],
      ['a key with a space inside', { ...validSetKey, key: 'sk-abcd efgh12345678' }],
      ['a key with a tab inside', { ...validSetKey, key: 'sk-abcd\tefgh12345678' }],
      ['a key with a line break inside', { ...validSetKey, key: 'sk-abcd\nefgh12345678' }],
      ['a key too short to be one', { ...validSetKey, key: 'sk-123' }],
      ['a key of 513 characters', { ...validSetKey, key: `sk-${long(510)}` }],
      ['a number as key', { ...validSetKey, key: 12345678 }],
      ['a string as sessionOnly', { ...validSetKey, sessionOnly: 'yes' }],
    ],
  },
  'secrets:deleteKey': { valid: { providerId: 'openai' }, invalid: providerCases({ providerId: 'openai' }) },
  ...providerChannelCases,
  ...quickAskChannelCases,
  ...fileChannelCases,
  ...usageChannelCases,
  ...updateChannelCases,
};

const notObjects: [string, unknown][] = [
  ['a string', 'conv-1'],
  ['a number', 7],
  ['a boolean', true],
  ['an array', []],
];

/** An object literal cannot hold an own `__proto__`; a parsed message can. */
function withOwnField(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return Object.defineProperty({ ...base }, key, { value, enumerable: true, configurable: true, writable: true });
}

function setup() {
  const { handlers, calls } = recordingHandlers();
  const invoke = createRouter(handlers, { isTrustedSender: () => true });
  return { invoke, calls };
}

describe('input validation at the router', () => {
  it('has cases for every channel of the contract', () => {
    expect(Object.keys(cases).sort()).toEqual([...channelNames].sort());
  });

  describe.each(channelNames.map((c) => [c]))('%s', (channel) => {
    const { valid, invalid } = cases[channel];

    it('passes a valid request to its handler', async () => {
      const { invoke, calls } = setup();
      const answer = await invoke(channel, valid, null);
      expect(answer.ok).toBe(true);
      expect(calls).toHaveLength(1);
    });

    const refusals: [string, unknown][] = [
      ...notObjects.map(([what, input]): [string, unknown] => [`${what} instead of an object`, input]),
      ['a field the contract does not declare', { ...valid, extra: 1 }],
      ['a __proto__ field as JSON.parse makes it', withOwnField(valid, '__proto__', { admin: true })],
      ['a constructor field', withOwnField(valid, 'constructor', 'x')],
      ...invalid,
    ];
    it.each(refusals)('refuses %s with BAD_INPUT before any handler runs', async (_what, input) => {
      const { invoke, calls } = setup();
      const answer = await invoke(channel, input, null);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!answer.ok) expect(answer.error.message).toContain(channel);
      expect(calls).toHaveLength(0);
    });
  });

  it('names the field and the reason when it refuses', async () => {
    const { invoke } = setup();
    const answer = await invoke('secrets:setKey', { providerId: 'openai', key: 'sk-abcd efgh12345678' }, null);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toBe('Invalid request to secrets:setKey: key: a key has no spaces');
  });

  it('explains a base URL it cannot use in words a person understands', async () => {
    const { invoke } = setup();
    const answer = await invoke('settings:setProvider', { baseUrl: 'localhost:8080', model: 'm' }, null);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toContain('enter a full http:// or https:// address');
  });

  it('never echoes a refused key back', async () => {
    const { invoke } = setup();
    const answers = await Promise.all([
      invoke('secrets:setKey', { providerId: 'openai', key: 'sk-live-half1 half2-secret' }, null),
      invoke('secrets:setKey', { providerId: 'openai', key: 'sk-live-half1half2-secret', extra: 'sk-live-half1half2-secret' }, null),
      invoke('secrets:setKey', { providerId: 'Open AI', key: 'sk-live-half1half2-secret' }, null),
    ]);
    for (const answer of answers) expect(answer.ok).toBe(false);
    expect(JSON.stringify(answers)).not.toMatch(/half1|half2/);
  });

  it('trims a pasted key before the handler sees it', async () => {
    const { invoke, calls } = setup();
    const answer = await invoke('secrets:setKey', { providerId: 'openai', key: '  sk-abcdefgh12345678\n' }, null);
    expect(answer.ok).toBe(true);
    expect(calls[0]?.input).toEqual({ providerId: 'openai', key: 'sk-abcdefgh12345678' });
  });

  it('treats a missing input as an empty object for channels that take none', async () => {
    const { invoke, calls } = setup();
    expect((await invoke('conversations:list', undefined, null)).ok).toBe(true);
    expect((await invoke('settings:getProvider', null, null)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('accepts a null parentId to start a new branch at the root', async () => {
    const { invoke, calls } = setup();
    expect((await invoke('chat:send', { ...validSend, parentId: null }, null)).ok).toBe(true);
    expect(calls[0]?.input).toEqual({ ...validSend, parentId: null });
  });
});
