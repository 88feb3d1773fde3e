import type { HostProcess } from './browser-host-process';

/** One call the browser host's stand-in desktop recorded (hideQuickWindow, showMainWindow, resizeQuickWindow…). */
export interface DesktopCall {
  method: string;
  args: unknown[];
  at: number;
}

/**
 * The browser host's `/api/host/*` routes: what Electron would do around the page (the clipboard, the hotkey's
 * show, the window calls), recorded so a test can see that Esc hid the window. Token-checked like the pages.
 */
export function hostDesktop(host: () => HostProcess) {
  async function call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
    const url = new URL(host().url);
    const token = /token=([0-9a-f]+)/.exec(url.hash)![1]!;
    const res = await fetch(`${url.origin}/api/host/${route}`, {
      method,
      headers: { 'x-parley-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} /api/host/${route}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  return {
    calls: () => call('GET', 'calls') as Promise<DesktopCall[]>,
    async called(method: string): Promise<DesktopCall[]> {
      return (await this.calls()).filter((c) => c.method === method);
    },
    /** What the calls left: whether the quick window is shown, its height, the hotkey held… */
    state: () => call('GET', 'state') as Promise<{ quickVisible: boolean; quickPinned: boolean; quickHeight: number; mainShown: boolean; hotkey: string | null }>,
    setClipboard: (text: string) => call('POST', 'clipboard', { text }),
    /** The hotkey pressed: the host tells every page `quick:shown`. */
    showQuick: () => call('POST', 'showQuick'),
    /** The tray's New chat: the host tells every page `app:newChat`. */
    newChat: () => call('POST', 'newChat'),
    /** From now on this hotkey is "held by another app": registering it fails. */
    takeHotkey: (accelerator: string) => call('POST', 'takeHotkey', { accelerator }),
  };
}
export type HostDesktop = ReturnType<typeof hostDesktop>;
