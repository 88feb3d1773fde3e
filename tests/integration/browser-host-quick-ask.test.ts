import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { DEFAULT_QUICK_ASK_HOTKEY } from '../../shared/quick-ask';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

/** A stand-in for the built renderer: the host serves whatever is in the folder. */
let rendererDir: string;
beforeAll(() => {
  rendererDir = makeTempDir('parley-renderer-');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>');
  writeFileSync(path.join(rendererDir, 'quick.html'), '<!doctype html><title>Quick ask · Parley</title>');
});
afterAll(() => removeTempDir(rendererDir));

const open: { host: BrowserHost; dataDir: string }[] = [];
afterEach(async () => {
  for (const { host, dataDir } of open.splice(0)) {
    await host.close();
    removeTempDir(dataDir);
  }
});

async function startHost() {
  const dataDir = makeTempDir();
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir, secrets: createSessionSecretStore(), localProbeUrls: {} });
  open.push({ host, dataDir });
  const url = new URL(host.url);
  const token = /token=([0-9a-f]+)/.exec(url.hash)![1]!;
  const hostApi = (pathname: string, init: RequestInit = {}, withToken = token) =>
    fetch(`${url.origin}${pathname}`, { ...init, headers: { 'content-type': 'application/json', 'x-parley-token': withToken, ...init.headers } });
  const invoke = async (channel: string, input: unknown) => (await hostApi(`/api/invoke/${channel}`, { method: 'POST', body: JSON.stringify(input) })).json();
  const calls = async () => (await (await hostApi('/api/host/calls')).json()) as { method: string; args: unknown[]; at: number }[];
  return { host, origin: url.origin, token, hostApi, invoke, calls };
}

/** Reads the page's event stream until `event` arrives; answers its data. */
async function nextEvent(origin: string, token: string, event: string, trigger: () => Promise<unknown>): Promise<unknown> {
  const controller = new AbortController();
  const res = await fetch(`${origin}/api/events`, { headers: { 'x-parley-token': token }, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // Wait for the stream to be registered before triggering, or the event could go out first.
  while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);
  await trigger();
  for (;;) {
    const m = new RegExp(`event: ${event}\\ndata: (.*)\\n`).exec(text);
    if (m) {
      controller.abort();
      return JSON.parse(m[1]!);
    }
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${event}`);
    text += decoder.decode(value);
  }
}

describe('the browser host as the quick-ask desktop', () => {
  it('records the hotkey and background settings applied at start', async () => {
    const { calls } = await startHost();
    expect((await calls()).map((c) => [c.method, c.args])).toEqual([
      ['registerHotkey', [DEFAULT_QUICK_ASK_HOTKEY]],
      ['setCloseToTray', [false]],
      ['setOpenAtLogin', [false]],
    ]);
  });

  it('records a show, tells every page, and records the hide that follows', async () => {
    const { origin, token, hostApi, invoke, calls } = await startHost();
    const before = Date.now();
    const shown = (await nextEvent(origin, token, 'quick:shown', () => hostApi('/api/host/showQuick', { method: 'POST' }))) as { at: number };
    expect(shown.at).toBeGreaterThanOrEqual(before);

    expect(await invoke('quick:hide', {})).toEqual({ ok: true, value: { hidden: true } });
    const recorded = (await calls()).slice(3);
    expect(recorded.map((c) => c.method)).toEqual(['showQuickWindow', 'hideQuickWindow']);
    expect(recorded[0]!.at).toBe(shown.at);
    expect(recorded[1]!.at).toBeGreaterThanOrEqual(recorded[0]!.at);
  });

  it('sends the open-in-main event to the pages and records main shown, quick hidden', async () => {
    const { origin, token, invoke, calls } = await startHost();
    const { value: conversation } = (await invoke('conversations:create', { origin: 'quick' })) as { value: { id: string } };
    const payload = await nextEvent(origin, token, 'app:openConversation', () => invoke('quick:openInMain', { conversationId: conversation.id }));
    expect(payload).toEqual({ conversationId: conversation.id });
    expect((await calls()).slice(3).map((c) => c.method)).toEqual(['showMainWindow', 'hideQuickWindow']);
  });

  it('lets a test set the clipboard the quick window reads', async () => {
    const { hostApi, invoke } = await startHost();
    expect((await hostApi('/api/host/clipboard', { method: 'POST', body: JSON.stringify({ text: 'copied paragraph' }) })).status).toBe(200);
    expect(await invoke('quick:clipboardText', {})).toEqual({ ok: true, value: { text: 'copied paragraph', truncated: false } });
    expect((await hostApi('/api/host/clipboard', { method: 'POST', body: JSON.stringify({ text: 5 }) })).status).toBe(400);
    expect((await hostApi('/api/host/clipboard', { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('lets a test make a hotkey taken, so the settings show the conflict', async () => {
    const { hostApi, invoke } = await startHost();
    await hostApi('/api/host/takeHotkey', { method: 'POST', body: JSON.stringify({ accelerator: 'alt+space' }) });
    expect(await invoke('settings:setQuickAsk', { hotkey: 'Alt+Space' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Another app is using Alt+Space; Parley kept Ctrl+Shift+Space.' },
    });
  });

  it('refuses the host routes without the token, from another origin or another Host name', async () => {
    const { host, origin, hostApi, token } = await startHost();
    expect((await hostApi('/api/host/calls', {}, '')).status).toBe(403);
    expect((await hostApi('/api/host/calls', {}, 'f'.repeat(token.length))).status).toBe(403);
    expect((await hostApi('/api/host/showQuick', { method: 'POST' }, 'wrong')).status).toBe(403);
    expect((await hostApi('/api/host/clipboard', { method: 'POST', body: '{"text":"x"}' }, '')).status).toBe(403);
    expect((await hostApi('/api/host/calls', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await hostApi('/api/host/nothing')).status).toBe(404);
    expect((await hostApi('/api/host/calls', { method: 'DELETE' })).status).toBe(404);
    // fetch will not send a forged Host header, so ask through node:http.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${origin}/api/host/calls`, { headers: { host: 'rebind.example', 'x-parley-token': token } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect(host.desktop.calls.map((c) => c.method)).not.toContain('showQuickWindow');
    expect(host.desktop.state().quickVisible).toBe(false);
  });

  it('serves the quick-ask page at quickUrl with the token and the same CSP as the main page', async () => {
    const { host } = await startHost();
    expect(host.quickUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/quick\.html#token=[0-9a-f]{48}$/);
    expect(host.quickUrl.split('#')[1]).toBe(host.url.split('#')[1]);
    const quick = await fetch(host.quickUrl);
    const main = await fetch(host.url);
    expect(await quick.text()).toContain('Quick ask');
    expect(quick.headers.get('content-type')).toContain('text/html');
    expect(quick.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(quick.headers.get('content-security-policy')).toBe(main.headers.get('content-security-policy'));
  });
});

describe('npm run web', () => {
  it('prints the quick-ask URL on its own line after the main one', async () => {
    const dataDir = makeTempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser-host/cli.ts', '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PARLEY_KEYCHAIN_SERVICE: `Parley-test-${path.basename(dataDir)}`, PARLEY_LOCAL_PROBE_URLS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no quick-ask line:\n${out}${err}`)), 30_000);
        child.stdout.on('data', (d) => {
          out += d;
          if (/Quick ask is at .*\n/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const lines = out.trim().split('\n');
      const main = /^Parley is running at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+))$/.exec(lines[0]!);
      expect(main).not.toBeNull();
      expect(lines[1]).toBe(`Quick ask is at http://127.0.0.1:${main![2]}/quick.html#token=${main![3]}`);
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      removeTempDir(dataDir);
    }
  });
});
