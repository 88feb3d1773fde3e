import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { openDatabaseSafely } from '../../electron/db/safe-open';
import { readSessionState, sessionStateFile } from '../../electron/db/session-state';
import { createLogger } from '../../electron/services/logging/logger';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { freshDataDirEachTest } from '../fixtures/suite-hooks';

const data = freshDataDirEachTest();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dbFile = () => path.join(data.dir, 'parley.sqlite');
const setAside = () => readdirSync(data.dir).filter((n) => n.includes('.unreadable-'));
const DAY = 24 * 3600 * 1000;

function startBackend(lines: Record<string, unknown>[] = []) {
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return createBackend({ dataDir: data.dir, secrets: createSessionSecretStore(), isTrustedSender: () => true, env: {}, localProbeUrls: {}, logger });
}

/**
 * A history of a few hundred conversations, closed by the backend as the app
 * closes it; returns a page of the conversations table that opening never
 * reads, for `damage` to spoil. `now` sets the clock of the history's first start.
 */
async function historyClosedCleanly(now?: () => Date): Promise<{ page: number; pageSize: number }> {
  const first = openDatabaseSafely(dbFile(), {}, now);
  const insert = first.db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES (?, ?, 'openai', 1, 1)");
  first.db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`c-${i}`, `Conversation ${i} ${'about the pages of a database '.repeat(30)}`);
  })();
  const pageSize = first.db.pragma('page_size', { simple: true }) as number;
  const { page } = first.db.prepare<[], { page: number }>("SELECT max(pageno) AS page FROM dbstat WHERE name = 'conversations' AND pagetype = 'leaf'").get()!;
  first.db.close();
  const closed = first.session.closedCleanly();
  expect(closed).toBeNull();
  return { page, pageSize };
}

/**
 * Overwrites one table page in place, so `quick_check` finds it and opening does not. With `keepFingerprint`,
 * the size, inode and modification time stay as the clean close recorded them: only the check can tell.
 */
function damage({ page, pageSize }: { page: number; pageSize: number }, keepFingerprint: boolean): void {
  const before = statSync(dbFile());
  const fd = openSync(dbFile(), 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  // To the ms, as the record keeps it: utimes takes seconds as a float, so it cannot restore nanoseconds.
  if (keepFingerprint) utimesSync(dbFile(), before.atime, before.mtime);
}

function expectCheckedAndSetAside(opened: ReturnType<typeof openDatabaseSafely>, reason: RegExp): void {
  expect(opened.fullCheck).toMatch(reason);
  expect(opened.notices).toEqual([expect.objectContaining({ kind: 'database-moved-aside', message: expect.stringMatching(/SQLite found damage/) })]);
  expect(setAside()).toHaveLength(1);
}

async function killedWhileOpen(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/open-backend-child.ts'), data.dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('open\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the child exited (${code}) before opening: ${err}`)));
    });
  } finally {
    const exited = child.exitCode === null && child.signalCode === null ? once(child, 'exit') : Promise.resolve();
    child.kill('SIGKILL');
    await exited;
  }
}

describe('the full check at start', () => {
  it('is skipped after the backend closed cleanly, so damage only the check finds stays unseen', async () => {
    const pages = await historyClosedCleanly();
    const lines: Record<string, unknown>[] = [];
    await startBackend(lines).close();
    expect(readSessionState(dbFile())).toMatchObject({ closedCleanly: true });
    damage(pages, true);

    const opened = openDatabaseSafely(dbFile());
    opened.db.close();
    expect(opened.fullCheck).toBeNull();
    expect(opened.notices).toEqual([]);
    expect(setAside()).toEqual([]);
    expect(lines.some((l) => l.message === 'Database pages checked in full')).toBe(false);
  });

  it('runs after a process was killed with the database open, and sets the damaged file aside', async () => {
    const pages = await historyClosedCleanly();
    await killedWhileOpen();
    expect(readSessionState(dbFile())).toMatchObject({ closedCleanly: false });
    damage(pages, true);

    const lines: Record<string, unknown>[] = [];
    const backend = startBackend(lines);
    expect(backend.startupNotices).toEqual([expect.objectContaining({ kind: 'database-moved-aside' })]);
    expect(lines).toContainEqual(expect.objectContaining({ message: 'Database pages checked in full', reason: 'the last session did not close the database' }));
    expect(setAside()).toHaveLength(1);
    await backend.close();
    // The fresh database's session ended well: the next start has nothing to check.
    expect(readSessionState(dbFile())).toMatchObject({ closedCleanly: true });
    const again = openDatabaseSafely(dbFile());
    again.db.close();
    expect(again.fullCheck).toBeNull();
  });

  it('runs when the last full check is more than 7 days old, even after a clean close', async () => {
    const pages = await historyClosedCleanly(() => new Date(Date.now() - 8 * DAY));
    damage(pages, true);
    const opened = openDatabaseSafely(dbFile());
    opened.db.close();
    expectCheckedAndSetAside(opened, /more than 7 days/);
  });

  it('is skipped when the last full check is 6 days old, and its date carried on', async () => {
    const sixDaysAgo = Date.now() - 6 * DAY;
    await historyClosedCleanly(() => new Date(sixDaysAgo));
    const opened = openDatabaseSafely(dbFile());
    opened.db.close();
    expect(opened.fullCheck).toBeNull();
    opened.session.closedCleanly();
    expect(readSessionState(dbFile())).toMatchObject({ closedCleanly: true, lastFullCheckAt: sixDaysAgo });
  });

  it('runs when something other than Parley wrote the file after its clean close', async () => {
    const pages = await historyClosedCleanly();
    damage(pages, false);
    const opened = openDatabaseSafely(dbFile());
    opened.db.close();
    expectCheckedAndSetAside(opened, /file changed/);
  });

  it('runs when the record cannot be parsed', async () => {
    const pages = await historyClosedCleanly();
    damage(pages, true);
    writeFileSync(sessionStateFile(dbFile()), '{"version":1,"closedCleanly":tr');
    const opened = openDatabaseSafely(dbFile());
    opened.db.close();
    expectCheckedAndSetAside(opened, /no record/);
  });

  it('is not needed for a brand-new database, whose record starts checked', async () => {
    const lines: Record<string, unknown>[] = [];
    await startBackend(lines).close();
    expect(lines.some((l) => l.message === 'Database pages checked in full')).toBe(false);
    const state = readSessionState(dbFile());
    expect(state).toMatchObject({ closedCleanly: true });
    expect(Date.now() - state!.lastFullCheckAt!).toBeLessThan(60_000);
  });
});

describe('a record that cannot be written', () => {
  it('stops nothing: Parley starts, works and closes, says so in the log, and the next start checks', async () => {
    const pages = await historyClosedCleanly();
    damage(pages, true);
    // A folder where the record goes: it can be neither read nor replaced.
    const record = sessionStateFile(dbFile());
    rmSync(record, { force: true });
    mkdirSync(record);
    writeFileSync(path.join(record, 'keep'), '');

    const lines: Record<string, unknown>[] = [];
    const backend = startBackend(lines);
    expect(backend.startupNotices).toEqual([expect.objectContaining({ kind: 'database-moved-aside' })]);
    await expect(backend.invoke('conversations:create', {}, {})).resolves.toMatchObject({ ok: true });
    await expect(backend.close()).resolves.toBeUndefined();
    const warnings = lines.filter((l) => l.level === 'warn' && l.area === 'database').map((l) => l.message);
    expect(warnings).toEqual([
      'The session record could not be written; the next start checks the database in full',
      'The clean close could not be recorded; the next start checks the database in full',
    ]);
    expect(statSync(record).isDirectory()).toBe(true);
    expect(readdirSync(data.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const next = openDatabaseSafely(dbFile());
    next.db.close();
    expect(next.fullCheck).toMatch(/no record/);
    expect(next.notices).toEqual([]);
  });
});

describe('damage met while Parley runs', () => {
  it('is told plainly, and makes the next start check in full however cleanly the session closed', async () => {
    const pages = await historyClosedCleanly();
    const lines: Record<string, unknown>[] = [];
    const backend = startBackend(lines);
    damage(pages, true);

    const listed = await backend.invoke('conversations:list', { limit: 1000 }, {});
    expect(listed).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED', message: expect.stringMatching(/history file is damaged.*Quit and reopen Parley.*deleting nothing/) } });
    expect(lines).toContainEqual(expect.objectContaining({ message: 'SQLite found the database damaged; the next start checks it in full', channel: 'conversations:list' }));
    await backend.close();
    expect(readSessionState(dbFile())).toMatchObject({ closedCleanly: true, damageSeen: true });

    const opened = openDatabaseSafely(dbFile());
    opened.db.close();
    expectCheckedAndSetAside(opened, /found a damaged page/);
  });
});
