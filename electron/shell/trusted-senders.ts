import type { WebContents, WebFrameMain } from 'electron';

/**
 * The one place that decides whether an IPC message came from Parley: the
 * webContents must be one of our windows (registered when created, forgotten
 * when destroyed), the frame must be its top frame, and the document must be
 * the renderer file that window was made for (the chat window's index.html,
 * the quick window's quick.html). A sub-frame, a window we did not create, or
 * our window showing any other document are all refused.
 */
export interface TrustedSenders {
  /** `documentUrl` defaults to the chat window's document. */
  trust(contents: WebContents, documentUrl?: string): void;
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

interface TrustedWindow {
  contents: WebContents;
  document: URL;
}

export function createTrustedSenders(rendererUrl: string): TrustedSenders {
  const trusted = new Map<number, TrustedWindow>();

  return {
    trust(contents, documentUrl = rendererUrl) {
      const id = contents.id;
      trusted.set(id, { contents, document: new URL(documentUrl) });
      contents.once('destroyed', () => trusted.delete(id));
    },
    isTrustedSender(sender) {
      if (typeof sender !== 'object' || sender === null) return false;
      const { sender: contents, senderFrame: frame } = sender as SenderEvent;
      const entry = contents ? trusted.get(contents.id) : undefined;
      if (!contents || entry?.contents !== contents || contents.isDestroyed()) return false;
      if (!frame || frame.detached) return false;
      return isTopFrame(frame, contents) && sameDocument(frame.url, entry.document);
    },
    contents: () =>
      [...trusted.values()].filter(({ contents: c, document }) => !c.isDestroyed() && sameDocument(c.mainFrame.url, document)).map((t) => t.contents),
  };
}
