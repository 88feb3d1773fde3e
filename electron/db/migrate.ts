import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';

/**
 * The database was written by a newer Parley: this one cannot know what the
 * newer schema means, so it must neither read nor "fix" it.
 */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`The database is from a newer Parley (schema ${found}, this version knows ${known}).`);
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  backupPath: string | null;
}

/**
 * Runs every pending migration in a single transaction and records the result
 * in `user_version`, so a crash mid-way leaves the database as it was. An
 * existing database is copied aside first: a migration bug must never cost
 * someone their history.
 */
export function migrate(db: Database.Database, migrations: Migration[], backupPath?: string): MigrationReport {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new DatabaseTooNewError(from, latest);
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupPath: null };

  let madeBackup: string | null = null;
  if (from > 0 && backupPath) {
    db.prepare('VACUUM INTO ?').run(backupPath);
    madeBackup = backupPath;
  }
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest, backupPath: madeBackup };
}
