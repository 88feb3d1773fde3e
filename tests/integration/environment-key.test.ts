import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../electron/services/secrets/keytar-secret-store';
import { keychainGate, loadKeytar, removeKeychainService, uniqueServiceName } from '../fixtures/keychain';
import { dataDirForAll, useFakeOpenAI } from '../fixtures/suite-hooks';
import { filesContaining } from '../fixtures/temp-dir';
import { closeAllBackends, makeBackend, makeTestKey } from '../fixtures/test-backend';

const gate = keychainGate();
const service = uniqueServiceName();

describe.skipIf(gate.skip)('a key from OPENAI_API_KEY', () => {
  const fake = useFakeOpenAI({ kind: 'echo' });
  const data = dataDirForAll();
  afterEach(async () => {
    await closeAllBackends();
    await removeKeychainService(service);
  });

  it('is used for requests without being written to the keychain, the disk or any answer', async () => {
    const key = makeTestKey();
    const tb = makeBackend({ baseUrl: fake.baseUrl, apiKey: key, secrets: createKeytarSecretStore(service), dataDir: data.dir });

    expect(await tb.value('secrets:status', { providerId: 'openai' })).toEqual({
      providerId: 'openai',
      hasKey: true,
      last4: key.slice(-4),
      source: 'environment',
      keychainAvailable: true,
      keychainProblem: null,
    });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hello from the environment');
    expect((await tb.waitForDone(assistantMessage.id)).status).toBe('complete');
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${key}`);

    expect(await loadKeytar().findCredentials(service)).toEqual([]);
    expect(JSON.stringify({ answers: tb.answers, events: tb.events })).not.toContain(key);
    expect(filesContaining(data.dir, 'Hello from the environment').length).toBeGreaterThan(0);
    expect(filesContaining(data.dir, key)).toEqual([]);
    await tb.close();
    expect(filesContaining(data.dir, key)).toEqual([]);
  });

  it('stays in use after the saved key is deleted, since Parley cannot delete it', async () => {
    const key = makeTestKey();
    const tb = makeBackend({ baseUrl: fake.baseUrl, apiKey: key, secrets: createKeytarSecretStore(service) });
    await tb.value('secrets:setKey', { providerId: 'openai', key: makeTestKey() });
    expect(await tb.value('secrets:deleteKey', { providerId: 'openai' })).toMatchObject({ hasKey: true, source: 'environment', last4: key.slice(-4) });
  });
});
