import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenedFiles, filePathsFromArgv } from '../../electron/shell/opened-files';
import { fake, fakeEvent } from './fake-electron';
import { launch, mainWindow, setArgv, useMainHarness } from './main-harness';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const harness = useMainHarness();
beforeEach(() => {
  // main.ts logs its version at start; a fake without getVersion (older fake-electron) gets one here.
  const app = fake().app as unknown as { getVersion?: () => string };
  app.getVersion ??= () => '0.0.0-test';
});

describe('the file arguments of a command line', () => {
  it('leaves out the executable, the app folder when unpackaged, and switches; resolves relative paths from where it ran', () => {
    expect(filePathsFromArgv(['/opt/Parley/parley', '--enable-logging', 'notes.txt', '/tmp/a b.log'], { isPackaged: true, cwd: '/home/ada' })).toEqual([
      '/home/ada/notes.txt',
      '/tmp/a b.log',
    ]);
    expect(filePathsFromArgv(['/usr/bin/electron', '.', 'src/main.ts'], { isPackaged: false, cwd: '/work' })).toEqual(['/work/src/main.ts']);
    expect(filePathsFromArgv(['/Applications/Parley.app/Contents/MacOS/Parley', '-psn_0_12345'], { isPackaged: true, cwd: '/' })).toEqual([]);
    expect(filePathsFromArgv(['parley', '--', '-odd-name.txt'], { isPackaged: true, cwd: '/x' })).toEqual(['/x/-odd-name.txt']);
  });

  it('holds paths until the backend is attached, then opens them in order, and later ones at once', () => {
    const opened = createOpenedFiles();
    const seen: string[] = [];
    opened.add(['/a']);
    opened.add(['/b']);
    expect(seen).toEqual([]);
    opened.attach((p) => seen.push(p));
    expect(seen).toEqual(['/a', '/b']);
    opened.add(['/c']);
    expect(seen).toEqual(['/a', '/b', '/c']);
  });
});

/** What the chat window is told, and then takes, for each file given from outside. */
async function openedInWindow(expected: number) {
  const win = await mainWindow();
  await vi.waitFor(() => expect(win.webContents.send.mock.calls.filter(([event]) => event === 'files:opened').length).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
  const answer = (await fake().ipcMain.invoke('files:takeOpened', win.webContents.ipcEvent(), {})) as { ok: true; value: { files: { path: string; result: { ok: boolean; file?: { name: string } } }[] } };
  await vi.waitFor(async () => {
    if (answer.value.files.length >= expected) return;
    const more = (await fake().ipcMain.invoke('files:takeOpened', win.webContents.ipcEvent(), {})) as typeof answer;
    answer.value.files.push(...more.value.files);
    expect(answer.value.files.length).toBeGreaterThanOrEqual(expected);
  }, { timeout: 5_000 });
  return answer.value.files;
}

describe('files given to Parley from outside its window', () => {
  it('`parley path/to/file` prepares the file and hands it to the chat window', async () => {
    const file = path.join(harness.dir().appDir, 'notes.txt');
    writeFileSync(file, 'Opened from the command line.\n');
    setArgv([file]);
    await launch();
    const files = await openedInWindow(1);
    expect(files).toEqual([expect.objectContaining({ path: file, result: expect.objectContaining({ ok: true, file: expect.objectContaining({ name: 'notes.txt', kind: 'text' }) }) })]);
  });

  it('macOS "Open with…" before ready waits for the backend; a second launch with a file shows the window and opens it', async () => {
    const early = path.join(harness.dir().appDir, 'early.md');
    const later = path.join(harness.dir().appDir, 'later.log');
    writeFileSync(early, '# Early\n\nOpened before ready.\n');
    writeFileSync(later, '2026-11-26 10:00:00 ERROR something failed\n');
    await launch({ ready: false });
    const event = fakeEvent();
    fake().app.emit('open-file', event, early);
    expect(event.defaultPrevented).toBe(true);
    fake().app.becomeReady();
    const first = await openedInWindow(1);
    expect(first.map((f) => f.path)).toEqual([early]);

    const win = await mainWindow();
    win.minimize();
    fake().app.emit('second-instance', fakeEvent(), ['/fake/electron', '/fake/app', 'later.log'], harness.dir().appDir);
    expect(win.isMinimized()).toBe(false);
    const second = await openedInWindow(1);
    expect(second.map((f) => [f.path, f.result.ok])).toEqual([[later, true]]);
  });
});
