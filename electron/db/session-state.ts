import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Reading every page of the database at each start cost about 90 ms on an
 * 18 MB history, most of a start. Damage comes from a session that did not
 * end (crash, kill, power loss) or from something else writing the file, so
 * that is when the pages are read in full, and once a week besides.
 */
export const FULL_CHECK_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

/** Size, inode and modification time (to the nearest ms: a float of seconds, as `utimes` takes, cannot hold nanoseconds) of the database file as a clean close left it. */
export interface FileFingerprint {
  size: number;
  ino: number;
  mtimeMs: number;
}

export interface SessionState {
  version: 1;
  /** False from the moment a session has the database open: only a clean close sets it back. */
  closedCleanly: boolean;
  /** When `quick_check` last read the whole file and found it whole (ms since the epoch), or null if it never has. */
  lastFullCheckAt: number | null;
  /** The file at clean close; a file that differs was replaced or written by something other than Parley. */
  file: FileFingerprint | null;
  /** SQLite reported a damaged page during the session: the file is read in full at the next start, however cleanly this one closed. */
  damageSeen?: boolean;
}

export const sessionStateFile = (databaseFile: string) => `${databaseFile}.state.json`;

export function fingerprint(file: string): FileFingerprint {
  const s = statSync(file);
  return { size: s.size, ino: s.ino, mtimeMs: Math.round(s.mtimeMs) };
}

const isFingerprint = (v: unknown): v is FileFingerprint =>
  typeof v === 'object' && v !== null && ['size', 'ino', 'mtimeMs'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

/** The state the last session left, or null when there is none or it cannot be trusted: both mean "check". */
export function readSessionState(databaseFile: string): SessionState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(sessionStateFile(databaseFile), 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const s = parsed as Record<string, unknown>;
  if (s.version !== 1 || typeof s.closedCleanly !== 'boolean') return null;
  if (s.lastFullCheckAt !== null && typeof s.lastFullCheckAt !== 'number') return null;
  if (s.file !== null && !isFingerprint(s.file)) return null;
  if (s.damageSeen !== undefined && typeof s.damageSeen !== 'boolean') return null;
  return { version: 1, closedCleanly: s.closedCleanly, lastFullCheckAt: s.lastFullCheckAt, file: s.file, ...(s.damageSeen ? { damageSeen: true } : {}) };
}

/**
 * Why the whole file must be read at this start, or null when the last
 * session's clean close lets it be skipped. Pure, so the policy is tested
 * without damaging files.
 */
export function fullCheckReason(state: SessionState | null, current: FileFingerprint, now: number): string | null {
  if (!state) return 'no record of how the last session ended';
  if (!state.closedCleanly) return 'the last session did not close the database';
  if (state.damageSeen) return 'the last session found a damaged page';
  if (state.lastFullCheckAt === null) return 'never checked in full';
  // A clock set back makes the age negative: the record cannot be trusted either.
  const age = now - state.lastFullCheckAt;
  if (age >= FULL_CHECK_EVERY_MS || age < 0) return 'the last full check is more than 7 days old';
  const f = state.file;
  if (!f || f.size !== current.size || f.ino !== current.ino || f.mtimeMs !== current.mtimeMs) return 'the file changed since Parley closed it';
  return null;
}

/**
 * Temp file and rename, so a reader sees the old state or the new one, never
 * half of one. `durable` waits for the disk: the "open" record must outlive a
 * power cut, or the stale "closed cleanly" before it would skip the check the
 * cut calls for. A lost "closed cleanly" only costs one check, so that write does not wait.
 */
export function writeSessionState(databaseFile: string, state: SessionState, durable: boolean): void {
  const target = sessionStateFile(databaseFile);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, JSON.stringify(state));
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    if (durable) syncDirectory(path.dirname(target));
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Makes the rename itself survive a power cut (Linux, macOS); Windows cannot open a folder for this, and needs it less. */
function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the file's own data is on disk already.
  } finally {
    closeSync(fd);
  }
}

/** What a write failure is told as: the state file is an optimisation, so the app goes on without it. */
export type StateWriteError = { file: string; error: unknown } | null;

function tryWrite(databaseFile: string, state: SessionState, durable: boolean): StateWriteError {
  try {
    writeSessionState(databaseFile, state, durable);
    return null;
  } catch (error) {
    return { file: sessionStateFile(databaseFile), error };
  }
}

/** An old "closed cleanly" left in place would skip the check after a crash of this session; without a record, the next start checks. */
function forget(databaseFile: string): void {
  try {
    rmSync(sessionStateFile(databaseFile), { force: true });
  } catch {
    // A folder in its place: it cannot be read as a record either.
  }
}

export interface Session {
  /** Set if recording "open" failed; the old record is then removed where it can be, so a crash of this session is not taken for a clean close. */
  openWriteError: StateWriteError;
  /** Records the clean close; call after the database is closed, so the fingerprint is of the file as it stays. */
  closedCleanly(options?: { damageSeen?: boolean }): StateWriteError;
}

/** Records that a session has the database open, keeping when it was last checked in full. */
export function beginSession(databaseFile: string, lastFullCheckAt: number | null): Session {
  const openWriteError = tryWrite(databaseFile, { version: 1, closedCleanly: false, lastFullCheckAt, file: null }, true);
  if (openWriteError) forget(databaseFile);
  return {
    openWriteError,
    closedCleanly({ damageSeen = false } = {}) {
      let file: FileFingerprint;
      try {
        file = fingerprint(databaseFile);
      } catch (error) {
        return { file: databaseFile, error };
      }
      return tryWrite(databaseFile, { version: 1, closedCleanly: true, lastFullCheckAt, file, ...(damageSeen ? { damageSeen } : {}) }, false);
    },
  };
}
