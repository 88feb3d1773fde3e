import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildParleyFacade } from '../shared/parley-facade';

/**
 * The renderer's one door to main: `window.parley`, named methods built from
 * the channel list. No ipcRenderer, no generic invoke, nothing else.
 * Sandboxed preloads cannot load modules at run time, so build-shell bundles
 * this file (and the shared code it imports) into out/electron/preload.cjs.
 */
contextBridge.exposeInMainWorld(
  'parley',
  buildParleyFacade({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (event, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, handler);
      return () => {
        ipcRenderer.removeListener(event, handler);
      };
    },
  }),
);
