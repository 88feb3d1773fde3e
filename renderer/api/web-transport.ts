import type { ChannelName, EventName } from '../../shared/channels';
import type { Result } from '../../shared/error-codes';
import type { Transport } from '../../shared/parley-facade';

const tokenKey = 'parley.hostToken';

/** The host hands its token over in the URL fragment; it is moved out of the address bar at once. */
function takeToken(): string {
  const match = /token=([0-9a-f]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(tokenKey, match[1]!);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

type Listener = (payload: unknown) => void;

/**
 * The browser host's transport: invocations are POSTs, events arrive on one
 * streamed response that is reopened if it drops. Same contract and router as
 * Electron IPC; only the carriage differs.
 */
export function createWebTransport(): Transport {
  const token = takeToken();
  const listeners = new Map<EventName, Set<Listener>>();
  let started = false;

  function dispatch(block: string): void {
    let event = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!event || !data) return;
    const payload: unknown = JSON.parse(data);
    for (const l of listeners.get(event as EventName) ?? []) l(payload);
  }

  async function listen(): Promise<void> {
    for (;;) {
      try {
        const res = await fetch('./api/events', { headers: { 'x-parley-token': token } });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // The host restarted or the connection dropped: try again shortly.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  return {
    async invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
      try {
        const res = await fetch(`./api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-parley-token': token },
          body: JSON.stringify(input ?? {}),
        });
        if (!res.ok) return { ok: false, error: { code: 'UNKNOWN_SENDER', message: `Parley's host refused the request (${res.status}). Open the address it printed.` } };
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'NETWORK', message: "Parley's host is not running. Start it again with npm run web." } };
      }
    },
    subscribe(event, listener) {
      if (!started) {
        started = true;
        void listen();
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
