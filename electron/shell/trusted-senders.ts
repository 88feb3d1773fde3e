import type { WebContents, WebFrameMain } from 'electron';

/**
 * The one place that decides whether an IPC message came from Parley: the
 * webContents must be one of our windows (registered when created, forgotten
 * when destroyed), the frame must be its top frame, and the document must be
 * our renderer file. A sub-frame, a window we did not create, or our window
 * after navigating elsewhere are all refused.
 */
export interface TrustedSenders {
  trust(contents: WebContents): void;
  isTrustedSender(sender: unknown): boolean;
  /** Our windows still alive and showing the renderer: where events may go. */
  contents(): WebContents[];
}

interface SenderEvent {
  sender?: WebContents;
  senderFrame?: WebFrameMain | null;
}

function sameDocument(frameUrl: string, rendererUrl: URL): boolean {
  try {
    const u = new URL(frameUrl);
    // Search and hash are the renderer's own routing; the document is what must match.
    return u.protocol === rendererUrl.protocol && u.host === rendererUrl.host && u.pathname === rendererUrl.pathname;
  } catch {
    return false;
  }
}

function isTopFrame(frame: WebFrameMain, contents: WebContents): boolean {
  if (frame.parent !== null) return false;
  const top = contents.mainFrame;
  // WebFrameMain wrappers are normally the same object, but identity is not documented: fall back to the frame's ids.
  return frame === top || (frame.processId === top.processId && frame.routingId === top.routingId);
}

export function createTrustedSenders(rendererUrl: string): TrustedSenders {
  const expected = new URL(rendererUrl);
  const trusted = new Map<number, WebContents>();

  return {
    trust(contents) {
      const id = contents.id;
      trusted.set(id, contents);
      contents.once('destroyed', () => trusted.delete(id));
    },
    isTrustedSender(sender) {
      if (typeof sender !== 'object' || sender === null) return false;
      const { sender: contents, senderFrame: frame } = sender as SenderEvent;
      if (!contents || trusted.get(contents.id) !== contents || contents.isDestroyed()) return false;
      if (!frame || frame.detached) return false;
      return isTopFrame(frame, contents) && sameDocument(frame.url, expected);
    },
    contents: () => [...trusted.values()].filter((c) => !c.isDestroyed() && sameDocument(c.mainFrame.url, expected)),
  };
}
