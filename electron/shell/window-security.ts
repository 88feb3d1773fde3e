import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents, type WebPreferences } from 'electron';

/**
 * The security defaults of every Parley window, in one place so a new window
 * (the quick-ask popup, a future settings window) cannot forget one. The
 * renderer is presentation only: it gets no Node, no navigation, no popups,
 * no permissions and no <webview>; its one door to main is the preload.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
}

export type SecureWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'> & { preload: string };

/** The only way the shell makes a window: the caller chooses the looks, never the web preferences. */
export function createSecureWindow({ preload, ...options }: SecureWindowOptions): BrowserWindow {
  const win = new BrowserWindow({ ...options, webPreferences: secureWebPreferences(preload) });
  secureWebContents(win.webContents);
  secureSession(win.webContents.session);
  return win;
}

/** Only https: links leave the app, and only to the system browser; file:, javascript:, http: and custom schemes are refused. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function openExternalLink(url: string): void {
  if (!isExternalLinkAllowed(url)) return;
  // A failure to start the browser must not become an unhandled rejection in main.
  shell.openExternal(url).catch(() => undefined);
}

const securedContents = new WeakSet<WebContents>();

/**
 * Navigation is cancelled outright: the renderer is one page and routes
 * in-page, so any navigation is a link clicked in a model's answer or an
 * injected redirect, and neither may replace the page that holds the preload.
 * Idempotent, so it can be applied both per window and from `web-contents-created`.
 */
export function secureWebContents(contents: WebContents): void {
  if (securedContents.has(contents)) return;
  securedContents.add(contents);
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
}

const securedSessions = new WeakSet<Session>();

/** Camera, microphone, notifications, geolocation, clipboard reads, HID...: Parley's windows need none of them. */
export function secureSession(session: Session): void {
  if (securedSessions.has(session)) return;
  securedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
