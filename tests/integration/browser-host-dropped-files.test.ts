import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { png } from '../fixtures/files/png-fixture';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

/**
 * The browser host has no path for a dropped File: the page sends the bytes
 * (base64) and main reads and checks them through the same ingestion.
 */
let rendererDir: string;
let dataDir: string;
let host: BrowserHost;
let invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>;

beforeAll(() => {
  rendererDir = makeTempDir('parley-renderer-');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>');
});
afterAll(() => removeTempDir(rendererDir));

beforeAll(async () => {
  dataDir = makeTempDir();
  host = await startBrowserHost({ port: 0, dataDir, rendererDir, secrets: createSessionSecretStore(), localProbeUrls: {}, env: {} });
  const url = new URL(host.url);
  const token = /token=([0-9a-f]+)/.exec(url.hash)![1]!;
  invoke = async (channel, input) =>
    (await fetch(`${url.origin}/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-parley-token': token }, body: JSON.stringify(input) })).json();
});
afterEach(async () => {
  await invoke('settings:setFiles', { maxFileBytes: 50_000_000, confirmAboveUsd: 0.5, concurrency: 3 });
});
afterAll(async () => {
  await host.close();
  removeTempDir(dataDir);
});

const bytes = (name: string, content: string | Buffer) => ({ source: { kind: 'bytes', name, base64: Buffer.from(content).toString('base64') } });

describe('a file dropped on the browser host', () => {
  it('is read from its bytes: type from the content, the name only a label', async () => {
    const answer = await invoke('files:prepare', bytes('../../etc/passwd.py', 'def add(a, b):\n    return a + b\n'));
    expect(answer).toMatchObject({ ok: true, value: { name: 'passwd.py', displayPath: 'passwd.py', kind: 'code', language: 'python', reused: null } });
    const image = await invoke('files:prepare', bytes('looks-like-text.txt', png(8, 8)));
    expect(image).toMatchObject({ ok: true, value: { kind: 'image', mime: 'image/png' } });
  });

  it('refuses what ingestion refuses, and bytes over the size limit, in words for the alert', async () => {
    expect(await invoke('files:prepare', bytes('empty.txt', ''))).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
    await invoke('settings:setFiles', { maxFileBytes: 2_000, confirmAboveUsd: 0.5, concurrency: 3 });
    const big = await invoke('files:prepare', bytes('big.log', 'x'.repeat(3_000)));
    expect(big).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', message: expect.stringMatching(/limit/) } });
  });

  it('never reads a path a page names: FORBIDDEN, and nothing of the file comes back', async () => {
    const secret = path.join(dataDir, 'secret.txt');
    writeFileSync(secret, 'private notes\n');
    const answer = await invoke('files:prepare', { source: { kind: 'path', path: secret } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(answer)).not.toContain('private notes');
  });

  it('refuses bytes that are not base64 at the contract, before anything is read', async () => {
    expect(await invoke('files:prepare', { source: { kind: 'bytes', name: 'x.txt', base64: 'not base64!' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
