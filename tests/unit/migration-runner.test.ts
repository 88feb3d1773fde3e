import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/migration';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

const createNotes: Migration = { version: 1, name: 'notes', up: 'CREATE TABLE notes (body TEXT);' };
const createTags: Migration = { version: 2, name: 'tags', up: 'CREATE TABLE tags (name TEXT);' };
const broken: Migration = { version: 3, name: 'broken', up: 'CREATE TABLE links (url TEXT); SELECT * FROM no_such_table;' };

let dir: string;
let file: string;
const opened: Database.Database[] = [];
const open = (f = file) => {
  const db = new Database(f);
  opened.push(db);
  return db;
};
const tables = (db: Database.Database) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);

beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, 'test.sqlite');
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  removeTempDir(dir);
});

describe('the migration runner', () => {
  it('runs every migration on a new database and records the last version', () => {
    const db = open();
    expect(migrate(db, [createNotes, createTags], `${file}.bak`)).toEqual({ from: 0, to: 2, backupPath: null });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['notes', 'tags']);
  });

  it('runs only the migrations a database has not had', () => {
    const db = open();
    migrate(db, [createNotes]);
    db.prepare("INSERT INTO notes VALUES ('kept')").run();
    expect(migrate(db, [createNotes, createTags])).toMatchObject({ from: 1, to: 2 });
    expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);
  });

  it('does nothing, and makes no backup, when the database is up to date', () => {
    const db = open();
    migrate(db, [createNotes]);
    expect(migrate(db, [createNotes], `${file}.bak`)).toEqual({ from: 1, to: 1, backupPath: null });
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('rolls everything back when one migration fails', () => {
    const db = open();
    expect(() => migrate(db, [createNotes, createTags, broken])).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('leaves a partly migrated database at its old version when a later migration fails', () => {
    const db = open();
    migrate(db, [createNotes]);
    expect(() => migrate(db, [createNotes, createTags, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['notes']);
  });

  it('refuses a database from a newer version of Parley and leaves it alone', () => {
    const db = open();
    migrate(db, [createNotes, createTags]);
    expect(() => migrate(db, [createNotes])).toThrow(/newer Parley/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['notes', 'tags']);
  });

  it('copies an existing database aside before migrating it', () => {
    const db = open();
    migrate(db, [createNotes]);
    db.prepare("INSERT INTO notes VALUES ('precious')").run();
    const backup = path.join(dir, 'before.bak');
    expect(migrate(db, [createNotes, createTags], backup)).toEqual({ from: 1, to: 2, backupPath: backup });
    const copy = open(backup);
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(copy)).toEqual(['notes']);
    expect(copy.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'precious' }]);
  });

  it('keeps the backup when the migration after it fails', () => {
    const db = open();
    migrate(db, [createNotes, createTags]);
    const backup = path.join(dir, 'before.bak');
    expect(() => migrate(db, [createNotes, createTags, broken], backup)).toThrow();
    expect(open(backup).pragma('user_version', { simple: true })).toBe(2);
  });

  it('makes no backup of a brand-new database', () => {
    const db = open();
    expect(migrate(db, [createNotes], path.join(dir, 'before.bak')).backupPath).toBeNull();
    expect(existsSync(path.join(dir, 'before.bak'))).toBe(false);
  });
});

describe("Parley's migrations", () => {
  it('are numbered 1, 2, 3… in order, as the runner assumes', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('are refused by openDatabase on a database from a newer version, which it then releases', () => {
    const db = open();
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer Parley/);
    const again = open();
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
  });
});
