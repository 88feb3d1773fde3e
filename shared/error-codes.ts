import { z } from 'zod';

/**
 * Every failure that crosses IPC carries one of these codes, so the UI can
 * explain it in words and tests can assert on it without parsing messages.
 */
export const errorCodes = [
  'BAD_INPUT',
  'UNKNOWN_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'NO_API_KEY',
  'INVALID_KEY',
  'FORBIDDEN',
  'MODEL_NOT_FOUND',
  'RATE_LIMITED',
  'CONTEXT_TOO_LONG',
  'NETWORK',
  'TIMEOUT',
  'SERVER',
  'BAD_RESPONSE',
  'INCOMPLETE',
  'KEYCHAIN_UNAVAILABLE',
  'BUSY',
  /** A dropped or opened file Parley will not read (empty, binary, archive, encrypted, too large, a directory…). */
  'FILE_REFUSED',
  /** A file path that cannot be read (missing, no permission, I/O error). */
  'FILE_UNREADABLE',
  /** The database could not be written because the disk (or the database's size limit) is full. */
  'DISK_FULL',
  /** The database file turned out damaged while Parley ran; the next start checks it and sets it aside if need be. */
  'DATABASE_DAMAGED',
  /** Today's or this month's spending reached its budget; chat:send with `overrideBudget` sends one request anyway. */
  'BUDGET_EXCEEDED',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Set for RATE_LIMITED when the server said how long to wait. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
