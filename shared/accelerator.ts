/**
 * Electron's accelerator grammar, checked strictly before a hotkey reaches
 * globalShortcut: Electron throws on some bad strings and silently registers
 * nothing on others, and either would leave the person without a hotkey.
 * Names are matched case-insensitively, as Electron matches them.
 * https://www.electronjs.org/docs/latest/api/accelerator
 */

const modifierNames: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

/** Modifiers in the order Electron's own docs write them, so a normalised hotkey reads the usual way. */
const modifierOrder = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'];

const namedKeys: Record<string, string> = {
  plus: 'Plus',
  space: 'Space',
  tab: 'Tab',
  capslock: 'Capslock',
  numlock: 'Numlock',
  scrolllock: 'Scrolllock',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  return: 'Return',
  enter: 'Return',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  escape: 'Escape',
  esc: 'Escape',
  volumeup: 'VolumeUp',
  volumedown: 'VolumeDown',
  volumemute: 'VolumeMute',
  medianexttrack: 'MediaNextTrack',
  mediaprevioustrack: 'MediaPreviousTrack',
  mediastop: 'MediaStop',
  mediaplaypause: 'MediaPlayPause',
  printscreen: 'PrintScreen',
  numdec: 'numdec',
  numadd: 'numadd',
  numsub: 'numsub',
  nummult: 'nummult',
  numdiv: 'numdiv',
};

/** Punctuation Electron accepts as a key (`+` itself is spelled Plus, since `+` separates the parts). */
const punctuation = new Set([')', '!', '@', '#', '$', '%', '^', '&', '*', '(', ':', ';', '<', '=', '>', '?', '-', '_', '.', ',', '/', '~', '`', '{', '}', '[', ']', '|', '\\', "'", '"']);

export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; problem: string };

function keyName(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (punctuation.has(part)) return part;
  const lower = part.toLowerCase();
  const fKey = /^f([1-9]|1[0-9]|2[0-4])$/.exec(lower);
  if (fKey) return `F${fKey[1]}`;
  const numpad = /^num([0-9])$/.exec(lower);
  if (numpad) return `num${numpad[1]}`;
  return namedKeys[lower] ?? null;
}

const isFunctionKey = (key: string) => /^F\d+$/.test(key);
const typesCharacter = (key: string) => key.length === 1 || key === 'Plus' || key === 'Space' || key.startsWith('num');

/**
 * Checks a hotkey against the grammar and answers it written the one canonical
 * way ("ctrl+shift+space" → "Control+Shift+Space"), or a sentence saying what is wrong.
 */
export function checkAccelerator(text: string): AcceleratorCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'The hotkey is empty.' };
  const parts = trimmed.split('+');
  if (parts.some((p) => p.trim() === '')) return { ok: false, problem: `"${trimmed}" has an empty part; write + as Plus.` };
  const modifiers = new Set<string>();
  const keys: string[] = [];
  for (const raw of parts.map((p) => p.trim())) {
    const modifier = modifierNames[raw.toLowerCase()];
    if (modifier) {
      if (modifiers.has(modifier)) return { ok: false, problem: `"${trimmed}" names ${modifier} twice.` };
      modifiers.add(modifier);
      continue;
    }
    const key = keyName(raw);
    if (!key) return { ok: false, problem: `"${raw}" is not a key Electron knows.` };
    keys.push(key);
  }
  if (keys.length !== 1) return { ok: false, problem: keys.length === 0 ? `"${trimmed}" has no key besides its modifiers.` : `"${trimmed}" has more than one key; a hotkey is modifiers and one key.` };
  const key = keys[0]!;
  // A bare letter or Space as a global hotkey would swallow that key in every other app.
  if (modifiers.size === 0 && !isFunctionKey(key)) return { ok: false, problem: `"${trimmed}" needs a modifier such as Ctrl, Alt or Shift (only F1–F24 work alone).` };
  // Shift and AltGr only change which character a key types: Shift+A held globally would take every capital A.
  if ([...modifiers].every((m) => m === 'Shift' || m === 'AltGr') && typesCharacter(key)) {
    return { ok: false, problem: `"${trimmed}" is how a character is typed; add Ctrl, Alt or another modifier.` };
  }
  const ordered = modifierOrder.filter((m) => modifiers.has(m));
  return { ok: true, accelerator: [...ordered, key].join('+') };
}

export function isValidAccelerator(text: string): boolean {
  return checkAccelerator(text).ok;
}

/** The canonical spelling of a valid accelerator; throws on an invalid one (check first where input is untrusted). */
export function normalizeAccelerator(text: string): string {
  const check = checkAccelerator(text);
  if (!check.ok) throw new Error(check.problem);
  return check.accelerator;
}

/**
 * How a person reads a hotkey on their system: "CommandOrControl+Shift+Space"
 * is "Ctrl+Shift+Space" on Windows and Linux and "Cmd+Shift+Space" on a Mac.
 */
export function describeAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  const words: Record<string, string> = {
    CommandOrControl: mac ? 'Cmd' : 'Ctrl',
    Command: 'Cmd',
    Control: 'Ctrl',
    Alt: mac ? 'Option' : 'Alt',
    Super: mac ? 'Cmd' : 'Super',
  };
  const check = checkAccelerator(accelerator);
  const text = check.ok ? check.accelerator : accelerator;
  return text
    .split('+')
    .map((part) => words[part] ?? part)
    .join('+');
}
