export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Mod" is Cmd on macOS and Ctrl elsewhere, as in the apps people already use. */
export function matches(e: KeyboardEvent, combo: string): boolean {
  const parts = combo.split('+');
  const key = parts.at(-1)!;
  const want = new Set(parts.slice(0, -1));
  const mod = isMac ? e.metaKey : e.ctrlKey;
  return (
    mod === want.has('Mod') &&
    e.shiftKey === want.has('Shift') &&
    e.altKey === want.has('Alt') &&
    (isMac ? e.ctrlKey === false : e.metaKey === false) &&
    (e.key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key)
  );
}

export function describeCombo(combo: string): string {
  return combo
    .split('+')
    .map((p) => ({ Mod: isMac ? '⌘' : 'Ctrl', Shift: isMac ? '⇧' : 'Shift', Alt: isMac ? '⌥' : 'Alt', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' })[p] ?? p.toUpperCase())
    .join(isMac ? '' : '+');
}
