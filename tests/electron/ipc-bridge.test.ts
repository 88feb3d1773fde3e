import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { createBackend, type Backend, type EventListener } from '../../electron/backend';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { appPaths } from '../../electron/shell/app-paths';
import { connectIpc } from '../../electron/shell/ipc-bridge';
import { createMainWindow } from '../../electron/shell/main-window';
import { createQuickWindow } from '../../electron/shell/quick-window';
import { createTrustedSenders, type TrustedSenders } from '../../electron/shell/trusted-senders';
import { channelNames } from '../../shared/channels';
import { startFakeOpenAI } from '../fixtures/fake-openai-server';
import { fake, FakeWebContents, FakeWebFrame, resetFakeElectron, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const paths = appPaths(path.join(os.tmpdir(), 'parley-app'));

let dataDir: string;
let senders: TrustedSenders;
let backend: Backend;
let disconnect: () => void;

async function openWindow(): Promise<FakeBrowserWindow> {
  const win = createMainWindow(paths) as unknown as FakeBrowserWindow;
  senders.trust(win.webContents as unknown as WebContents);
  await vi.waitFor(() => expect(win.webContents.mainFrame.url).toBe(paths.rendererUrl));
  return win;
}

beforeEach(() => {
  resetFakeElectron();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-ipc-'));
  senders = createTrustedSenders(paths.rendererUrl);
  backend = createBackend({ dataDir, secrets: createSessionSecretStore(), isTrustedSender: senders.isTrustedSender, env: {} });
  disconnect = connectIpc(fake().ipcMain as unknown as IpcMain, backend, senders);
});

afterEach(async () => {
  disconnect();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the IPC bridge', () => {
  it("registers exactly the contract's channels, one handler each", () => {
    expect([...fake().ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(fake().ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
  });

  it('passes a request from our window through to the real backend', async () => {
    const win = await openWindow();
    const created = await fake().ipcMain.invoke('conversations:create', win.webContents.ipcEvent(), { title: 'Hello' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Hello' } });
    const listed = await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {});
    expect(listed).toMatchObject({ ok: true, value: [{ title: 'Hello' }] });
  });

  it("lets the backend's validation answer a bad input from our window", async () => {
    const win = await openWindow();
    const result = await fake().ipcMain.invoke('conversations:rename', win.webContents.ipcEvent(), { id: 'x', title: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('accepts the renderer whatever its in-page route', async () => {
    const win = await openWindow();
    win.webContents.mainFrame.url = `${paths.rendererUrl}#/quick?x=1`;
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toMatchObject({ ok: true });
  });

  it('refuses a sub-frame of our own window', async () => {
    const win = await openWindow();
    const sub = new FakeWebFrame({ url: paths.rendererUrl, parent: win.webContents.mainFrame, processId: win.webContents.mainFrame.processId });
    const result = await fake().ipcMain.invoke('conversations:create', win.webContents.ipcEvent(sub), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a frame that has no parent but is not the top frame of the window', async () => {
    const win = await openWindow();
    const orphan = new FakeWebFrame({ url: paths.rendererUrl, parent: null, processId: 999 });
    const result = await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(orphan), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
  });

  it('refuses a webContents that is not one of our windows, even showing our file', async () => {
    const foreign = new FakeWebContents(fake().session.defaultSession, paths.rendererUrl);
    const result = await fake().ipcMain.invoke('conversations:list', foreign.ipcEvent(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
  });

  it('trusts the quick window for the quick page only, and sends it events too', async () => {
    const quick = createQuickWindow(paths).window as unknown as FakeBrowserWindow;
    senders.trust(quick.webContents as unknown as WebContents, paths.quickRendererUrl);
    await vi.waitFor(() => expect(quick.webContents.mainFrame.url).toBe(paths.quickRendererUrl));
    expect(await fake().ipcMain.invoke('conversations:list', quick.webContents.ipcEvent(), {})).toMatchObject({ ok: true });
    expect(senders.contents()).toContain(quick.webContents);

    quick.webContents.mainFrame.url = paths.rendererUrl;
    expect(await fake().ipcMain.invoke('conversations:list', quick.webContents.ipcEvent(), {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    const win = await openWindow();
    win.webContents.mainFrame.url = paths.quickRendererUrl;
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
  });

  it('refuses our window once it shows another document', async () => {
    const win = await openWindow();
    for (const url of ['https://evil.example/index.html', 'file:///tmp/other/index.html', `${paths.rendererUrl.replace('index.html', 'other.html')}`, 'about:blank', '']) {
      win.webContents.mainFrame.url = url;
      const result = await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {});
      expect(result, url).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    }
  });

  it('refuses a frame that is gone, and a window that was destroyed', async () => {
    const win = await openWindow();
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(null), {})).toMatchObject({ error: { code: 'UNKNOWN_SENDER' } });
    win.webContents.mainFrame.detached = true;
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toMatchObject({ error: { code: 'UNKNOWN_SENDER' } });
    win.webContents.mainFrame.detached = false;
    win.close();
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toMatchObject({ error: { code: 'UNKNOWN_SENDER' } });
  });

  it('refuses a webContents that reuses the id of a destroyed window', async () => {
    const win = await openWindow();
    const impostor = new FakeWebContents(fake().session.defaultSession, paths.rendererUrl);
    Object.defineProperty(impostor, 'id', { value: win.webContents.id });
    expect(await fake().ipcMain.invoke('conversations:list', impostor.ipcEvent(), {})).toMatchObject({ error: { code: 'UNKNOWN_SENDER' } });
  });

  it('refuses anything that is not an IPC event', () => {
    for (const sender of [null, undefined, 'window', 42, {}, { sender: {} }]) expect(senders.isTrustedSender(sender)).toBe(false);
  });

  it('removes its handlers when disconnected', () => {
    disconnect();
    expect(fake().ipcMain.handlers.size).toBe(0);
    disconnect = () => undefined;
  });
});

describe('backend events', () => {
  function fakeBackend() {
    let listener: EventListener | undefined;
    const unsubscribe = vi.fn();
    return {
      invoke: vi.fn(),
      subscribe: (l: EventListener) => {
        listener = l;
        return unsubscribe;
      },
      emit: (event: 'chat:delta', payload: { conversationId: string; messageId: string; text: string }) => listener?.(event, payload),
      unsubscribe,
    };
  }

  it('reach every trusted window and nothing else', async () => {
    disconnect();
    const events = fakeBackend();
    disconnect = connectIpc(fake().ipcMain as unknown as IpcMain, events as unknown as Backend, senders);
    const [a, b, navigatedAway, closed] = await Promise.all([openWindow(), openWindow(), openWindow(), openWindow()]);
    const foreign = new FakeWebContents(fake().session.defaultSession, paths.rendererUrl);
    navigatedAway!.webContents.mainFrame.url = 'https://evil.example/';
    closed!.close();

    const payload = { conversationId: 'c1', messageId: 'm1', text: 'Hel' };
    events.emit('chat:delta', payload);

    expect(a!.webContents.send).toHaveBeenCalledWith('chat:delta', payload);
    expect(b!.webContents.send).toHaveBeenCalledWith('chat:delta', payload);
    expect(navigatedAway!.webContents.send).not.toHaveBeenCalled();
    expect(closed!.webContents.send).not.toHaveBeenCalled();
    expect(foreign.send).not.toHaveBeenCalled();

    disconnect();
    expect(events.unsubscribe).toHaveBeenCalled();
    disconnect = () => undefined;
  });

  it('carry a real streamed answer from the backend to the window that asked', async () => {
    const server = await startFakeOpenAI({ kind: 'echo', delayMs: 2 });
    disconnect();
    await backend.close();
    backend = createBackend({
      dataDir,
      secrets: createSessionSecretStore(),
      isTrustedSender: senders.isTrustedSender,
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test-1234' },
    });
    disconnect = connectIpc(fake().ipcMain as unknown as IpcMain, backend, senders);
    try {
      const win = await openWindow();
      const created = (await fake().ipcMain.invoke('conversations:create', win.webContents.ipcEvent(), {})) as { ok: true; value: { id: string } };
      const sent = await fake().ipcMain.invoke('chat:send', win.webContents.ipcEvent(), { conversationId: created.value.id, content: 'hello there' });
      expect(sent).toMatchObject({ ok: true });
      await vi.waitFor(() => expect(win.webContents.send.mock.calls.map(([name]) => name)).toContain('chat:done'), { timeout: 10_000 });
      const names = win.webContents.send.mock.calls.map(([name]) => name);
      expect(names).toContain('chat:delta');
      expect(names.every((n) => ['chat:delta', 'chat:done', 'conversations:changed'].includes(n))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
