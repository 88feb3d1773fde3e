import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../electron/services/secrets/keytar-secret-store';
import { keychainGate, loadKeytar, removeKeychainService, uniqueServiceName } from '../fixtures/keychain';
import { dataDirForAll, useFakeOpenAI } from '../fixtures/suite-hooks';
import { filesContaining } from '../fixtures/temp-dir';
import { closeAllBackends, makeBackend, makeTestKey, type TestBackend } from '../fixtures/test-backend';

const gate = keychainGate();
const service = uniqueServiceName();

/** Everything that crossed IPC towards a window: answers and events. */
const whatWindowsSaw = (tb: TestBackend) => JSON.stringify({ answers: tb.answers, events: tb.events });

describe.skipIf(gate.skip)('an API key', () => {
  const fake = useFakeOpenAI();
  const data = dataDirForAll();
  afterEach(async () => {
    await closeAllBackends();
    await removeKeychainService(service);
  });

  it('saved in the keychain is absent from the database files and from every IPC answer', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['A distinctive ', 'zebracorn ', 'answer.'], delayMs: 10 });
    const key = makeTestKey();
    const tb = makeBackend({ baseUrl: fake.baseUrl, apiKey: null, secrets: createKeytarSecretStore(service), dataDir: data.dir });

    await tb.value('secrets:setKey', { providerId: 'openai', key });
    await tb.value('secrets:status', { providerId: 'openai' });
    await tb.value('settings:setProvider', { baseUrl: fake.baseUrl, model: 'gpt-4o-mini' });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Say something distinctive');
    await tb.waitForDone(assistantMessage.id);
    await tb.value('messages:list', { conversationId: conversation.id });
    await tb.value('conversations:list', {});
    fake.setScenario({ kind: 'status', status: 401 });
    const failed = await tb.send(conversation.id, 'Again');
    await tb.waitForDone(failed.assistantMessage.id);
    await tb.value('messages:list', { conversationId: conversation.id });
    await tb.value('secrets:deleteKey', { providerId: 'openai' });

    // The key really was in use, and the search really sees what the backend wrote.
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${key}`);
    expect(whatWindowsSaw(tb)).toContain('zebracorn');
    expect(filesContaining(data.dir, 'zebracorn').length).toBeGreaterThan(0);

    expect(whatWindowsSaw(tb)).not.toContain(key);
    expect(existsSync(`${tb.databaseFile}-wal`)).toBe(true);
    expect(filesContaining(data.dir, key)).toEqual([]);
    await tb.close();
    expect(filesContaining(data.dir, key)).toEqual([]);
    expect(await loadKeytar().findCredentials(service)).toEqual([]);
  });
});
