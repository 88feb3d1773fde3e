import type { GlobalShortcut } from 'electron';
import { describeAccelerator } from '../../shared/accelerator';
import { DEFAULT_QUICK_ASK_HOTKEY } from '../../shared/quick-ask';
import type { HotkeyRegistration } from '../services/desktop/desktop-shell';

/** The one global shortcut Parley holds: the quick-ask hotkey. */
export interface Hotkey {
  /**
   * Makes `accelerator` the hotkey. The previous one is let go only once the
   * new one holds, so a refused change leaves the hotkey that worked.
   */
  register(accelerator: string): HotkeyRegistration;
  current(): string | null;
  unregister(): void;
}

const readable = (accelerator: string) => describeAccelerator(accelerator, process.platform);

type Attempt = 'ok' | 'taken' | 'invalid';

export function createHotkey(globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>, onPress: () => void): Hotkey {
  let current: string | null = null;

  function attempt(accelerator: string): Attempt {
    try {
      // Electron answers false, without an error, when another app holds the combination.
      return globalShortcut.register(accelerator, onPress) ? 'ok' : 'taken';
    } catch {
      // ...and throws on text that is not an accelerator.
      return 'invalid';
    }
  }

  function refused(accelerator: string, reason: 'taken' | 'invalid'): HotkeyRegistration {
    const still = current ? ` ${readable(current)} still opens quick ask.` : '';
    const message =
      reason === 'taken'
        ? `${readable(accelerator)} is already used by another app, so Parley cannot use it.${still}`
        : `"${accelerator}" is not a key combination Parley can use: use one or more modifiers and a key, like ${readable(DEFAULT_QUICK_ASK_HOTKEY)}.${still}`;
    return { ok: false, reason, message };
  }

  return {
    register(accelerator) {
      if (accelerator === current) return { ok: true };
      const first = attempt(accelerator);
      if (first === 'invalid') return refused(accelerator, 'invalid');
      if (first === 'ok') {
        if (current) globalShortcut.unregister(current);
        current = accelerator;
        return { ok: true };
      }
      if (!current) return refused(accelerator, 'taken');
      // Refused, but maybe by ourselves: "Ctrl+Shift+Space" and "CommandOrControl+Shift+Space" are one key
      // on Linux. Let ours go, try again, and take the old one back if it was someone else.
      const previous = current;
      globalShortcut.unregister(previous);
      if (attempt(accelerator) === 'ok') {
        current = accelerator;
        return { ok: true };
      }
      if (attempt(previous) !== 'ok') current = null;
      return refused(accelerator, 'taken');
    },
    current: () => current,
    unregister() {
      if (current) globalShortcut.unregister(current);
      current = null;
    },
  };
}
