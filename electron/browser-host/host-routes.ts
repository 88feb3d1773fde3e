import type http from 'node:http';
import { z } from 'zod';
import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';
import { readBody, sendJson } from './http-io';
import type { RecordingDesktopShell } from './recording-desktop-shell';

export type Broadcast = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

const ClipboardBody = z.object({ text: z.string() }).strict();
const TakeHotkeyBody = z.object({ accelerator: z.string().min(1).max(100) }).strict();

async function parseBody<T>(req: http.IncomingMessage, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const raw = await readBody(req);
    const parsed = schema.safeParse(raw ? JSON.parse(raw) : {});
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * `/api/host/*`: what Electron would do around the page, for tests and the
 * bench. GET calls and state read the desktop record; POST clipboard sets the
 * fake clipboard; POST showQuick is the hotkey pressed (recorded, then
 * `quick:shown` to every page); POST newChat is the tray's New chat
 * (`app:newChat` to every page); POST takeHotkey makes a hotkey "held by
 * another app". The caller has already passed the host, origin and token checks.
 * Answers false when the path is not one of these.
 */
export async function handleHostRoute(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, desktop: RecordingDesktopShell, broadcast: Broadcast): Promise<boolean> {
  const route = `${req.method} ${pathname}`;
  switch (route) {
    case 'GET /api/host/calls':
      sendJson(res, 200, desktop.calls);
      return true;
    case 'GET /api/host/state':
      sendJson(res, 200, desktop.state());
      return true;
    case 'POST /api/host/clipboard': {
      const body = await parseBody(req, ClipboardBody);
      if (!body) sendJson(res, 400, { error: 'expected {"text": string}' });
      else {
        desktop.setClipboardText(body.text);
        sendJson(res, 200, { ok: true });
      }
      return true;
    }
    case 'POST /api/host/showQuick': {
      const { at } = desktop.showQuickWindow();
      broadcast('quick:shown', { at });
      sendJson(res, 200, { at });
      return true;
    }
    case 'POST /api/host/newChat':
      broadcast('app:newChat', {});
      sendJson(res, 200, { ok: true });
      return true;
    case 'POST /api/host/takeHotkey': {
      const body = await parseBody(req, TakeHotkeyBody);
      if (!body) sendJson(res, 400, { error: 'expected {"accelerator": string}' });
      else {
        desktop.takeHotkey(body.accelerator);
        sendJson(res, 200, { ok: true });
      }
      return true;
    }
    default:
      return false;
  }
}
