import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { startFakeOpenAI } from '../fixtures/fake-openai-server';

const server = await startFakeOpenAI({ kind: 'echo', delayMs: 5 });
afterAll(() => server.close());

it('streams an echo', async () => {
  const b = createBackend({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'p-')), secrets: createSessionSecretStore(), isTrustedSender: () => true, env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test-1234' } });
  const deltas: string[] = [];
  let done: unknown;
  b.subscribe((e, p) => { if (e === 'chat:delta') deltas.push((p as {text: string}).text); if (e === 'chat:done') done = p; });
  const c = await b.invoke('conversations:create', {}, null);
  expect(c.ok).toBe(true);
  const r = await b.invoke('chat:send', { conversationId: (c as any).value.id, content: 'hello there' }, null);
  expect(r.ok).toBe(true);
  await new Promise((res) => setTimeout(res, 500));
  console.log(deltas, JSON.stringify(done));
  await b.close();
});
