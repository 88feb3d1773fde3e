import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createKeytarSecretStore } from '../../electron/services/secrets/keytar-secret-store';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';
import { keychainGate, loadKeytar, removeKeychainService, uniqueServiceName } from '../fixtures/keychain';
import { closeAllBackends, makeBackend, makeTestKey, type TestBackend } from '../fixtures/test-backend';

const gate = keychainGate();
const service = uniqueServiceName();

let openai: FakeOpenAI;
let groq: FakeOpenAI;
beforeAll(async () => {
  [openai, groq] = await Promise.all([startFakeOpenAI({ kind: 'echo' }), startFakeOpenAI({ kind: 'echo' })]);
});
afterAll(async () => {
  await Promise.all([openai?.close(), groq?.close()]);
});
beforeEach(() => {
  openai.requests.length = 0;
  groq.requests.length = 0;
  groq.setModelList(['test-model']);
});
afterEach(async () => {
  await closeAllBackends();
  await removeKeychainService(service);
});

async function chat(tb: TestBackend, conversationId: string, content: string) {
  const { assistantMessage } = await tb.send(conversationId, content);
  return tb.waitForDone(assistantMessage.id);
}

describe.skipIf(gate.skip)('several providers, each with its own keychain entry', () => {
  const backend = () => makeBackend({ baseUrl: openai.baseUrl, apiKey: null, secrets: createKeytarSecretStore(service) });

  it('chats with two providers at once, each with its own key and server', async () => {
    const tb = backend();
    const openaiKey = makeTestKey();
    const groqKey = makeTestKey();
    await tb.value('secrets:setKey', { providerId: 'openai', key: openaiKey });
    const added = await tb.value('providers:add', { kind: 'compatible', name: 'Groq', baseUrl: groq.baseUrl, model: 'llama-3.1-8b-instant' });
    expect(added).toMatchObject({ id: 'groq', kind: 'compatible', builtIn: false, apiVersion: null, deployment: null });
    await tb.value('secrets:setKey', { providerId: 'groq', key: groqKey });

    const onOpenAI = await tb.newConversation();
    await tb.value('providers:setDefault', { id: 'groq' });
    const onGroq = await tb.newConversation();
    expect([onOpenAI.providerId, onGroq.providerId]).toEqual(['openai', 'groq']);

    const [a, b] = await Promise.all([chat(tb, onOpenAI.id, 'to OpenAI'), chat(tb, onGroq.id, 'to Groq')]);
    expect([a.status, b.status]).toEqual(['complete', 'complete']);
    expect(a.content).toBe('You said: to OpenAI');
    expect(b).toMatchObject({ content: 'You said: to Groq', model: 'llama-3.1-8b-instant' });
    expect(openai.requests.map((r) => r.authorization)).toEqual([`Bearer ${openaiKey}`]);
    expect(groq.requests.map((r) => [r.authorization, r.body.model])).toEqual([[`Bearer ${groqKey}`, 'llama-3.1-8b-instant']]);

    expect(await loadKeytar().getPassword(service, 'openai')).toBe(openaiKey);
    expect(await loadKeytar().getPassword(service, 'groq')).toBe(groqKey);
    expect(await tb.value('secrets:status', { providerId: 'groq' })).toMatchObject({ hasKey: true, last4: groqKey.slice(-4), source: 'keychain' });
    expect(JSON.stringify(tb.answers)).not.toContain(groqKey);
  });

  it('removes a provider with its keychain entry, and its conversations move to the default', async () => {
    const tb = backend();
    await tb.value('secrets:setKey', { providerId: 'openai', key: makeTestKey() });
    await tb.value('providers:add', { kind: 'compatible', name: 'Groq', baseUrl: groq.baseUrl, model: 'llama-3.1-8b-instant' });
    await tb.value('secrets:setKey', { providerId: 'groq', key: makeTestKey() });
    await tb.value('providers:setDefault', { id: 'groq' });
    const conversation = await tb.newConversation();

    const list = await tb.value('providers:remove', { id: 'groq' });
    expect(list).toEqual({ providers: [expect.objectContaining({ id: 'openai' })], defaultProviderId: 'openai' });
    expect(await loadKeytar().getPassword(service, 'groq')).toBeNull();
    expect((await chat(tb, conversation.id, 'still here?')).status).toBe('complete');
    expect(groq.requests).toHaveLength(0);
    expect(openai.requests).toHaveLength(1);
  });
});

describe('a provider list that survives a restart', () => {
  it('keeps added providers and the default, and gives each a distinct id', async () => {
    const dataDir = makeTempDir();
    onTestFinished(() => removeTempDir(dataDir));
    const first = makeBackend({ dataDir });
    await first.value('providers:add', { kind: 'compatible', name: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1' });
    await first.value('providers:add', { kind: 'compatible', name: 'LM Studio', baseUrl: 'http://192.168.1.5:1234/v1' });
    await first.value('providers:setDefault', { id: 'lm-studio-2' });
    const before = await first.value('providers:list', {});
    await first.close();

    const second = makeBackend({ dataDir });
    expect(await second.value('providers:list', {})).toEqual(before);
    expect(before.providers.map((p) => p.id)).toEqual(['openai', 'lm-studio', 'lm-studio-2']);
    expect(before.defaultProviderId).toBe('lm-studio-2');
    expect(await second.value('settings:getProvider', {})).toEqual({ id: 'lm-studio-2', name: 'LM Studio', baseUrl: 'http://192.168.1.5:1234/v1', model: '' });
  });

  it('refuses to remove the OpenAI entry, and says why', async () => {
    const tb = makeBackend();
    expect(await tb.call('providers:remove', { id: 'openai' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('cannot be removed') } });
  });

  it('edits the default provider through settings:setProvider, as the Settings form did before the list', async () => {
    const tb = makeBackend();
    await tb.value('providers:add', { kind: 'compatible', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' });
    await tb.value('providers:setDefault', { id: 'ollama' });
    await tb.value('settings:setProvider', { baseUrl: 'http://127.0.0.1:11435/v1', model: 'llama3.2' });
    const list = await tb.value('providers:list', {});
    expect(list.providers.find((p) => p.id === 'ollama')).toMatchObject({ baseUrl: 'http://127.0.0.1:11435/v1', model: 'llama3.2' });
    expect(list.providers.find((p) => p.id === 'openai')).toMatchObject({ model: 'gpt-4o-mini' });
  });
});

describe('a compatible server without a key', () => {
  let local: FakeOpenAI;
  beforeAll(async () => {
    local = await startFakeOpenAI({ kind: 'echo' });
  });
  afterAll(() => local?.close());
  afterEach(() => closeAllBackends());

  it('chats with no Authorization header at all, and never sends the OpenAI key to it', async () => {
    const tb = makeBackend({ baseUrl: openai.baseUrl });
    await tb.value('providers:add', { kind: 'compatible', name: 'Ollama', baseUrl: local.baseUrl, model: 'llama3.2' });
    await tb.value('providers:setDefault', { id: 'ollama' });
    const conversation = await tb.newConversation();
    expect((await chat(tb, conversation.id, 'hello')).content).toBe('You said: hello');
    expect(local.requests).toHaveLength(1);
    expect(local.requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(local.requests[0]!.headers)).not.toContain(tb.apiKey!);
  });

  it('asks for a model when none is chosen, before writing anything', async () => {
    const tb = makeBackend();
    await tb.value('providers:add', { kind: 'compatible', name: 'Ollama', baseUrl: local.baseUrl });
    await tb.value('providers:setDefault', { id: 'ollama' });
    const conversation = await tb.newConversation();
    const answer = await tb.call('chat:send', { conversationId: conversation.id, content: 'hello' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MODEL_NOT_FOUND', message: expect.stringContaining('Choose a model for Ollama') } });
    expect(await tb.value('messages:list', { conversationId: conversation.id })).toEqual([]);
  });

  it('asks for the key of an added OpenAI-kind provider by its name', async () => {
    const tb = makeBackend();
    await tb.value('providers:add', { kind: 'openai', name: 'OpenAI work', baseUrl: local.baseUrl, model: 'gpt-4o' });
    await tb.value('providers:setDefault', { id: 'openai-work' });
    const conversation = await tb.newConversation();
    expect(await tb.call('chat:send', { conversationId: conversation.id, content: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'NO_API_KEY', message: 'Add your API key for OpenAI work in Settings to start chatting.' },
    });
  });
});

describe('moving a conversation to another provider', () => {
  afterEach(() => closeAllBackends());

  it('sends the next answer to the new provider, with its default model, and tells every window', async () => {
    const tb = makeBackend({ baseUrl: openai.baseUrl });
    await tb.value('providers:add', { kind: 'compatible', name: 'Groq', baseUrl: groq.baseUrl, model: 'llama-3.1-8b-instant' });
    await tb.value('secrets:setKey', { providerId: 'groq', key: makeTestKey(), sessionOnly: true });
    const conversation = await tb.newConversation();
    await tb.value('conversations:setOptions', { id: conversation.id, model: 'gpt-4o' });
    expect((await chat(tb, conversation.id, 'first')).model).toBe('gpt-4o');

    const moved = await tb.value('conversations:setProvider', { id: conversation.id, providerId: 'groq' });
    expect(moved).toMatchObject({ providerId: 'groq', model: null });
    expect(tb.events.some((e) => e.event === 'conversations:changed' && e.payload.conversation.providerId === 'groq')).toBe(true);
    const second = await chat(tb, conversation.id, 'second');
    expect(second).toMatchObject({ status: 'complete', model: 'llama-3.1-8b-instant' });
    expect(groq.requests.at(-1)!.body.messages?.map((m) => m.content)).toEqual(['first', 'You said: first', 'second']);
  });

  it('keeps the conversation\'s own model when the provider stays the same', async () => {
    const tb = makeBackend();
    const conversation = await tb.newConversation();
    await tb.value('conversations:setOptions', { id: conversation.id, model: 'gpt-4o' });
    expect(await tb.value('conversations:setProvider', { id: conversation.id, providerId: 'openai' })).toMatchObject({ model: 'gpt-4o' });
  });

  it('refuses a provider or a conversation that does not exist, changing nothing', async () => {
    const tb = makeBackend();
    const conversation = await tb.newConversation();
    expect(await tb.call('conversations:setProvider', { id: conversation.id, providerId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await tb.call('conversations:setProvider', { id: 'gone', providerId: 'openai' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await tb.value('conversations:list', {}))[0]).toMatchObject({ providerId: 'openai' });
  });
});
