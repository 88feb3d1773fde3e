import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createSettingsRepository } from '../../electron/db/settings-repository';
import { providerError } from '../../electron/services/providers/provider-errors';
import { createProviderRegistry } from '../../electron/services/settings/provider-registry';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

function setup(environmentBaseUrl?: string) {
  const settings = createSettingsRepository(migratedMemoryDatabase());
  return { settings, registry: createProviderRegistry(settings, environmentBaseUrl) };
}

describe('the provider registry', () => {
  it('starts with OpenAI alone, as the default, at OPENAI_BASE_URL when set', () => {
    const { registry } = setup('http://127.0.0.1:8080/v1');
    expect(registry.list()).toEqual({
      providers: [{ id: 'openai', kind: 'openai', name: 'OpenAI', baseUrl: 'http://127.0.0.1:8080/v1', model: 'gpt-4o-mini', apiVersion: null, deployment: null, builtIn: true, fallback: null }],
      defaultProviderId: 'openai',
    });
  });

  it('reads the OpenAI settings an earlier Parley saved under provider.openai', () => {
    const { settings, registry } = setup();
    settings.set('provider.openai', { baseUrl: 'https://gateway.example.com/v1', model: 'gpt-4.1' });
    expect(registry.get('openai')).toMatchObject({ baseUrl: 'https://gateway.example.com/v1', model: 'gpt-4.1' });
  });

  it('skips a damaged entry instead of failing the whole list', () => {
    const { settings, registry } = setup();
    settings.set('providers.added', [
      { id: 'groq', kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: null, apiVersion: null, deployment: null },
      { id: 'BAD ID', kind: 'compatible', name: 'x', baseUrl: 'x' },
      { id: 'future', kind: 'anthropic', name: 'Future', baseUrl: 'https://x', model: null, apiVersion: null, deployment: null },
      'nonsense',
    ]);
    expect(registry.list().providers.map((p) => p.id)).toEqual(['openai', 'groq']);
  });

  it('falls back to OpenAI as the default when the default is removed', () => {
    const { registry } = setup();
    registry.add({ kind: 'compatible', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' });
    registry.setDefault('ollama');
    expect(registry.resolve(null).id).toBe('ollama');
    expect(registry.remove('ollama').defaultProviderId).toBe('openai');
    expect(registry.resolve('ollama').id).toBe('openai');
  });

  it('gives Azure the default api-version and no deployment unless told', () => {
    const { registry } = setup();
    expect(registry.add({ kind: 'azure', name: 'Work', baseUrl: 'https://work.openai.azure.com' })).toMatchObject({ apiVersion: '2024-10-21', deployment: null });
  });

  it('changes only the fields given, and clears a model with null', () => {
    const { registry } = setup();
    registry.add({ kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant' });
    expect(registry.update({ id: 'groq', name: 'Groq fast' })).toMatchObject({ name: 'Groq fast', model: 'llama-3.1-8b-instant' });
    expect(registry.update({ id: 'groq', model: null })).toMatchObject({ name: 'Groq fast', model: null });
  });

  it('keeps the OpenAI entry\'s name and model required', () => {
    const { registry } = setup();
    expect(() => registry.update({ id: 'openai', name: 'Mine' })).toThrow('keeps its name');
    expect(() => registry.update({ id: 'openai', model: null })).toThrow('needs a model');
  });
});

describe('a fallback model', () => {
  it('is kept for the OpenAI entry and for an added provider, and cleared with null', () => {
    const { registry } = setup();
    registry.add({ kind: 'compatible', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
    registry.add({ kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant' });
    expect(registry.update({ id: 'openai', fallback: { providerId: 'ollama', model: 'llama3.2' } }).fallback).toEqual({ providerId: 'ollama', model: 'llama3.2' });
    expect(registry.update({ id: 'groq', fallback: { providerId: 'openai', model: 'gpt-4o-mini' } }).fallback).toEqual({ providerId: 'openai', model: 'gpt-4o-mini' });
    expect(registry.get('openai').fallback).toEqual({ providerId: 'ollama', model: 'llama3.2' });
    expect(registry.update({ id: 'openai', baseUrl: 'https://gateway.example.com/v1' }).fallback).toEqual({ providerId: 'ollama', model: 'llama3.2' });
    expect(registry.update({ id: 'groq', fallback: null }).fallback).toBeNull();
  });

  it('refuses a fallback to a provider that is not there, or to the same model', () => {
    const { registry } = setup();
    expect(() => registry.update({ id: 'openai', fallback: { providerId: 'ollama', model: 'llama3.2' } })).toThrow('no longer in Settings');
    expect(() => registry.update({ id: 'openai', fallback: { providerId: 'openai', model: 'gpt-4o-mini' } })).toThrow('another model');
    expect(registry.update({ id: 'openai', fallback: { providerId: 'openai', model: 'gpt-4.1-mini' } }).fallback).toMatchObject({ model: 'gpt-4.1-mini' });
  });

  it('is dropped when its provider is removed', () => {
    const { registry } = setup();
    registry.add({ kind: 'compatible', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' });
    registry.add({ kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1' });
    registry.update({ id: 'openai', fallback: { providerId: 'ollama', model: 'llama3.2' } });
    registry.update({ id: 'groq', fallback: { providerId: 'ollama', model: 'llama3.2' } });
    registry.remove('ollama');
    expect(registry.list().providers.map((p) => p.fallback)).toEqual([null, null]);
  });
});

describe('provider errors in words', () => {
  const provider = { id: 'lm', kind: 'compatible', name: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', model: null, apiVersion: null, deployment: null, builtIn: false } as const;

  it('names the provider and its address when nothing answers', () => {
    const err = providerError(new OpenAI.APIConnectionError({ cause: new Error('ECONNREFUSED') }), provider);
    expect(err.toShape()).toEqual({ code: 'NETWORK', message: 'Could not reach LM Studio at http://127.0.0.1:1234/v1. Check that it is running and that the base URL is right.' });
  });

  it('points at the base URL on a 404', () => {
    const err = providerError(OpenAI.APIError.generate(404, { error: { message: 'not found' } }, undefined, new Headers()), provider);
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toContain('http://127.0.0.1:1234/v1/models');
  });

  it('reads a server error as in a chat', () => {
    const err = providerError(OpenAI.APIError.generate(503, { error: { message: 'busy' } }, undefined, new Headers()), provider);
    expect(err.code).toBe('SERVER');
  });
});
