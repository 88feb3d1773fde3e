import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannelName } from '../../shared/channels';
import { createBackend, type Backend, type BackendOptions } from '../backend';
import { loadStatic } from './static-files';
import { handleHostRoute, type Broadcast } from './host-routes';
import { readBody, sendJson } from './http-io';
import { createRecordingDesktopShell, type RecordingDesktopShell } from './recording-desktop-shell';

export interface BrowserHostOptions extends Omit<BackendOptions, 'isTrustedSender' | 'desktop'> {
  port: number;
  rendererDir: string;
}

export interface BrowserHost {
  url: string;
  /** The quick-ask window's page, with the same token. */
  quickUrl: string;
  backend: Backend;
  /** Stands in for the Electron shell: records what the backend asked of the desktop (see /api/host/calls). */
  desktop: RecordingDesktopShell;
  close(): Promise<void>;
}

interface HostSender {
  token: string | undefined;
}

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Parley in a browser: the built renderer and the real backend on 127.0.0.1,
 * speaking the same contract through the same router as Electron IPC. Only
 * the transport differs. A random token (handed over in the URL fragment,
 * which never reaches a server log) stands in for Electron's sender check,
 * and the Host header is checked so a rebinding DNS name cannot reach us.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const isTrustedSender = (sender: unknown) => {
    const given = Buffer.from((sender as HostSender | null)?.token ?? '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };
  const desktop = createRecordingDesktopShell();
  // A page sends a dropped file's bytes; a path from it could name any file on this computer.
  const backend = createBackend({ ...options, isTrustedSender, desktop, acceptFilePaths: false });
  // The host plays the shell's part: the saved hotkey and background settings are applied once, at start.
  backend.quickAsk.applyAtStart();
  const eventStreams = new Set<http.ServerResponse>();
  const broadcast: Broadcast = (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of eventStreams) res.write(frame);
  };
  const unsubscribe = backend.subscribe(broadcast);

  let allowedHosts: Set<string> = new Set();
  const server = http.createServer(async (req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 421, { error: 'wrong host' });
    const url = new URL(req.url ?? '/', 'http://host');
    const sender: HostSender = { token: req.headers['x-parley-token'] as string | undefined };

    if (url.pathname.startsWith('/api/')) {
      if (req.headers.origin && !allowedHosts.has(req.headers.origin.replace(/^http:\/\//, ''))) {
        return sendJson(res, 403, { error: 'wrong origin' });
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!isTrustedSender(sender)) return sendJson(res, 403, { error: 'unknown sender' });
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        eventStreams.add(res);
        req.on('close', () => eventStreams.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/host/')) {
        if (!isTrustedSender(sender)) return sendJson(res, 403, { error: 'unknown sender' });
        if (await handleHostRoute(req, res, url.pathname, desktop, broadcast)) return;
        return sendJson(res, 404, { error: 'not found' });
      }
      const match = /^\/api\/invoke\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') {
        let input: unknown;
        try {
          const raw = await readBody(req);
          input = raw ? JSON.parse(raw) : {};
        } catch {
          return sendJson(res, 200, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' } });
        }
        const channel = isChannelName(match[1]) ? match[1] : `unknown:${match[1]}`;
        return sendJson(res, 200, await backend.invoke(channel, input, sender));
      }
      return sendJson(res, 404, { error: 'not found' });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' });
    const file = (await loadStatic(options.rendererDir, url.pathname)) ?? (await loadStatic(options.rendererDir, '/'));
    if (!file) return sendJson(res, 404, { error: `The renderer is not built in ${options.rendererDir}: run npm run build.` });
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    quickUrl: `http://127.0.0.1:${port}/quick.html#token=${token}`,
    backend,
    desktop,
    async close() {
      unsubscribe();
      for (const res of eventStreams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
