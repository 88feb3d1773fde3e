import type { ErrorCode } from '../../../shared/error-codes';

/**
 * Why a file was not read, finer than the error code, so the UI can offer
 * the right next step (pick a file from a directory, raise the size limit…).
 */
export type FileRefusalReason =
  | 'not-found'
  | 'permission-denied'
  | 'io-error'
  | 'directory'
  | 'not-regular-file'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'archive'
  | 'encrypted-pdf'
  | 'pdf-without-text'
  | 'unreadable-content';

export interface FileRefusal {
  code: Extract<ErrorCode, 'FILE_REFUSED' | 'FILE_UNREADABLE'>;
  reason: FileRefusalReason;
  message: string;
  /** For a directory: its path, links resolved, so a chosen entry can be ingested as path.join(directory, entry). */
  directory?: string;
  /** For a directory: the names of its entries (not their contents), capped; sub-folders end with '/'. */
  entries?: string[];
  /** Set when the listing of a directory was cut at the cap. */
  moreEntries?: number;
}

const unreadableReasons: ReadonlySet<FileRefusalReason> = new Set(['not-found', 'permission-denied', 'io-error']);

export function refusal(reason: FileRefusalReason, message: string, extra: Partial<FileRefusal> = {}): FileRefusal {
  return { code: unreadableReasons.has(reason) ? 'FILE_UNREADABLE' : 'FILE_REFUSED', reason, message, ...extra };
}

/** Thrown inside the pipeline and caught once by ingestFile, so every step can stop with a clear reason. */
export class FileRefusedError extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(refusal.message);
    this.name = 'FileRefusedError';
  }
}

export function refuse(reason: FileRefusalReason, message: string, extra: Partial<FileRefusal> = {}): never {
  throw new FileRefusedError(refusal(reason, message, extra));
}

/** Sizes as people read them: 50 MB, 1.2 GB, 812 bytes. Decimal units, like file managers on macOS and GNOME. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
