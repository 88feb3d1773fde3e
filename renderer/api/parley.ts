import type { ParleyApi } from '../../shared/parley-api';
import { buildParleyFacade } from '../../shared/parley-facade';
import { createWebTransport } from './web-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    parley?: ParleyApi;
  }
}

/** The renderer's one door to main: the preload's facade in Electron, the loopback host in a browser. */
export const parley: ParleyApi = window.parley ?? buildParleyFacade(createWebTransport());

export { ParleyError, unwrap } from './unwrap';
