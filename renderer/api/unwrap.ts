import type { Result } from '../../shared/error-codes';

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
