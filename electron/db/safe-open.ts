import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { StartupNotice } from '../../shared/startup-notice';
import { openDatabase, type OpenedDatabase, type OpenOptions } from './connection';
import { DatabaseTooNewError } from './migrate';
import { beginSession, fingerprint, fullCheckReason, readSessionState, type Session } from './session-state';
import { isCorruption } from './storage-errors';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/**
 * Up to this size the whole file is read by `quick_check` when a start calls
 * for it (see session-state.ts): about 100 ms at 64 MiB measured on a loaded
 * two-core machine. A larger one would pay more at each of those starts, so it
 * gets the cheap checks only, and damage deeper in it shows when that part is read.
 */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** A file that exists but cannot be used as Parley's database; `reason` is said to the person. */
export class UnreadableDatabaseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableDatabaseError';
  }
}

/** A database Parley must not open; the message says why, and that nothing was changed. */
export class DatabaseRefusedError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseRefusedError';
  }
}

export interface SafelyOpenedDatabase extends OpenedDatabase {
  notices: StartupNotice[];
  /** Why the whole file was read at this start; null when the last clean close let the check be skipped, or the file was new. */
  fullCheck: string | null;
  /** The record of this session: closing the database cleanly must be told to it. */
  session: Session;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** What can be told without SQLite: an empty file is a new database, anything else must start like one. */
function headerProblem(file: string): string | null {
  const size = statSync(file).size;
  if (size === 0) return null;
  const header = readHeader(file);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return 'the file is not an SQLite database';
  if (header.length < 100) return 'the file is cut short (smaller than an SQLite header)';
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The page count in the header is only current when its "valid for" number matches the change counter,
  // and pages may live in the WAL until a checkpoint: only then does a short file prove a truncation.
  const current = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (current && !existsSync(`${file}-wal`) && pages * pageSize > size) {
    return `the file is cut short (${size} bytes where its header counts ${pages} pages of ${pageSize})`;
  }
  return null;
}

/** Whether `quick_check` reads the pages: asked for, and the file small enough. */
const fullCheckRuns = (file: string, asked: string | null) => asked !== null && statSync(file).size <= FULL_CHECK_MAX_BYTES;

function checkPages(file: string, db: Database.Database, full: boolean): void {
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  if (!full) return;
  const rows = db.pragma('quick_check(3)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length) throw new UnreadableDatabaseError(`SQLite found damage in it (${problems.join('; ')})`);
}

/** A name next to the file that says when and why it was set aside, never one that exists already. */
function setAsideName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${file}.unreadable-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${file}.unreadable-${stamp}-${n}`;
  return candidate;
}

/** Renames the file and its WAL, shared-memory and journal companions together, so they still open as one database. */
function moveAside(file: string, now: Date): string {
  const target = setAsideName(file, now);
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function movedAsideNotice(file: string, movedTo: string, reason: string): StartupNotice {
  return {
    kind: 'database-moved-aside',
    title: 'Your previous history could not be opened',
    message:
      `Parley could not read its database: ${reason}. Nothing was deleted: the file was moved to ${movedTo}, ` +
      `and Parley started with an empty history. To try the old file again (or a backup ending in .bak from the same folder), ` +
      `quit Parley and put it back as ${path.basename(file)}.`,
    movedTo,
  };
}

/**
 * Opens Parley's database, or sets an unreadable one aside and starts fresh.
 * A file that is not a database, or whose pages do not hold together, is
 * renamed next to itself with the time (never deleted) and a notice says
 * where it went. A database from a newer Parley, or one that cannot be opened
 * for reasons that say nothing about the file (locked, no permission, disk
 * full), is refused without moving anything: starting fresh would only hide
 * the history from a person who still has it.
 */
export function openDatabaseSafely(file: string, options: OpenOptions = {}, now = () => new Date()): SafelyOpenedDatabase {
  let reason: string | null;
  let fullCheck: string | null = null;
  let full = false;
  let lastFullCheckAt: number | null = now().getTime();
  try {
    reason = existsSync(file) ? headerProblem(file) : null;
    // A new database has nothing to check: the record starts with it.
    const isNew = !existsSync(file) || (statSync(file).size === 0 && !existsSync(`${file}-wal`));
    if (reason === null && !isNew) {
      const state = readSessionState(file);
      fullCheck = fullCheckReason(state, fingerprint(file), now().getTime());
      full = fullCheckRuns(file, fullCheck);
      if (!full) lastFullCheckAt = state?.lastFullCheckAt ?? null;
    }
  } catch (err) {
    // A directory in its place, no permission to read it: nothing that says the file is damaged.
    throw new DatabaseRefusedError(`Parley could not read its history at ${file}: ${(err as Error).message}. Nothing was changed or moved.`, { cause: err });
  }
  if (reason === null) {
    try {
      const opened = openDatabase(file, { ...options, check: (db) => checkPages(file, db, full) });
      return { ...opened, notices: [], fullCheck, session: beginSession(file, lastFullCheckAt) };
    } catch (err) {
      if (err instanceof DatabaseTooNewError) {
        throw new DatabaseRefusedError(
          `Parley cannot open its history at ${file}: it was written by a newer version of Parley (database schema ${err.found}; this version knows up to ${err.known}). ` +
            'Install the newer Parley again to use it. Nothing was changed or moved.',
          { cause: err },
        );
      }
      if (err instanceof UnreadableDatabaseError) reason = err.reason;
      else if (isCorruption(err)) reason = `SQLite reported "${(err as Error).message}"`;
      else {
        throw new DatabaseRefusedError(`Parley could not open its history at ${file}: ${(err as Error).message}. Nothing was changed or moved.`, { cause: err });
      }
    }
  }
  const movedTo = moveAside(file, now());
  const opened = openDatabase(file, options);
  return { ...opened, notices: [movedAsideNotice(file, movedTo, reason)], fullCheck, session: beginSession(file, now().getTime()) };
}
