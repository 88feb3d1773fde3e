import { describe, expect, it } from 'vitest';
import { AddProviderInput, UpdateProviderInput } from '../../shared/providers';
import { azureBaseUrl, buildClient } from '../../electron/services/chat/provider-client';
import { parseLocalProbeUrls } from '../../electron/services/providers/local-server-probe';
import { slugOf } from '../../electron/services/settings/provider-registry';
import type { Provider } from '../../shared/providers';

const firstIssue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues[0];

describe('adding a provider', () => {
  it('takes a compatible server with no key, no model and the base URL as typed', () => {
    expect(AddProviderInput.parse({ kind: 'compatible', name: ' Ollama ', baseUrl: ' http://127.0.0.1:11434/v1 ' })).toEqual({
      kind: 'compatible',
      name: 'Ollama',
      baseUrl: 'http://127.0.0.1:11434/v1',
    });
  });

  it('keeps a base URL path exactly, without adding or removing /v1', () => {
    const url = 'https://openrouter.ai/api/v1/';
    expect(AddProviderInput.parse({ kind: 'compatible', name: 'OpenRouter', baseUrl: url }).baseUrl).toBe(url);
  });

  it('takes Azure with a preview api-version and a dotted deployment name', () => {
    const input = { kind: 'azure', name: 'Work', baseUrl: 'https://work.openai.azure.com', apiVersion: '2025-01-01-preview', deployment: 'gpt-4o.prod_2' };
    expect(AddProviderInput.safeParse(input).success).toBe(true);
  });

  it('says that only Azure has a deployment, naming the field', () => {
    const r = AddProviderInput.safeParse({ kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', deployment: 'x' });
    expect(firstIssue(r)).toMatchObject({ path: ['deployment'], message: 'only an Azure provider has a deployment' });
  });

  it('refuses a deployment that would change the request path', () => {
    for (const deployment of ['../models', 'a/b', 'a b', 'x?y=1', 'x#y']) {
      const r = AddProviderInput.safeParse({ kind: 'azure', name: 'Work', baseUrl: 'https://work.openai.azure.com', deployment });
      expect(r.success, deployment).toBe(false);
    }
  });

  it('explains a base URL without a scheme in words', () => {
    const r = AddProviderInput.safeParse({ kind: 'compatible', name: 'LM Studio', baseUrl: 'localhost:1234/v1' });
    expect(firstIssue(r)?.message).toBe('enter a full http:// or https:// address');
  });

  it('asks for a name', () => {
    expect(firstIssue(AddProviderInput.safeParse({ kind: 'openai', name: '   ', baseUrl: 'https://api.openai.com/v1' }))?.message).toBe('give the provider a name');
  });
});

describe('updating a provider', () => {
  it('lets a model be cleared with null, and leaves out what is not given', () => {
    expect(UpdateProviderInput.parse({ id: 'groq', model: null })).toEqual({ id: 'groq', model: null });
  });

  it('does not let the kind change', () => {
    expect(UpdateProviderInput.safeParse({ id: 'groq', kind: 'azure' }).success).toBe(false);
  });
});

describe('provider ids', () => {
  it.each([
    ['Groq', 'groq'],
    ['LM Studio', 'lm-studio'],
    ['  OpenRouter (work) ', 'openrouter-work'],
    ['Café IA', 'cafe-ia'],
    ['日本語', 'provider'],
    ['x'.repeat(80), 'x'.repeat(32)],
  ])('names %j as %j, which the keychain and the contract both accept', (name, id) => {
    expect(slugOf(name)).toBe(id);
    expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});

describe('Azure addresses', () => {
  it('adds /openai to the endpoint the portal shows, and keeps an address that has it', () => {
    expect(azureBaseUrl('https://work.openai.azure.com/')).toBe('https://work.openai.azure.com/openai');
    expect(azureBaseUrl('https://work.openai.azure.com/openai')).toBe('https://work.openai.azure.com/openai');
  });
});

describe('clients for added providers', () => {
  const provider: Provider = { id: 'groq', kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: null, apiVersion: null, deployment: null, builtIn: false };

  it('never pick up OpenAI credentials from the environment', () => {
    const saved = { ...process.env };
    Object.assign(process.env, { OPENAI_ORG_ID: 'org-secret', OPENAI_PROJECT_ID: 'proj-secret', OPENAI_ADMIN_KEY: 'sk-admin-secret' });
    try {
      const client = buildClient(provider, 'gsk-123', undefined);
      expect([client.organization, client.project, client.adminAPIKey, client.apiKey]).toEqual([null, null, null, 'gsk-123']);
      expect(client.baseURL).toBe(provider.baseUrl);
    } finally {
      process.env = saved;
    }
  });
});

describe('probe addresses from the environment', () => {
  it('reads known servers and skips anything else', () => {
    expect(parseLocalProbeUrls('ollama=http://127.0.0.1:5555/v1, lmstudio = http://127.0.0.1:6666/v1,vllm=http://x')).toEqual({
      ollama: 'http://127.0.0.1:5555/v1',
      lmstudio: 'http://127.0.0.1:6666/v1',
    });
    expect(parseLocalProbeUrls('')).toEqual({});
  });
});
