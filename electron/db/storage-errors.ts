/**
 * What a better-sqlite3 error means for the person: their disk is full, or
 * the file is not (or no longer) a database SQLite can read. Everything else
 * (locked, no permission, an I/O error) says nothing about the file itself.
 */

function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite reports ENOSPC, and a database at its `max_page_count`, as SQLITE_FULL. */
export function isDiskFull(err: unknown): boolean {
  return sqliteCode(err) === 'SQLITE_FULL';
}

/** The file is not a database, or its pages do not hold together. */
export function isCorruption(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_FORMAT' || code.startsWith('SQLITE_CORRUPT');
}

/** The next start reads the whole file (session-state.ts) and moves a damaged one aside (safe-open.ts). */
export const damagedMessage =
  'Parley’s history file is damaged, so this could not be read or saved. Quit and reopen Parley: it checks the file as it starts and, if the file cannot be used, sets it aside (deleting nothing) and starts afresh.';

export const diskFullMessage = 'The disk is full, so Parley could not save. Free some space and try again.';
