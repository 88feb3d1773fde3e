import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ChannelName } from '../../../shared/channels';
import { startFakeOpenAI, type FakeOpenAI } from '../../fixtures/fake-openai-server';
import { startHostProcess, type HostProcess } from './browser-host-process';
import { launchChromium } from './chromium';
import { createKeytarSecretStore } from '../../../electron/services/secrets/keytar-secret-store';

async function removeKeychainEntry(service: string): Promise<void> {
  const store = createKeytarSecretStore(service);
  if ((await store.problem()) === null) await store.delete('openai');
}

const rendererIndex = path.resolve(import.meta.dirname, '../../../out/renderer/index.html');

export interface E2ESession {
  model: FakeOpenAI;
  host: HostProcess;
  browser: Browser;
  dataDir: string;
  newPage(): Promise<Page>;
  /** Calls the host through the same contract the page uses, for set-up steps that are not under test. */
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  /** Saves a key as Settings would: in the keychain, or for the session where none is available. */
  saveKey(key: string): Promise<void>;
  /** Stops the host and starts a new one on the same data: Parley closed and reopened. */
  restartHost(): Promise<void>;
  close(): Promise<void>;
}

/** A fake model server, the real browser host on a fresh data folder, and Debian's Chromium. */
export async function startE2ESession(options: { env?: Record<string, string> } = {}): Promise<E2ESession> {
  if (!existsSync(rendererIndex)) throw new Error('The renderer is not built: run `npx vite build` (npm test does it).');
  const model = await startFakeOpenAI();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
  // One keychain entry per session, kept across host restarts, never the real `Parley` one.
  const env = { OPENAI_BASE_URL: model.baseUrl, PARLEY_KEYCHAIN_SERVICE: `Parley-e2e-${path.basename(dataDir)}`, ...options.env };
  const session: E2ESession = {
    model,
    dataDir,
    host: await startHostProcess(dataDir, env),
    browser: await launchChromium(),
    async newPage() {
      const context = await session.browser.newContext({ viewport: { width: 1100, height: 760 } });
      const page = await context.newPage();
      // Short waits so a missing element fails the poll around it instead of hanging the test.
      page.setDefaultTimeout(10_000);
      return page;
    },
    async invoke(channel, input) {
      const url = new URL(session.host.url);
      const token = /token=([0-9a-f]+)/.exec(url.hash)![1]!;
      const res = await fetch(`${url.origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-parley-token': token },
        body: JSON.stringify(input),
      });
      const result = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
      return result.value;
    },
    async saveKey(key) {
      await session
        .invoke('secrets:setKey', { providerId: 'openai', key })
        .catch(() => session.invoke('secrets:setKey', { providerId: 'openai', key, sessionOnly: true }));
    },
    async restartHost() {
      await session.host.stop();
      session.host = await startHostProcess(dataDir, env);
    },
    async close() {
      await session.browser.close();
      await session.host.stop();
      await removeKeychainEntry(env.PARLEY_KEYCHAIN_SERVICE);
      await model.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return session;
}
