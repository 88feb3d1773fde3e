import { describe, expect, it } from 'vitest';
import { createSettingsRepository } from '../../electron/db/settings-repository';
import { createQuickAskSettings } from '../../electron/services/desktop/quick-ask-settings';
import { DEFAULT_QUICK_ASK_HOTKEY } from '../../shared/quick-ask';
import { fakeDesktopShell } from '../fixtures/fake-desktop-shell';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

function setup(platform = 'linux') {
  const settings = createSettingsRepository(migratedMemoryDatabase());
  const desktop = fakeDesktopShell();
  return { settings, desktop, quickAsk: createQuickAskSettings({ settings, desktop, platform }) };
}

describe('quick-ask settings as stored', () => {
  it('falls back one field at a time when a stored value is wrong', () => {
    const { settings, quickAsk } = setup();
    settings.set('quickAsk', { hotkey: 'Ctrl+Banana', closeToTray: 'yes', openAtLogin: true, useClipboardByDefault: true });
    expect(quickAsk.get()).toEqual({ hotkey: DEFAULT_QUICK_ASK_HOTKEY, closeToTray: false, openAtLogin: true, useClipboardByDefault: true, hotkeyProblem: null });
  });

  it('saves the hotkey written the one canonical way', () => {
    const { settings, quickAsk } = setup();
    quickAsk.set({ hotkey: ' alt + SPACE ' });
    expect(settings.get('quickAsk')).toMatchObject({ hotkey: 'Alt+Space' });
  });

  it('does not re-register an unchanged hotkey that works', () => {
    const { desktop, quickAsk } = setup();
    quickAsk.applyAtStart();
    desktop.calls.length = 0;
    quickAsk.set({ hotkey: 'commandorcontrol+shift+space' });
    expect(desktop.calls).toEqual([]);
  });

  it('retries the same hotkey when it failed at start, and says when it is still taken', () => {
    const { desktop, quickAsk } = setup();
    desktop.taken.add(DEFAULT_QUICK_ASK_HOTKEY);
    quickAsk.applyAtStart();
    expect(() => quickAsk.set({ hotkey: DEFAULT_QUICK_ASK_HOTKEY })).toThrow('Another app is using Ctrl+Shift+Space; the hotkey is still off.');
    desktop.taken.clear();
    expect(quickAsk.set({ hotkey: DEFAULT_QUICK_ASK_HOTKEY }).hotkeyProblem).toBeNull();
  });

  it('names the hotkey the Mac way on a Mac', () => {
    const { desktop, quickAsk } = setup('darwin');
    desktop.taken.add('Alt+Space');
    expect(() => quickAsk.set({ hotkey: 'Alt+Space' })).toThrow('Another app is using Option+Space; Parley kept Cmd+Shift+Space.');
  });

  it('turns a desktop that throws while registering into a problem, not a crash', () => {
    const { desktop, quickAsk } = setup();
    desktop.registerHotkey = () => {
      throw new Error('globalShortcut is not available under Wayland.');
    };
    quickAsk.applyAtStart();
    expect(quickAsk.get().hotkeyProblem).toBe(
      'This system did not let Parley register Ctrl+Shift+Space (globalShortcut is not available under Wayland), so the quick-ask hotkey is off. Choose another one here.',
    );
  });
});
