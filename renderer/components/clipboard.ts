/**
 * Puts text on the clipboard. Electron windows refuse every permission
 * request (window-security.ts), which the async clipboard may need; the old
 * copy command needs none, so it is the fallback.
 */
export async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    const focused = document.activeElement as HTMLElement | null;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    focused?.focus(); // the Copy button keeps the keyboard
    if (!ok) throw new Error('the clipboard is not available. Select the text and copy it by hand.');
  }
}
