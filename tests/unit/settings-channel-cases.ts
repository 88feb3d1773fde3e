/**
 * Valid and refused inputs of the settings of the main window (provider,
 * appearance, chat defaults), prompt templates, data import and export,
 * startup notices and API keys, for the router's validation test
 * (contract-input-validation-settings.test.ts). A new channel of these areas
 * gets its cases in this table; the settings of providers, usage, updates,
 * files and the quick window have tables of their own (*-channel-cases.ts).
 */
import type { ChannelName } from '../../shared/channels';
import { badProviderIds, idCases, long, type ChannelCases } from './channel-case-helpers';


function providerCases(valid: Record<string, unknown>): [string, unknown][] {
  return [['missing providerId', {}], ...badProviderIds.map(([what, p]): [string, unknown] => [what, { ...valid, providerId: p }])];
}

const validProvider = { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const validSetKey = { providerId: 'openai', key: 'sk-abcdefgh12345678' };

export const settingsChannelCases = {
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
} satisfies Partial<Record<ChannelName, ChannelCases>>;
