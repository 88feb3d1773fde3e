import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FULL_CHECK_EVERY_MS, fullCheckReason, readSessionState, sessionStateFile, type SessionState } from '../../electron/db/session-state';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

const now = Date.UTC(2026, 10, 26, 12);
const file = { size: 18_000_000, ino: 4242, mtimeMs: now - 60_000 };
const clean: SessionState = { version: 1, closedCleanly: true, lastFullCheckAt: now - 24 * 3600 * 1000, file };

describe('whether a start reads the whole database', () => {
  it('skips the check after a clean close with a check less than 7 days old and the file as it was left', () => {
    expect(fullCheckReason(clean, file, now)).toBeNull();
    expect(fullCheckReason({ ...clean, lastFullCheckAt: now - FULL_CHECK_EVERY_MS + 60_000 }, file, now)).toBeNull();
  });

  it('checks when there is no record (first start on an old install, or a record that could not be read)', () => {
    expect(fullCheckReason(null, file, now)).toMatch(/no record/);
  });

  it('checks when the last session did not close the database (crash, kill, power cut)', () => {
    expect(fullCheckReason({ ...clean, closedCleanly: false, file: null }, file, now)).toMatch(/did not close/);
  });

  it('checks when the last session found a damaged page, even though it closed cleanly', () => {
    expect(fullCheckReason({ ...clean, damageSeen: true }, file, now)).toMatch(/found a damaged page/);
  });

  it('checks when the last full check is 7 days old or more, never or in the future', () => {
    expect(fullCheckReason({ ...clean, lastFullCheckAt: now - FULL_CHECK_EVERY_MS }, file, now)).toMatch(/more than 7 days/);
    expect(fullCheckReason({ ...clean, lastFullCheckAt: now - 30 * 24 * 3600 * 1000 }, file, now)).toMatch(/more than 7 days/);
    expect(fullCheckReason({ ...clean, lastFullCheckAt: now + 3600 * 1000 }, file, now)).toMatch(/more than 7 days/);
    expect(fullCheckReason({ ...clean, lastFullCheckAt: null }, file, now)).toMatch(/never/);
  });

  it('checks when the file is not the one Parley closed: other size, other inode (replaced), other modification time', () => {
    expect(fullCheckReason(clean, { ...file, size: file.size + 8192 }, now)).toMatch(/file changed/);
    expect(fullCheckReason(clean, { ...file, ino: 7 }, now)).toMatch(/file changed/);
    expect(fullCheckReason(clean, { ...file, mtimeMs: file.mtimeMs + 1 }, now)).toMatch(/file changed/);
    expect(fullCheckReason({ ...clean, file: null }, file, now)).toMatch(/file changed/);
  });
});

describe('reading the record', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = path.join(dir, 'parley.sqlite');
  });
  afterEach(() => removeTempDir(dir));

  it('reads back a record as written', () => {
    writeFileSync(sessionStateFile(db), JSON.stringify(clean));
    expect(readSessionState(db)).toEqual(clean);
  });

  it.each([
    ['absent', null],
    ['empty (a write cut by a power loss)', ''],
    ['not JSON', '{"version":1,"closedCleanly":tr'],
    ['JSON of another shape', '[1,2,3]'],
    ['from a newer format', JSON.stringify({ ...clean, version: 2 })],
    ['with a clean flag that is not a boolean', JSON.stringify({ ...clean, closedCleanly: 'yes' })],
    ['with a damage flag that is not a boolean', JSON.stringify({ ...clean, damageSeen: 1 })],
    ['with a check time that is not a number', JSON.stringify({ ...clean, lastFullCheckAt: '2026-11-26' })],
    ['with a broken fingerprint', JSON.stringify({ ...clean, file: { size: 1 } })],
  ])('gives no record (so the start checks) when the file is %s', (_, text) => {
    if (text !== null) writeFileSync(sessionStateFile(db), text);
    expect(readSessionState(db)).toBeNull();
  });

  it('gives no record when a folder stands in its place', () => {
    mkdirSync(sessionStateFile(db));
    expect(readSessionState(db)).toBeNull();
  });
});
