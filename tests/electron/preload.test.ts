import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames, splitChannelName } from '../../shared/channels';
import { fake, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

type Exposed = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void;
};

let parley: Exposed;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../electron/preload');
  parley = fake().contextBridge.exposed.get('parley') as Exposed;
});

describe('the preload', () => {
  it('exposes `parley` and nothing else', () => {
    expect([...fake().contextBridge.exposed.keys()]).toEqual(['parley']);
    expect(fake().contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  });

  it("offers exactly the contract's methods, grouped by area, plus subscribe and files.pathOf", () => {
    const offered = Object.entries(parley)
      .filter(([key]) => key !== 'subscribe')
      .flatMap(([area, methods]) => Object.keys(methods).map((m) => `${area}:${m}`));
    expect(offered.sort()).toEqual([...channelNames, 'files:pathOf'].sort());
    expect(Object.keys(parley).sort()).toEqual([...new Set(channelNames.map((c) => splitChannelName(c)[0])), 'subscribe'].sort());
    expect(typeof parley.subscribe).toBe('function');
  });

  it('has no generic invoke, send or ipcRenderer pass-through', () => {
    for (const key of ['invoke', 'send', 'ipcRenderer', 'on', 'electron', 'require']) expect(parley).not.toHaveProperty(key);
    expect(Object.isFrozen(parley)).toBe(true);
    expect(Object.isFrozen(parley.files)).toBe(true);
  });

  it("gives a dropped File's path through webUtils.getPathForFile, and nothing else of the file", () => {
    const file = { name: 'notes.txt', fakePath: '/home/ada/notes.txt' };
    expect((parley.files!.pathOf as unknown as (f: unknown) => string)(file)).toBe('/home/ada/notes.txt');
    expect(fake().webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });

  it('turns each method into an invoke on its own channel', async () => {
    fake().ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(parley.conversations!.list!({})).resolves.toEqual({ ok: true, value: [] });
    expect(fake().ipcRenderer.invoke).toHaveBeenLastCalledWith('conversations:list', {});
    await parley.chat!.send!({ conversationId: 'c', content: 'hi' });
    expect(fake().ipcRenderer.invoke).toHaveBeenLastCalledWith('chat:send', { conversationId: 'c', content: 'hi' });
  });

  it('hands a subscriber the payload only, never the IPC event (which carries `sender`)', () => {
    const listener = vi.fn();
    const unsubscribe = parley.subscribe('chat:delta', listener);
    const payload = { conversationId: 'c', messageId: 'm', text: 'Hi' };
    fake().ipcRenderer.emit('chat:delta', { sender: fake().ipcRenderer, senderId: 0 }, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(payload);

    unsubscribe();
    fake().ipcRenderer.emit('chat:delta', {}, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake().ipcRenderer.listenerCount('chat:delta')).toBe(0);
  });

  it('subscribes to declared events only', () => {
    for (const event of eventNames) parley.subscribe(event, () => undefined)();
    expect(() => parley.subscribe('secrets:leaked', () => undefined)).toThrow(/Unknown event/);
    expect(fake().ipcRenderer.listenerCount('secrets:leaked')).toBe(0);
  });
});
