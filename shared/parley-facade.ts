import { channelNames, isEventName, splitChannelName, type ChannelName, type EventName } from './channels';
import type { Result } from './error-codes';
import type { ParleyApi } from './parley-api';

export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.parley` (named methods, one per declared channel) over a
 * transport: Electron IPC in the preload, the loopback host in a browser.
 * Nothing outside the channel list can be called through it.
 */
export function buildParleyFacade(transport: Transport): ParleyApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channelNames) {
    const [area, method] = splitChannelName(channel);
    (api[area] ??= {})[method] = (input: unknown) => transport.invoke(channel, input ?? {});
  }
  return Object.freeze({
    ...Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)])),
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
      return transport.subscribe(event, listener);
    },
  }) as unknown as ParleyApi;
}

