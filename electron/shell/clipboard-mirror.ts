import { clipboard } from 'electron';

/**
 * Electron 45 reads the clipboard asynchronously; the DesktopShell port's
 * readClipboardText is synchronous. The mirror holds the last text read,
 * refreshed as the quick window is summoned (before its page can ask) and
 * when it regains focus. Once the port may return a promise, readText can be
 * handed over directly and this goes.
 */
export interface ClipboardMirror {
  refresh(): Promise<void>;
  text(): string;
}

export function createClipboardMirror(readText: () => Promise<string> = () => clipboard.readText()): ClipboardMirror {
  let text = '';
  let generation = 0;
  return {
    async refresh() {
      const mine = ++generation;
      try {
        const read = await readText();
        // Two refreshes can finish out of order; the later request holds the newer clipboard.
        if (mine === generation) text = read;
      } catch {
        // Text the system will not give (an image, a clipboard owner that vanished) reads as none.
        if (mine === generation) text = '';
      }
    },
    text: () => text,
  };
}
