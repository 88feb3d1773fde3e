import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateReady } from '../../shared/app-updates';
import { createAutoUpdate, FIRST_CHECK_DELAY_MS, UPDATE_CHECK_INTERVAL_MS, type AutoUpdateOptions } from '../../electron/shell/auto-update';
import { FakeUpdater } from './fake-updater';

const DAY = UPDATE_CHECK_INTERVAL_MS;

function setup(overrides: Partial<AutoUpdateOptions> = {}) {
  const updater = new FakeUpdater();
  let enabled = true;
  const ready: UpdateReady[] = [];
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const loadUpdater = vi.fn(async () => updater);
  const beforeRestart = vi.fn();
  const updates = createAutoUpdate({
    isPackaged: true,
    isEnabled: () => enabled,
    onReady: (u) => ready.push(u),
    beforeRestart,
    log,
    loadUpdater,
    firstCheckDelayMs: 0,
    ...overrides,
  });
  const setEnabled = (on: boolean) => {
    enabled = on;
    updates.setCheckAutomatically(on);
  };
  return { updater, updates, ready, log, loadUpdater, beforeRestart, setEnabled };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('checking for updates', () => {
  it('checks at start and again every 24 hours while "Check for updates automatically" is on', async () => {
    const { updater, updates } = setup();
    updates.start();
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(DAY - 1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(4);
    updates.stop();
  });

  it('downloads in the background and installs at the next quit even without a restart', async () => {
    const { updater, updates } = setup();
    updates.start();
    await updates.settled();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updates.stop();
  });

  it('never checks, nor loads electron-updater, while the setting is off', async () => {
    const { updater, updates, loadUpdater, setEnabled } = setup();
    setEnabled(false);
    updates.start();
    await vi.advanceTimersByTimeAsync(3 * DAY);
    await updates.settled();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    updates.stop();
  });

  it('checks at once when the setting is turned back on, then daily again', async () => {
    const { updater, updates, setEnabled } = setup();
    setEnabled(false);
    updates.start();
    setEnabled(true);
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DAY);
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    setEnabled(false);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    updates.stop();
  });

  it('never loads electron-updater when running from source (npm start, tests)', async () => {
    const { updater, updates, loadUpdater, log, setEnabled } = setup({ isPackaged: false });
    updates.start();
    setEnabled(true);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith('update', expect.stringMatching(/from source/));
  });

  it('stops checking once quitting has begun', async () => {
    const { updater, updates } = setup();
    updates.start();
    await updates.settled();
    updates.stop();
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });
});

describe('when an update is downloaded', () => {
  it('offers the restart (onReady with the version) and restarts into it when asked', async () => {
    const { updater, updates, ready, beforeRestart } = setup();
    updates.start();
    await updates.settled();
    updater.download('1.2.0');
    expect(ready).toEqual([{ version: '1.2.0' }]);

    expect(updates.restartToUpdate()).toBe(true);
    expect(beforeRestart).toHaveBeenCalledTimes(1);
    // After the IPC answer has gone out: the install closes the window that asked.
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true));
    updates.stop();
  });

  it('has nothing to restart into before a download', async () => {
    const { updater, updates, beforeRestart } = setup();
    updates.start();
    await updates.settled();
    expect(updates.restartToUpdate()).toBe(false);
    expect(beforeRestart).not.toHaveBeenCalled();
    await new Promise((r) => setImmediate(r));
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    updates.stop();
  });

  it('stops the daily check: the update waiting is the one to install', async () => {
    const { updater, updates } = setup();
    updates.start();
    await updates.settled();
    updater.download('1.2.0');
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updates.stop();
  });
});

describe('failures', () => {
  it('logs a failed check instead of throwing, and tries again the next day', async () => {
    const { updater, updates, log } = setup();
    updater.failure = new Error('net::ERR_INTERNET_DISCONNECTED');
    updates.start();
    await updates.settled();
    expect(log.warn).toHaveBeenCalledWith('update', 'Update check failed', expect.objectContaining({ errorMessage: expect.stringMatching(/DISCONNECTED/) }));
    updater.failure = null;
    await vi.advanceTimersByTimeAsync(DAY);
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    updates.stop();
  });

  it("logs the updater's error events", async () => {
    const { updater, updates, log } = setup();
    updates.start();
    await updates.settled();
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(log.warn).toHaveBeenCalledWith('update', 'Updater error', expect.objectContaining({ errorMessage: expect.stringMatching(/checksum/) }));
    updates.stop();
  });

  it('logs electron-updater failing to load, and loads it again at the next check', async () => {
    const updater = new FakeUpdater();
    const loadUpdater = vi.fn().mockRejectedValueOnce(new Error("Cannot find module 'electron-updater'")).mockResolvedValue(updater);
    const { updates, log } = setup({ loadUpdater });
    updates.start();
    await updates.settled();
    expect(log.warn).toHaveBeenCalledWith('update', 'Update check failed', expect.objectContaining({ errorMessage: expect.stringMatching(/Cannot find module/) }));
    await vi.advanceTimersByTimeAsync(DAY);
    await updates.settled();
    expect(loadUpdater).toHaveBeenCalledTimes(2);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updates.stop();
  });

  it('logs a failed restart rather than throwing it into the IPC call', async () => {
    const { updater, updates, log } = setup();
    updates.start();
    await updates.settled();
    updater.download('1.2.0');
    updater.quitAndInstall.mockImplementation(() => {
      throw new Error('installer missing');
    });
    expect(updates.restartToUpdate()).toBe(true);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith('update', 'Restart to update failed', expect.objectContaining({ errorMessage: 'installer missing' })));
    updates.stop();
  });
});

describe('at start-up', () => {
  it('waits for start-up to be over before loading electron-updater and checking', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const { updater, updates, loadUpdater } = setup({ firstCheckDelayMs: undefined });
    updates.start();
    expect(loadUpdater).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    await updates.settled();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    updates.stop();
  });

  it('does not check at all when quit comes before the first check', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const { updates, loadUpdater } = setup({ firstCheckDelayMs: undefined });
    updates.start();
    updates.stop();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS * 2);
    expect(loadUpdater).not.toHaveBeenCalled();
  });
});
