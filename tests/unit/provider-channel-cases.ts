/**
 * Valid and refused inputs of the providers:* channels, for the router's
 * validation tests (contract-input-validation-*.test.ts, through channel-cases.ts), kept here so that no test file
 * does not grow with every area.
 */
import { badProviderIds, long } from './channel-case-helpers';

const validAdd = { kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant' };
const validAzure = { kind: 'azure', name: 'Work Azure', baseUrl: 'https://work.openai.azure.com', apiVersion: '2024-10-21', deployment: 'gpt-4o-prod', model: 'gpt-4o' };

const idRefusals = (field: string): [string, unknown][] => [
  [`missing ${field}`, {}],
  ...badProviderIds.map(([what, id]): [string, unknown] => [what, { [field]: id }]),
];

export const providerChannelCases = {
  'providers:list': { valid: {}, invalid: [['an extra field', { all: true }]] as [string, unknown][] },
  'providers:add': {
    valid: validAdd,
    invalid: [
      ['an unknown kind', { ...validAdd, kind: 'anthropic' }],
      ['missing kind', { name: 'Groq', baseUrl: validAdd.baseUrl }],
      ['an empty name', { ...validAdd, name: '  ' }],
      ['a name of 61 characters', { ...validAdd, name: long(61) }],
      ['a base URL without a scheme', { ...validAdd, baseUrl: 'localhost:11434/v1' }],
      ['a file base URL', { ...validAdd, baseUrl: 'file:///etc/passwd' }],
      ['an empty model', { ...validAdd, model: ' ' }],
      ['a deployment for a provider that is not Azure', { ...validAdd, deployment: 'gpt-4o' }],
      ['an api-version for a provider that is not Azure', { ...validAdd, apiVersion: '2024-10-21' }],
      ['an api-version that is not a date', { ...validAzure, apiVersion: 'latest' }],
      ['a deployment with a slash', { ...validAzure, deployment: '../models' }],
      ['a deployment with a query', { ...validAzure, deployment: 'gpt?x=1' }],
      ['a key in the provider', { ...validAdd, apiKey: 'sk-abcdefgh12345678' }],
      ['an id chosen by the caller', { ...validAdd, id: 'groq' }],
    ] as [string, unknown][],
  },
  'providers:update': {
    valid: { id: 'groq', model: null, name: 'Groq fast' },
    invalid: [
      ...idRefusals('id'),
      ['an empty name', { id: 'groq', name: '' }],
      ['a base URL without a scheme', { id: 'groq', baseUrl: 'api.groq.com' }],
      ['a change of kind', { id: 'groq', kind: 'azure' }],
      ['a null api-version', { id: 'work', apiVersion: null }],
      ['a fallback without a model', { id: 'groq', fallback: { providerId: 'ollama' } }],
      ['a fallback with an empty model', { id: 'groq', fallback: { providerId: 'ollama', model: '' } }],
      ['a fallback to a bad provider id', { id: 'groq', fallback: { providerId: '../x', model: 'llama3' } }],
      ['a fallback with an extra field', { id: 'groq', fallback: { providerId: 'ollama', model: 'llama3', baseUrl: 'http://x' } }],
      ['a fallback as a string', { id: 'groq', fallback: 'ollama' }],
    ] as [string, unknown][],
  },
  'providers:remove': { valid: { id: 'groq' }, invalid: idRefusals('id') },
  'providers:setDefault': { valid: { id: 'groq' }, invalid: idRefusals('id') },
  'providers:models': { valid: { providerId: 'groq' }, invalid: idRefusals('providerId') },
  'providers:test': { valid: { providerId: 'groq' }, invalid: idRefusals('providerId') },
  'providers:detectLocal': { valid: {}, invalid: [['an extra field', { port: 11434 }]] as [string, unknown][] },
  'conversations:setProvider': {
    valid: { id: 'conv-1', providerId: 'groq' },
    invalid: [
      ['missing id', { providerId: 'groq' }],
      ['a path as conversation id', { id: '../x', providerId: 'groq' }],
      ...badProviderIds.map(([what, id]): [string, unknown] => [what, { id: 'conv-1', providerId: id }]),
      ['a model alongside', { id: 'conv-1', providerId: 'groq', model: 'gpt-4o' }],
    ] as [string, unknown][],
  },
};

export { validAzure };
