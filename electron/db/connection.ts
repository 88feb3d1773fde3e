import Database from 'better-sqlite3';
import { migrate, type MigrationReport } from './migrate';
import { migrations } from './migrations';

export const PAGE_SIZE = 8192;

export interface OpenedDatabase {
  db: Database.Database;
  migration: MigrationReport;
}

export interface OpenOptions {
  /** Where a path to the better-sqlite3 addon built for Electron's ABI is passed; Node uses the default. */
  nativeBinding?: string;
  /** Runs once the file has been read as a database and before any migration touches it; throws to refuse it. */
  check?: (db: Database.Database) => void;
}

/**
 * Opens (or creates) the database and brings it to the latest schema.
 * `synchronous` is set on every open because SQLite does not persist it: in
 * WAL mode NORMAL keeps every committed write through an app crash, which is
 * the failure we design for, at a fraction of FULL's fsync cost.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Only a new, empty file takes this; an existing one keeps its size. Messages run to about a kilobyte,
    // and 4 KiB pages left a fifth of the messages table empty (two or three rows to a page), which
    // measured the difference between the benchmark database fitting in 1.8× its text or not.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    options.check?.(db);
    const migration = migrate(db, migrations, file === ':memory:' ? undefined : `${file}.before-migration-${Date.now()}.bak`);
    return { db, migration };
  } catch (err) {
    db.close();
    throw err;
  }
}
