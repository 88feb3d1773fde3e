import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localProbeTimeoutMs } from '../../electron/services/providers/local-server-probe';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, closedPortUrl, makeBackend } from '../fixtures/test-backend';

let ollama: FakeOpenAI;
beforeAll(async () => {
  ollama = await startFakeOpenAI({ kind: 'echo' });
  ollama.setModelList(['llama3.2:latest', 'qwen2.5:7b']);
});
afterAll(() => ollama?.close());
afterEach(() => closeAllBackends());

/** The 300 ms default is for a person's idle computer; a test machine running suites in parallel can be slower to answer. */
const patient = 3_000;

/** Accepts connections and never answers: the worst case for a probe at start-up. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('a local model server found at first run', () => {
  it('offers Ollama with its models when no key is set anywhere', async () => {
    const tb = makeBackend({ apiKey: null, localProbeTimeoutMs: patient, localProbeUrls: { ollama: ollama.baseUrl, lmstudio: await closedPortUrl() } });
    expect(await tb.value('providers:detectLocal', {})).toEqual({
      servers: [{ kind: 'ollama', name: 'Ollama', baseUrl: ollama.baseUrl, models: ['llama3.2:latest', 'qwen2.5:7b'] }],
    });
  });

  it('stops offering it once it has been added as a provider', async () => {
    const tb = makeBackend({ apiKey: null, localProbeTimeoutMs: patient, localProbeUrls: { ollama: ollama.baseUrl } });
    await tb.value('providers:add', { kind: 'compatible', name: 'Ollama', baseUrl: ollama.baseUrl, model: 'llama3.2:latest' });
    expect(await tb.value('providers:detectLocal', {})).toEqual({ servers: [] });
  });

  it('offers nothing when a key is already set, without probing', async () => {
    const before = ollama.requests.length;
    const tb = makeBackend({ localProbeUrls: { ollama: ollama.baseUrl } });
    expect(await tb.value('providers:detectLocal', {})).toEqual({ servers: [] });
    expect(ollama.requests.length).toBe(before);
  });

  it('never holds up start-up, and gives up on a silent server within its short timeout', async () => {
    const silent = await silentServer();
    try {
      const started = performance.now();
      const tb = makeBackend({ apiKey: null, localProbeUrls: { ollama: silent.url } });
      const createdIn = performance.now() - started;
      expect(await tb.value('providers:detectLocal', {})).toEqual({ servers: [] });
      const answeredIn = performance.now() - started;
      // Start-up returned while the probe was still waiting on the silent server.
      expect(answeredIn - createdIn).toBeGreaterThan(localProbeTimeoutMs - 50);
      expect(answeredIn - createdIn).toBeLessThan(localProbeTimeoutMs + 700);
    } finally {
      await silent.close();
    }
  });

  it('chats with the server it offered, once added, with no key', async () => {
    const tb = makeBackend({ apiKey: null, localProbeTimeoutMs: patient, localProbeUrls: { ollama: ollama.baseUrl } });
    const [found] = (await tb.value('providers:detectLocal', {})).servers;
    await tb.value('providers:add', { kind: 'compatible', name: found!.name, baseUrl: found!.baseUrl, model: found!.models[0]! });
    await tb.value('providers:setDefault', { id: 'ollama' });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'hi local');
    expect(await tb.waitForDone(assistantMessage.id)).toMatchObject({ status: 'complete', model: 'llama3.2:latest' });
  });
});
