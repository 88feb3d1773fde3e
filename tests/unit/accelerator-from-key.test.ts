import { describe, expect, it } from 'vitest';
import { acceleratorFromKey, describeAccelerator } from '../../renderer/features/settings/accelerator-from-key';

const press = (code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
});

describe('turning a pressed combination into an Electron accelerator', () => {
  it('writes Ctrl as CommandOrControl on Windows and Linux, and Command as CommandOrControl on a Mac', () => {
    expect(acceleratorFromKey(press('KeyK', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'ok', accelerator: 'CommandOrControl+Shift+K' });
    expect(acceleratorFromKey(press('KeyK', { metaKey: true, shiftKey: true }), true)).toEqual({ kind: 'ok', accelerator: 'CommandOrControl+Shift+K' });
    expect(acceleratorFromKey(press('Space', { ctrlKey: true, metaKey: true }), true)).toEqual({ kind: 'ok', accelerator: 'CommandOrControl+Control+Space' });
    expect(acceleratorFromKey(press('KeyP', { metaKey: true, altKey: true }), false)).toEqual({ kind: 'ok', accelerator: 'Super+Alt+P' });
  });

  it('reads the physical key, so Shift and the layout do not change it', () => {
    expect(acceleratorFromKey(press('Digit1', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'ok', accelerator: 'CommandOrControl+Shift+1' });
    expect(acceleratorFromKey(press('ArrowUp', { altKey: true }), false)).toEqual({ kind: 'ok', accelerator: 'Alt+Up' });
    expect(acceleratorFromKey(press('Numpad5', { ctrlKey: true }), false)).toEqual({ kind: 'ok', accelerator: 'CommandOrControl+num5' });
    expect(acceleratorFromKey(press('Slash', { ctrlKey: true }), false)).toEqual({ kind: 'ok', accelerator: 'CommandOrControl+/' });
  });

  it('waits past a lone modifier, and refuses a plain key that would take typing from every app', () => {
    expect(acceleratorFromKey(press('ShiftLeft', { shiftKey: true }), false)).toEqual({ kind: 'modifier-only' });
    expect(acceleratorFromKey(press('KeyA'), false)).toEqual({ kind: 'needs-modifier' });
    expect(acceleratorFromKey(press('KeyA', { shiftKey: true }), false)).toEqual({ kind: 'needs-modifier' });
    expect(acceleratorFromKey(press('F9'), false)).toEqual({ kind: 'ok', accelerator: 'F9' });
    expect(acceleratorFromKey(press('IntlRo', { ctrlKey: true }), false)).toEqual({ kind: 'unsupported' });
  });

  it('shows the hotkey in this platform’s words', () => {
    expect(describeAccelerator('CommandOrControl+Shift+Space', false)).toEqual(['Ctrl', 'Shift', 'Space']);
    expect(describeAccelerator('CommandOrControl+Shift+Space', true)).toEqual(['⌘', '⇧', 'Space']);
  });
});
