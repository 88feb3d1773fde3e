import { constants, promises as fsp, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, refuse } from './file-refusal';

export interface FileBytes {
  /** The file's own name, for titles ("Explain report.pdf"). */
  name: string;
  /** The path actually read: links resolved, so the UI shows where the bytes came from. */
  displayPath: string;
  /** The path as given, when it differed from the one read (a link, or a path through a linked folder). */
  resolvedFrom?: string;
  bytes: Buffer;
}

export interface ReadLimits {
  /** The size limit setting; a file larger than this is refused, never read past it. */
  maxBytes: number;
  /** How many entry names a refused directory offers. */
  maxDirectoryEntries?: number;
}

// Windows has neither flag: there realpath has resolved links already, and a
// named pipe (which opens without waiting for a writer) is refused by fstat like a FIFO.
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
// One read call stays far below the 2 GiB a single Node read can return.
const chunkBytes = 8 * 1024 * 1024;
// For files whose size fstat does not know (/proc reports 0): start small, grow by doubling.
const unknownSizeStart = 64 * 1024;
const defaultDirectoryEntries = 200;
// Names kept to sort before the first ones are offered; past this the order is the file system's.
const listedEntriesLimit = 10_000;

/**
 * Reads a file given by path without ever blocking or reading unbounded:
 * links resolved first (and reported), then opened with O_NOFOLLOW so a link
 * swapped in after the check is refused, and O_NONBLOCK so a FIFO cannot hang
 * the open; fstat on the handle must say "regular file"; and the bytes are
 * read by chunks up to the limit whatever size fstat reports (never readFile,
 * which hangs on a FIFO and throws past 2 GiB). Throws FileRefusedError.
 */
export async function readFileSafely(givenPath: string, limits: ReadLimits): Promise<FileBytes> {
  const absolute = path.resolve(givenPath);
  const resolved = await resolveLinks(absolute);
  const name = path.basename(resolved);
  const handle = await openWithoutFollowing(resolved);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return await refuseDirectory(resolved, limits.maxDirectoryEntries ?? defaultDirectoryEntries);
    if (!stat.isFile()) refuse('not-regular-file', `${name} is ${specialFileKind(stat)}, not a regular file, so Parley will not read it.`);
    assertWithinLimit(name, stat.size, limits.maxBytes);
    const bytes = await readCapped(handle, stat.size, limits.maxBytes).catch((err: unknown) => {
      // O_NONBLOCK at work: a kernel file that would wait for data (/proc/kmsg) says EAGAIN instead of hanging.
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') refuse('not-regular-file', `${name} is a system file that streams data as it comes, not a file Parley can read.`);
      return unreadable(resolved, err);
    });
    if (bytes.length > limits.maxBytes) {
      refuse('too-large', `${name} is larger than the ${formatBytes(limits.maxBytes)} limit for files. You can raise the limit in Settings.`);
    }
    return { name, displayPath: resolved, ...(resolved !== absolute ? { resolvedFrom: absolute } : {}), bytes };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The size check, shared with bytes that arrive without a path (the browser host's drop). */
export function assertWithinLimit(name: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    refuse(
      'too-large',
      `${name} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for files. You can raise the limit in Settings.`,
    );
  }
}

async function resolveLinks(absolute: string): Promise<string> {
  try {
    return await fsp.realpath(absolute);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const link = await fsp.readlink(absolute).catch(() => null);
      if (link !== null) refuse('not-found', `${absolute} is a link to ${link}, which does not exist.`);
      refuse('not-found', `Parley cannot find ${absolute}. It may have been moved or deleted.`);
    }
    if (code === 'ELOOP') refuse('io-error', `${absolute} is a link that leads back to itself.`);
    return unreadable(absolute, err);
  }
}

async function openWithoutFollowing(resolved: string): Promise<FileHandle> {
  try {
    return await fsp.open(resolved, openFlags);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') {
      // realpath said this was not a link a moment ago: it was swapped since.
      refuse('io-error', `${resolved} changed into a link while Parley was opening it. Try again.`);
    }
    return unreadable(resolved, err);
  }
}

function unreadable(where: string, err: unknown): never {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') refuse('permission-denied', `Parley is not allowed to read ${where}. Check the file's permissions.`);
  if (code === 'ENOENT') refuse('not-found', `Parley cannot find ${where}. It may have been moved or deleted.`);
  refuse('io-error', `Parley could not read ${where} (${code ?? (err as Error).message}).`);
}

/**
 * Reads until end of file or one byte past maxBytes, growing the buffer from
 * the reported size (exact for regular files) or from 64 KB when the size is
 * unknown. Exported for its test, which cannot make a /proc file large.
 */
export async function readCapped(handle: FileHandle, reportedSize: number, maxBytes: number): Promise<Buffer> {
  // One byte past the limit is enough to know a file is over it.
  const cap = maxBytes + 1;
  let buffer = Buffer.allocUnsafe(Math.min(cap, reportedSize > 0 ? reportedSize + 1 : unknownSizeStart));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length >= cap) break;
      const grown = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, Math.min(buffer.length - length, chunkBytes), null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

async function refuseDirectory(dir: string, cap: number): Promise<never> {
  // Iterated, not readdir'd whole: a folder of a million files must not fill memory to be refused.
  const names: string[] = [];
  let total = 0;
  try {
    for await (const entry of await fsp.opendir(dir)) {
      total += 1;
      if (names.length < listedEntriesLimit) names.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
    }
  } catch (err) {
    unreadable(dir, err);
  }
  const shown = names.sort((a, b) => a.localeCompare(b)).slice(0, cap);
  const more = total - shown.length;
  const message =
    total === 0
      ? `${path.basename(dir)} is an empty folder: there is no file in it to explain.`
      : `${path.basename(dir)} is a folder. Choose one of its ${total} entr${total === 1 ? 'y' : 'ies'} to explain: ${namesInMessage(shown, total)}.`;
  return refuse('directory', message, { directory: dir, entries: shown, ...(more > 0 ? { moreEntries: more } : {}) });
}

// The message alone must offer the files, for a UI that shows only the message.
const namesInMessageCap = 10;

function namesInMessage(shown: readonly string[], total: number): string {
  const named = shown.slice(0, namesInMessageCap).join(', ');
  const rest = total - Math.min(shown.length, namesInMessageCap);
  return rest > 0 ? `${named} and ${rest} more` : named;
}

function specialFileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}
