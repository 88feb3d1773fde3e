import { describe, expect, it } from 'vitest';
import { checkAccelerator, describeAccelerator, isValidAccelerator, normalizeAccelerator } from '../../shared/accelerator';

describe('checkAccelerator', () => {
  it.each([
    'CommandOrControl+Shift+Space',
    'CmdOrCtrl+Shift+K',
    'Alt+Space',
    'Option+Space',
    'Control+Alt+Delete',
    'Ctrl+0',
    'Super+Return',
    'Meta+Enter',
    'Ctrl+AltGr+Q',
    'Shift+F12',
    'F1',
    'F24',
    'Ctrl+Plus',
    'Ctrl+/',
    'Ctrl+`',
    'Alt+Up',
    'Ctrl+PageDown',
    'Ctrl+Esc',
    'Command+num7',
    'Ctrl+numadd',
    'Ctrl+Tab',
    'Ctrl+Backspace',
    'Ctrl+Insert',
    'Shift+Up',
    'Shift+Escape',
    'AltGr+Shift+F3',
  ])('accepts %s', (accelerator) => {
    expect(isValidAccelerator(accelerator)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['only spaces', '   '],
    ['only modifiers', 'Ctrl+Shift'],
    ['two keys', 'Ctrl+A+B'],
    ['an unknown key', 'Ctrl+Banana'],
    ['an unknown modifier', 'Hyper+A'],
    ['a plain letter', 'A'],
    ['a plain Space', 'Space'],
    ['a trailing plus', 'Ctrl+'],
    ['a leading plus', '+A'],
    ['a doubled plus', 'Ctrl++A'],
    ['F25', 'Ctrl+F25'],
    ['F0', 'F0'],
    ['a repeated modifier', 'Ctrl+Control+A'],
    ['a two-letter key', 'Ctrl+AB'],
    ['a non-ASCII key', 'Ctrl+é'],
    ['a lone + key', 'Ctrl++'],
    ['Shift on a letter, which types a capital', 'Shift+A'],
    ['Shift on Space', 'Shift+Space'],
    ['AltGr on a digit', 'AltGr+2'],
    ['AltGr on a letter, which types @ on a German keyboard', 'AltGr+Q'],
  ])('refuses %s', (_what, accelerator) => {
    const check = checkAccelerator(accelerator);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/\.$/);
  });

  it('says why in a sentence a person can act on', () => {
    expect(checkAccelerator('Space')).toEqual({ ok: false, problem: '"Space" needs a modifier such as Ctrl, Alt or Shift (only F1–F24 work alone).' });
    expect(checkAccelerator('Ctrl+Banana')).toEqual({ ok: false, problem: '"Banana" is not a key Electron knows.' });
  });
});

describe('normalizeAccelerator', () => {
  it('matches names case-insensitively, as Electron does, and writes them one way', () => {
    expect(normalizeAccelerator('ctrl+shift+space')).toBe('Control+Shift+Space');
    expect(normalizeAccelerator('cmdorctrl+k')).toBe('CommandOrControl+K');
    expect(normalizeAccelerator('OPTION+esc')).toBe('Alt+Escape');
    expect(normalizeAccelerator('meta+enter')).toBe('Super+Return');
    expect(normalizeAccelerator('f5')).toBe('F5');
    expect(normalizeAccelerator('NUM3+alt')).toBe('Alt+num3');
  });

  it('orders modifiers the usual way and trims spaces around parts', () => {
    expect(normalizeAccelerator(' Shift + Alt + CommandOrControl + x ')).toBe('CommandOrControl+Alt+Shift+X');
  });

  it('keeps the default hotkey as it is', () => {
    expect(normalizeAccelerator('CommandOrControl+Shift+Space')).toBe('CommandOrControl+Shift+Space');
  });

  it('throws on an invalid accelerator', () => {
    expect(() => normalizeAccelerator('Ctrl+Shift')).toThrow('no key');
  });
});

describe('describeAccelerator', () => {
  it('reads CommandOrControl as Ctrl on Windows and Linux and Cmd on a Mac', () => {
    expect(describeAccelerator('CommandOrControl+Shift+Space', 'linux')).toBe('Ctrl+Shift+Space');
    expect(describeAccelerator('CommandOrControl+Shift+Space', 'win32')).toBe('Ctrl+Shift+Space');
    expect(describeAccelerator('CommandOrControl+Shift+Space', 'darwin')).toBe('Cmd+Shift+Space');
    expect(describeAccelerator('Alt+Space', 'darwin')).toBe('Option+Space');
  });
});
