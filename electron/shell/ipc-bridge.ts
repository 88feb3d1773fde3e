import type { IpcMain } from 'electron';
import { channelNames } from '../../shared/channels';
import type { Backend } from '../backend';
import type { TrustedSenders } from './trusted-senders';

/**
 * Adapts the backend's router to Electron IPC: one `ipcMain.handle` per
 * declared channel (there is no catch-all), each passing the raw event as the
 * sender so the router's `isTrustedSender` (see trusted-senders.ts) judges it.
 * Backend events go to our windows only. Returns a function that undoes it all.
 */
export function connectIpc(ipcMain: IpcMain, backend: Pick<Backend, 'invoke' | 'subscribe'>, senders: TrustedSenders): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => backend.invoke(channel, input, event));
  }
  const unsubscribe = backend.subscribe((event, payload) => {
    for (const contents of senders.contents()) contents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
