/**
 * A pressed key combination as an Electron accelerator ("CommandOrControl+Shift+K"). Keys are read from
 * `code`, the physical key, so Shift or a keyboard layout does not change which key is meant
 * (Shift+1 stays "Shift+1", not "!").
 */

const named: Record<string, string> = {
  Space: 'Space', Enter: 'Enter', Tab: 'Tab', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert',
  Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown',
  ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';', Quote: "'",
  Comma: ',', Period: '.', Slash: '/', Backquote: '`',
  NumpadAdd: 'numadd', NumpadSubtract: 'numsub', NumpadMultiply: 'nummult', NumpadDivide: 'numdiv', NumpadDecimal: 'numdec',
};

const modifierCodes = /^(Shift|Control|Alt|Meta|OS)(Left|Right)?$/;

export interface KeyCombo {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function keyName(code: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^Key([A-Z])$/.exec(code))) return m[1]!;
  if ((m = /^Digit([0-9])$/.exec(code))) return m[1]!;
  if ((m = /^Numpad([0-9])$/.exec(code))) return `num${m[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return named[code] ?? null;
}

export type Capture = { kind: 'modifier-only' } | { kind: 'unsupported' } | { kind: 'needs-modifier' } | { kind: 'ok'; accelerator: string };

/**
 * On a Mac, Command is "CommandOrControl" and Control stays "Control"; elsewhere Ctrl is "CommandOrControl"
 * and the Windows/Super key is "Super". A global hotkey needs a modifier (F-keys excepted), or it would take a
 * plain letter from every other app.
 */
export function acceleratorFromKey(e: KeyCombo, isMac: boolean): Capture {
  if (modifierCodes.test(e.code)) return { kind: 'modifier-only' };
  const key = keyName(e.code);
  if (!key) return { kind: 'unsupported' };
  const parts: string[] = [];
  if (isMac ? e.metaKey : e.ctrlKey) parts.push('CommandOrControl');
  if (isMac && e.ctrlKey) parts.push('Control');
  if (!isMac && e.metaKey) parts.push('Super');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  const hasModifier = parts.some((p) => p !== 'Shift');
  if (!hasModifier && !/^F\d+$/.test(key)) return { kind: 'needs-modifier' };
  return { kind: 'ok', accelerator: [...parts, key].join('+') };
}

/** How the hotkey reads on this computer: "Ctrl+Shift+Space", or "⌘+Shift+Space" on a Mac. */
export function describeAccelerator(accelerator: string, isMac: boolean): string[] {
  const names: Record<string, string> = isMac
    ? { CommandOrControl: '⌘', CmdOrCtrl: '⌘', Command: '⌘', Cmd: '⌘', Control: '⌃', Ctrl: '⌃', Alt: '⌥', Option: '⌥', Shift: '⇧' }
    : { CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Control: 'Ctrl', Super: 'Super', Meta: 'Super' };
  return accelerator.split('+').map((p) => names[p] ?? p);
}
