import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, closedPortUrl, makeBackend, makeTestKey } from '../fixtures/test-backend';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ kind: 'echo' });
});
afterAll(() => server?.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setModelList(['test-model']);
});
afterEach(() => closeAllBackends());

describe('fetching a provider model list', () => {
  it('lists the models the server offers, sorted and without repeats, with the saved key', async () => {
    server.setModelList(['zephyr', 'gpt-4o-mini', 'gpt-4o', 'gpt-4o']);
    const tb = makeBackend({ baseUrl: server.baseUrl });
    expect(await tb.value('providers:models', { providerId: 'openai' })).toEqual({ models: ['gpt-4o', 'gpt-4o-mini', 'zephyr'] });
    expect(server.requests.map((r) => [r.path, r.authorization])).toEqual([['/v1/models', `Bearer ${tb.apiKey}`]]);
  });

  it('says the base URL is wrong when the server has no model list there', async () => {
    const tb = makeBackend();
    const base = server.baseUrl.replace(/\/v1$/, '/nothing-here');
    await tb.value('providers:add', { kind: 'compatible', name: 'Typo', baseUrl: base });
    server.setModelList({ status: 404 });
    expect(await tb.call('providers:models', { providerId: 'typo' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_RESPONSE', message: `Typo has no model list at ${base}/models. Check the base URL (many servers want it to end in /v1).` },
    });
  });

  it('refuses a provider that does not exist', async () => {
    const tb = makeBackend();
    expect(await tb.call('providers:models', { providerId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('testing a connection', () => {
  it('reports the time taken and how many models answered', async () => {
    server.setModelList(['a', 'b', 'c']);
    const tb = makeBackend({ baseUrl: server.baseUrl });
    const check = await tb.value('providers:test', { providerId: 'openai' });
    expect(check.modelCount).toBe(3);
    expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    expect(check.latencyMs).toBeLessThan(5_000);
  });

  it('says the key was refused on a 401, naming the provider', async () => {
    server.setModelList({ status: 401 });
    const tb = makeBackend({ baseUrl: server.baseUrl });
    expect(await tb.call('providers:test', { providerId: 'openai' })).toEqual({
      ok: false,
      error: { code: 'INVALID_KEY', message: 'OpenAI refused the API key. Check the key saved for it.' },
    });
  });

  it('says it could not reach a server that is not running, with its address', async () => {
    const tb = makeBackend();
    const url = await closedPortUrl();
    await tb.value('providers:add', { kind: 'compatible', name: 'Ollama', baseUrl: url });
    expect(await tb.call('providers:test', { providerId: 'ollama' })).toMatchObject({
      ok: false,
      error: { code: 'NETWORK', message: `Could not reach Ollama at ${url}. Check that it is running and that the base URL is right.` },
    });
  });

  it('asks for a key before testing a provider that needs one', async () => {
    const tb = makeBackend({ baseUrl: server.baseUrl, apiKey: null });
    expect(await tb.call('providers:test', { providerId: 'openai' })).toEqual({ ok: false, error: { code: 'NO_API_KEY', message: 'Save a key for OpenAI first.' } });
    expect(server.requests).toHaveLength(0);
  });
});

describe('Azure OpenAI', () => {
  const endpoint = () => server.baseUrl.replace(/\/v1$/, '');

  async function azureBackend(fields: { deployment?: string; apiVersion?: string } = {}) {
    const tb = makeBackend({ baseUrl: server.baseUrl });
    const key = makeTestKey();
    await tb.value('providers:add', { kind: 'azure', name: 'Work Azure', baseUrl: endpoint(), model: 'gpt-4o', ...fields });
    await tb.value('secrets:setKey', { providerId: 'work-azure', key });
    await tb.value('providers:setDefault', { id: 'work-azure' });
    return { tb, key };
  }

  it('sends chats to the deployment with the api-version and the key in an api-key header', async () => {
    const { tb, key } = await azureBackend({ deployment: 'gpt4o-prod', apiVersion: '2025-01-01-preview' });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hello Azure');
    expect((await tb.waitForDone(assistantMessage.id)).content).toBe('You said: Hello Azure');

    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/openai/deployments/gpt4o-prod/chat/completions?api-version=2025-01-01-preview');
    expect(request.headers['api-key']).toBe(key);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body.model).toBe('gpt-4o');
  });

  it('uses the model as the deployment when none is given, and the default api-version', async () => {
    const { tb } = await azureBackend();
    const provider = (await tb.value('providers:list', {})).providers.find((p) => p.id === 'work-azure');
    expect(provider).toMatchObject({ kind: 'azure', apiVersion: '2024-10-21', deployment: null });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hi');
    await tb.waitForDone(assistantMessage.id);
    expect(server.requests.at(-1)!.path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
  });

  it('lists models at the resource with the api-version', async () => {
    const { tb, key } = await azureBackend();
    expect(await tb.value('providers:models', { providerId: 'work-azure' })).toEqual({ models: ['test-model'] });
    expect(server.requests.at(-1)).toMatchObject({ path: '/openai/models?api-version=2024-10-21', headers: { 'api-key': key } });
  });

  it('refuses an api-version or deployment for a provider that is not Azure', async () => {
    const tb = makeBackend();
    await tb.value('providers:add', { kind: 'compatible', name: 'Groq', baseUrl: 'https://api.groq.com/openai/v1' });
    expect(await tb.call('providers:update', { id: 'groq', deployment: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
