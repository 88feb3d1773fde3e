import type { Result } from '../../shared/error-codes';
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

export class ParleyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Unwraps a Result for call sites that show failures through a catch. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value;
  throw new ParleyError(r.error.code, r.error.message, r.error.retryAfterMs);
}
