import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createHotkey } from '../../electron/shell/hotkey';
import { FakeGlobalShortcut } from './fake-desktop';

let shortcuts: FakeGlobalShortcut;
let pressed: Mock<() => void>;

beforeEach(() => {
  shortcuts = new FakeGlobalShortcut();
  pressed = vi.fn<() => void>();
});

const realPlatform = process.platform;
function onPlatform(platform: NodeJS.Platform, run: () => void): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  try {
    run();
  } finally {
    Object.defineProperty(process, 'platform', { value: realPlatform, configurable: true });
  }
}

describe('the quick-ask hotkey', () => {
  it('registers a shortcut that calls back when pressed anywhere', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    expect(hotkey.register('CommandOrControl+Shift+Space')).toEqual({ ok: true });
    expect(hotkey.current()).toBe('CommandOrControl+Shift+Space');
    shortcuts.press('CommandOrControl+Shift+Space');
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('on a change holds the new one before letting the old one go', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('CommandOrControl+Shift+Space');
    expect(hotkey.register('Alt+Space')).toEqual({ ok: true });
    const [, newRegistered] = shortcuts.register.mock.invocationCallOrder;
    const [oldLetGo] = shortcuts.unregister.mock.invocationCallOrder;
    expect(newRegistered).toBeLessThan(oldLetGo!);
    expect(shortcuts.registered()).toEqual(['Alt+Space']);
    expect(hotkey.current()).toBe('Alt+Space');
  });

  it('reports a combination another app holds in a plain sentence, and keeps the old one working', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('CommandOrControl+Shift+Space');
    shortcuts.takenByOthers.add('Alt+Space');
    onPlatform('linux', () => {
      const result = hotkey.register('Alt+Space');
      expect(result).toEqual({ ok: false, reason: 'taken', message: 'Alt+Space is already used by another app, so Parley cannot use it. Ctrl+Shift+Space still opens quick ask.' });
    });
    expect(hotkey.current()).toBe('CommandOrControl+Shift+Space');
    shortcuts.press('CommandOrControl+Shift+Space');
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('reports text that is not an accelerator as invalid without touching the working one', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('CommandOrControl+Shift+Space');
    const result = hotkey.register('Shift+Banana');
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message).toMatch(/^"Shift\+Banana" is not a key combination Parley can use/);
    expect(shortcuts.unregister).not.toHaveBeenCalled();
    expect(shortcuts.isRegistered('CommandOrControl+Shift+Space')).toBe(true);
  });

  it('accepts another spelling of the combination it already holds', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('CommandOrControl+Shift+Space');
    // The fake, like Electron on Linux and Windows, sees one key in both spellings: the first try is refused by ourselves.
    expect(hotkey.register('Control+Shift+Space')).toEqual({ ok: true });
    expect(hotkey.current()).toBe('Control+Shift+Space');
    expect(shortcuts.registered()).toEqual(['Control+Shift+Space']);
  });

  it('says so when even the old one cannot be taken back', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('Alt+Space');
    shortcuts.takenByOthers.add('Alt+Shift+K');
    // Another app grabs ours in the instant it is let go.
    shortcuts.unregister.mockImplementationOnce((accelerator: string) => {
      shortcuts.callbacks.clear();
      shortcuts.takenByOthers.add(accelerator);
    });
    const result = hotkey.register('Alt+Shift+K');
    expect(result).toMatchObject({ ok: false, reason: 'taken' });
    expect(result.ok ? '' : result.message).not.toMatch(/still opens/);
    expect(hotkey.current()).toBeNull();
  });

  it('does nothing for the combination it already holds', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('Alt+Space');
    expect(hotkey.register('Alt+Space')).toEqual({ ok: true });
    expect(shortcuts.register).toHaveBeenCalledTimes(1);
  });

  it('reports a first registration refused with no old one to keep', () => {
    shortcuts.takenByOthers.add('Alt+Space');
    const hotkey = createHotkey(shortcuts, pressed);
    const result = hotkey.register('Alt+Space');
    expect(result).toEqual({ ok: false, reason: 'taken', message: 'Alt+Space is already used by another app, so Parley cannot use it.' });
    expect(hotkey.current()).toBeNull();
  });

  it('lets its shortcut go', () => {
    const hotkey = createHotkey(shortcuts, pressed);
    hotkey.register('Alt+Space');
    hotkey.unregister();
    expect(shortcuts.registered()).toEqual([]);
    expect(hotkey.current()).toBeNull();
  });
});
