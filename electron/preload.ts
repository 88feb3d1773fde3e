import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildParleyFacade } from '../shared/parley-facade';

/**
 * The renderer's one door to main: `window.parley`, named methods built from
 * the channel list. No ipcRenderer, no generic invoke, nothing else, but for
 * `files.pathOf`: a sandboxed renderer cannot learn a dropped File's path by
 * itself (File.path is gone since Electron 32), and main reads the path.
 * Sandboxed preloads cannot load modules at run time, so build-shell bundles
 * this file (and the shared code it imports) into out/electron/preload.cjs.
 */
const facade = buildParleyFacade({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
});

contextBridge.exposeInMainWorld(
  'parley',
  Object.freeze({ ...facade, files: Object.freeze({ ...facade.files, pathOf: (file: File) => webUtils.getPathForFile(file) }) }),
);
