/**
 * The wait a server asks for in `retry-after-ms` (OpenAI, Azure) or
 * `retry-after` (seconds or an HTTP date). Returned as asked, bounded only
 * against nonsense: whether to wait that long is the retry policy's choice,
 * and when it will not, the person is told the real time to come back.
 */
export const maxRetryAfterMs = 24 * 60 * 60_000;

export function parseRetryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return Math.min(Math.round(ms), maxRetryAfterMs);
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - now;
  return Number.isFinite(wait) && wait >= 0 ? Math.min(Math.round(wait), maxRetryAfterMs) : undefined;
}
