import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../electron/services/secrets/keytar-secret-store';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { keychainGate, loadKeytar, removeKeychainService, uniqueServiceName } from '../fixtures/keychain';
import { closeAllBackends, makeBackend, makeTestKey } from '../fixtures/test-backend';

const gate = keychainGate();
const service = uniqueServiceName();

describe.skipIf(gate.skip)('API keys in the system keychain', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ kind: 'echo' });
  });
  afterAll(() => fake?.close());
  afterEach(async () => {
    await closeAllBackends();
    await removeKeychainService(service);
  });

  const backendWithKeychain = (apiKey: string | null = null) =>
    makeBackend({ baseUrl: fake.baseUrl, apiKey, secrets: createKeytarSecretStore(service) });

  it('can reach a Secret Service', () => {
    expect(gate.problem).toBeNull();
  });

  it('saves a key, and status shows it by its last four characters only', async () => {
    const tb = backendWithKeychain();
    const key = makeTestKey();
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toEqual({
      providerId: 'openai',
      hasKey: false,
      last4: null,
      source: null,
      keychainAvailable: true,
      keychainProblem: null,
    });

    const saved = await tb.value('secrets:setKey', { providerId: 'openai', key });
    expect(saved).toEqual({ providerId: 'openai', hasKey: true, last4: key.slice(-4), source: 'keychain', keychainAvailable: true, keychainProblem: null });
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toEqual(saved);
    expect(await loadKeytar().getPassword(service, 'openai')).toBe(key);
  });

  it('finds the saved key after a restart and sends it with requests', async () => {
    const key = makeTestKey();
    await backendWithKeychain().value('secrets:setKey', { providerId: 'openai', key });
    await closeAllBackends();

    const restarted = backendWithKeychain();
    expect(await restarted.value('secrets:status', { providerId: 'openai' })).toMatchObject({ hasKey: true, source: 'keychain', last4: key.slice(-4) });
    const conversation = await restarted.newConversation();
    const { assistantMessage } = await restarted.send(conversation.id, 'Hi');
    expect((await restarted.waitForDone(assistantMessage.id)).status).toBe('complete');
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${key}`);
  });

  it('deletes the key from the keychain', async () => {
    const tb = backendWithKeychain();
    await tb.value('secrets:setKey', { providerId: 'openai', key: makeTestKey() });
    expect(await tb.value('secrets:deleteKey', { providerId: 'openai' })).toMatchObject({ hasKey: false, last4: null, source: null });
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toMatchObject({ hasKey: false });
    expect(await loadKeytar().findCredentials(service)).toEqual([]);
  });

  it('stores a pasted key without the line break that came with it', async () => {
    const tb = backendWithKeychain();
    const key = makeTestKey();
    await tb.value('secrets:setKey', { providerId: 'openai', key: `  ${key}\n` });
    expect(await loadKeytar().getPassword(service, 'openai')).toBe(key);
  });

  it('prefers a saved key over OPENAI_API_KEY', async () => {
    const environmentKey = makeTestKey();
    const savedKey = makeTestKey();
    const tb = backendWithKeychain(environmentKey);
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toMatchObject({ source: 'environment', last4: environmentKey.slice(-4) });
    await tb.value('secrets:setKey', { providerId: 'openai', key: savedKey });
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toMatchObject({ source: 'keychain', last4: savedKey.slice(-4) });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Which key?');
    await tb.waitForDone(assistantMessage.id);
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${savedKey}`);
  });

  it('replaces a session-only key when the key is then saved to the keychain', async () => {
    const tb = backendWithKeychain();
    const sessionKey = makeTestKey();
    const savedKey = makeTestKey();
    await tb.value('secrets:setKey', { providerId: 'openai', key: sessionKey, sessionOnly: true });
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toMatchObject({ source: 'session' });
    expect(await loadKeytar().findCredentials(service)).toEqual([]);
    await tb.value('secrets:setKey', { providerId: 'openai', key: savedKey });
    expect(await tb.value('secrets:status', { providerId: 'openai' })).toMatchObject({ source: 'keychain', last4: savedKey.slice(-4) });
  });
});
