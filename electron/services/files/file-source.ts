import type { FileSourceInput } from '../../../shared/dropped-files';
import { AppError } from '../app-error';
import type { FileRefusal } from './file-refusal';
import type { FileSource } from './ingested-file';

/**
 * The contract's file source (shared/dropped-files.ts: a path in Electron,
 * base64 bytes from the browser host) as ingestFile takes it.
 */
export function fileSourceFrom(input: FileSourceInput): FileSource {
  return input.kind === 'path' ? { path: input.path } : { name: input.name, bytes: Buffer.from(input.base64, 'base64') };
}

/** A refusal as the error that crosses IPC: its message already names the reason and, for a folder, its files. */
export function refusalError(refusal: FileRefusal): AppError {
  return new AppError(refusal.code, refusal.message);
}
