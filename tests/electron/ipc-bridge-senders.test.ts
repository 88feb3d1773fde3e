import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { createBackend, type Backend } from '../../electron/backend';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { appPaths } from '../../electron/shell/app-paths';
import { connectIpc } from '../../electron/shell/ipc-bridge';
import { createMainWindow } from '../../electron/shell/main-window';
import { createTrustedSenders } from '../../electron/shell/trusted-senders';
import { channelNames } from '../../shared/channels';
import { fake, FakeWebContents, FakeWebFrame, resetFakeElectron, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/**
 * The sender check as Electron's IPC reaches it, on every channel: any frame
 * that is not the top frame of one of our windows showing our page (a
 * sub-frame, a frame with no window, another webContents, our window after it
 * navigated away, a frame that is gone) is refused with UNKNOWN_SENDER, whatever
 * the request, and the database does not move. ipc-bridge.test.ts shows each
 * case once; this runs them across the whole contract.
 */
const paths = appPaths(path.join(os.tmpdir(), 'parley-app'));
let dataDir: string;
let backend: Backend;
let disconnect: () => void;
let win: FakeBrowserWindow;
let reader: Database.Database;

beforeAll(async () => {
  resetFakeElectron();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-ipc-senders-'));
  const senders = createTrustedSenders(paths.rendererUrl);
  backend = createBackend({ dataDir, secrets: createSessionSecretStore(), isTrustedSender: senders.isTrustedSender, env: {}, localProbeUrls: {} });
  disconnect = connectIpc(fake().ipcMain as unknown as IpcMain, backend, senders);
  win = createMainWindow(paths) as unknown as FakeBrowserWindow;
  senders.trust(win.webContents as unknown as WebContents);
  await vi.waitFor(() => expect(win.webContents.mainFrame.url).toBe(paths.rendererUrl));
  expect(await fake().ipcMain.invoke('conversations:create', win.webContents.ipcEvent(), { title: 'Kept' })).toMatchObject({ ok: true });
  reader = new Database(backend.databaseFile, { readonly: true, fileMustExist: true });
});

afterAll(async () => {
  reader?.close();
  disconnect?.();
  await backend?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Untrusted = { what: string; event: () => unknown; restore?: () => void };

const otherUrls = fc.oneof(
  fc.constantFrom('https://evil.example/index.html', 'file:///tmp/index.html', paths.rendererUrl.replace('index.html', 'other.html'), `${paths.rendererUrl}/../x.html`, 'about:blank', 'data:text/html,x', ''),
  fc.webUrl(),
  fc.string({ maxLength: 40 }),
);

const untrusted: fc.Arbitrary<Untrusted> = fc.oneof(
  fc.constant<Untrusted>({
    what: 'a sub-frame of our window',
    event: () => win.webContents.ipcEvent(new FakeWebFrame({ url: paths.rendererUrl, parent: win.webContents.mainFrame, processId: win.webContents.mainFrame.processId })),
  }),
  fc.integer({ min: 2, max: 10_000 }).map<Untrusted>((processId) => ({
    what: 'a top-level frame that is not our window',
    event: () => win.webContents.ipcEvent(new FakeWebFrame({ url: paths.rendererUrl, parent: null, processId })),
  })),
  fc.constant<Untrusted>({ what: 'another webContents showing our page', event: () => new FakeWebContents(fake().session.defaultSession, paths.rendererUrl).ipcEvent() }),
  fc.constant<Untrusted>({ what: 'a frame that is gone', event: () => win.webContents.ipcEvent(null) }),
  otherUrls.filter((u) => u !== paths.rendererUrl && !u.startsWith(`${paths.rendererUrl}#`)).map<Untrusted>((url) => {
    const was = win.webContents.mainFrame.url;
    return {
      what: `our window navigated to ${JSON.stringify(url)}`,
      event: () => {
        win.webContents.mainFrame.url = url;
        return win.webContents.ipcEvent();
      },
      restore: () => {
        win.webContents.mainFrame.url = was;
      },
    };
  }),
  fc.anything({ maxDepth: 1 }).map<Untrusted>((junk) => ({ what: 'something that is not an IPC event', event: () => junk })),
);

describe('requests reaching ipcMain from anything but our window', () => {
  it('are refused with UNKNOWN_SENDER on every channel, and the database does not move', async () => {
    const version = () => reader.pragma('data_version', { simple: true }) as number;
    const before = version();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), untrusted, fc.oneof(fc.constant({}), fc.object({ maxDepth: 1 })), async (channel, sender, input) => {
        try {
          const answer = await fake().ipcMain.invoke(channel, sender.event() as never, input);
          expect(answer, `${channel} from ${sender.what}`).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
        } finally {
          sender.restore?.();
        }
        expect(version(), `${channel} from ${sender.what} wrote`).toBe(before);
      }),
      { numRuns: 1500 },
    );
    // Our own window, back on its page, is still answered: the refusals were about the sender, not a broken bridge.
    expect(await fake().ipcMain.invoke('conversations:list', win.webContents.ipcEvent(), {})).toMatchObject({ ok: true, value: [{ title: 'Kept' }] });
  });
});
