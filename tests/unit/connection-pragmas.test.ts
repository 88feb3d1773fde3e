import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrations } from '../../electron/db/migrations';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

let dir: string;
let file: string;
const toClose: Database.Database[] = [];

beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'parley.sqlite');
});

afterEach(() => {
  for (const db of toClose.splice(0)) if (db.open) db.close();
  removeTempDir(dir);
});

function opened() {
  const { db, migration } = openDatabase(file);
  toClose.push(db);
  return { db, migration };
}

const pragmas = (db: Database.Database) => ({
  journalMode: db.pragma('journal_mode', { simple: true }),
  synchronous: db.pragma('synchronous', { simple: true }),
  foreignKeys: db.pragma('foreign_keys', { simple: true }),
});

describe('opening the database', () => {
  it('uses WAL, synchronous NORMAL and foreign keys on a new file', () => {
    const { db, migration } = opened();
    expect(pragmas(db)).toEqual({ journalMode: 'wal', synchronous: 1, foreignKeys: 1 });
    expect(migration).toMatchObject({ from: 0, to: migrations.length });
  });

  it('sets them again on every reopen', () => {
    opened().db.close();
    const { db, migration } = opened();
    expect(pragmas(db)).toEqual({ journalMode: 'wal', synchronous: 1, foreignKeys: 1 });
    expect(migration).toEqual({ from: migrations.length, to: migrations.length, backupPath: null });
  });

  it('brings a new file to the latest schema version', () => {
    const { db } = opened();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  });
});
