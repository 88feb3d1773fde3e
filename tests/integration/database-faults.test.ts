import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { DatabaseRefusedError } from '../../electron/db/safe-open';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import type { Message } from '../../shared/domain';
import { ftsIndexIsConsistent } from '../fixtures/sqlite';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { makeBackend, makeTestKey, trustedSender, type RecordedEvent } from '../fixtures/test-backend';

const fake = useFakeOpenAI();
const data = freshDataDirEachTest();

const dbFile = () => path.join(data.dir, 'parley.sqlite');
const setAside = () => readdirSync(data.dir).filter((n) => n.includes('.unreadable-'));

/** A real history of a few conversations, closed cleanly (so its WAL is checkpointed into the file). */
async function historyOnDisk(conversations = 3): Promise<string[]> {
  fake.setScenario({ kind: 'echo' });
  const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
  const ids: string[] = [];
  for (let i = 0; i < conversations; i++) {
    const c = await tb.newConversation();
    const { assistantMessage } = await tb.send(c.id, `Question ${i} ${'with some words to fill the pages '.repeat(200)}`);
    await tb.waitForDone(assistantMessage.id);
    ids.push(c.id);
  }
  await tb.close();
  return ids;
}

/** Starting on a file that cannot be read: it is moved aside with its bytes intact, and Parley starts empty and says where it went. */
async function expectSetAsideAndFreshStart(originalBytes: Buffer) {
  const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
  const [notice, ...others] = tb.backend.startupNotices;
  expect(others).toEqual([]);
  expect(notice).toMatchObject({ kind: 'database-moved-aside' });
  const movedTo = notice!.movedTo!;
  expect(path.dirname(movedTo)).toBe(data.dir);
  expect(path.basename(movedTo)).toMatch(/^parley\.sqlite\.unreadable-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
  expect(readFileSync(movedTo).equals(originalBytes)).toBe(true);
  expect(notice!.message).toContain(movedTo);
  expect(notice!.message).toMatch(/Nothing was deleted/);
  // The window asks for the notices when it opens.
  expect(await tb.value('app:startupNotices', {})).toEqual({ notices: [notice] });
  // A fresh, working history.
  expect(await tb.value('conversations:list', {})).toEqual([]);
  await tb.newConversation();
  await tb.close();
  const check = new Database(dbFile());
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
  return movedTo;
}

describe('a database that cannot be opened', () => {
  it('is moved aside when it is garbage bytes, and Parley starts fresh saying where it went', async () => {
    const garbage = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 251));
    writeFileSync(dbFile(), garbage);
    await expectSetAsideAndFreshStart(garbage);
  });

  it('is moved aside when it is another kind of file', async () => {
    const notSqlite = Buffer.from(JSON.stringify({ conversations: [{ title: 'not a database' }] }));
    writeFileSync(dbFile(), notSqlite);
    await expectSetAsideAndFreshStart(notSqlite);
  });

  it('is moved aside when it was cut short, its header counting pages that are gone', async () => {
    await historyOnDisk();
    truncateSync(dbFile(), Math.floor(statSync(dbFile()).size / 2 / 8192) * 8192);
    await expectSetAsideAndFreshStart(readFileSync(dbFile()));
  });

  it('is moved aside when it is shorter than an SQLite header', async () => {
    await historyOnDisk(1);
    truncateSync(dbFile(), 60);
    await expectSetAsideAndFreshStart(readFileSync(dbFile()));
  });

  it('is moved aside when pages inside it are overwritten, its header intact', async () => {
    await historyOnDisk();
    const bytes = readFileSync(dbFile());
    // Every page after the first two (the schema) scribbled over: the tables' b-trees no longer hold together.
    for (let at = 2 * 8192; at < bytes.length; at += 8192) bytes.fill(0xa5, at + 8, at + 8192);
    writeFileSync(dbFile(), bytes);
    await expectSetAsideAndFreshStart(bytes);
  });

  it('is moved aside together with its WAL, so the two still open as one database', async () => {
    writeFileSync(dbFile(), Buffer.from('definitely not sqlite'));
    writeFileSync(`${dbFile()}-wal`, Buffer.from('a write-ahead log that belongs to it'));
    const movedTo = await expectSetAsideAndFreshStart(Buffer.from('definitely not sqlite'));
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('a write-ahead log that belongs to it');
  });

  it('says nothing at a normal start', async () => {
    const ids = await historyOnDisk(1);
    const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    expect(tb.backend.startupNotices).toEqual([]);
    expect(await tb.value('app:startupNotices', {})).toEqual({ notices: [] });
    expect((await tb.value('conversations:list', {})).map((c) => c.id)).toEqual(ids);
    expect(setAside()).toEqual([]);
  });
});

describe('a database from a newer Parley', () => {
  it('refuses to start, says why, and moves or changes nothing', async () => {
    await historyOnDisk(1);
    const db = new Database(dbFile());
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const before = readFileSync(dbFile());

    let thrown: unknown;
    try {
      makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DatabaseRefusedError);
    expect((thrown as Error).message).toMatch(/written by a newer version of Parley/);
    expect((thrown as Error).message).toContain(dbFile());
    expect((thrown as Error).message).toMatch(/Nothing was changed or moved/);
    expect(readFileSync(dbFile()).equals(before)).toBe(true);
    expect(setAside()).toEqual([]);
  });
});

describe('the copy before a migration', () => {
  it('holds the history as it was before the schema changed', async () => {
    const db = new Database(dbFile());
    db.pragma('journal_mode = WAL');
    migrate(db, migrations.slice(0, 2));
    db.prepare("INSERT INTO conversations (id, title, provider_id, created_at, updated_at) VALUES ('old-1', 'Kept from version 2', 'openai', 1, 1)").run();
    db.close();

    const opened = openDatabase(dbFile());
    try {
      expect(opened.migration).toMatchObject({ from: 2, to: migrations.length });
      const backup = opened.migration.backupPath!;
      expect(path.dirname(backup)).toBe(data.dir);
      expect(path.basename(backup)).toMatch(/^parley\.sqlite\.before-migration-\d+\.bak$/);
      const copy = new Database(backup, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(2);
      expect(copy.prepare('SELECT title FROM conversations').all()).toEqual([{ title: 'Kept from version 2' }]);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    } finally {
      opened.db.close();
    }
  });
});

describe('a disk that fills up mid-answer', () => {
  it('ends the answer with a clear error, keeps what arrived, refuses new writes clearly, and leaves the database intact', async () => {
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 200 }, (_, i) => `piece ${i} ${'of a long answer '.repeat(60)}`), delayMs: 15 });
    let db: Database.Database | null = null;
    let arrivedText = '';
    const backend = createBackend({
      dataDir: data.dir,
      secrets: createSessionSecretStore(),
      isTrustedSender: (s) => s === trustedSender,
      env: { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: makeTestKey() },
      timings: { idleTimeoutMs: 5000, connectTimeoutMs: 5000 },
      localProbeUrls: {},
      onDatabaseOpen: (opened) => (db = opened),
    });
    const events: RecordedEvent[] = [];
    backend.subscribe((event, payload) => events.push({ event, payload } as RecordedEvent));
    const call = async <T,>(channel: string, input: unknown) => {
      const r = await backend.invoke(channel, input, trustedSender);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value as T;
    };
    try {
      const conversation = await call<{ id: string }>('conversations:create', {});
      const { assistantMessage } = await call<{ assistantMessage: Message }>('chat:send', { conversationId: conversation.id, content: 'Write at length' });
      const flushed = () => {
        const reader = new Database(dbFile(), { readonly: true });
        try {
          return reader.prepare<[string], { content: string }>('SELECT content FROM messages WHERE id = ?').get(assistantMessage.id)!.content;
        } finally {
          reader.close();
        }
      };
      await expect.poll(() => flushed().length, { timeout: 15_000 }).toBeGreaterThan(0);

      // Full: not one more page.
      const full = db!;
      full.pragma(`max_page_count = ${full.pragma('page_count', { simple: true }) as number}`);

      await expect.poll(() => events.some((e) => e.event === 'chat:done'), { timeout: 15_000 }).toBe(true);
      const done = events.find((e) => e.event === 'chat:done')!.payload as { message: Message };
      const arrived = events.flatMap((e) => (e.event === 'chat:delta' ? [e.payload.text] : [])).join('');
      expect(done.message).toMatchObject({ id: assistantMessage.id, status: 'error', error: { code: 'DISK_FULL' } });
      expect(done.message.error!.message).toMatch(/disk is full/);
      // Everything that reached the window is in the answer it ends with.
      expect(done.message.content).toBe(arrived);
      expect(arrived.length).toBeGreaterThan(flushed().length);
      // The stream was stopped rather than paid for to the end.
      expect(arrived.length).toBeLessThan(200 * 1000);

      // A new message cannot be written either, and says so rather than "something went wrong".
      const refused = await backend.invoke('chat:send', { conversationId: conversation.id, content: 'One more thing' }, trustedSender);
      expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(!refused.ok && refused.error.message).toMatch(/disk is full.*Nothing you typed was lost/);
      // Room again before Parley closes: an answer still waiting to be stored is stored whole at close.
      full.pragma('max_page_count = 1073741823');
      arrivedText = arrived;
    } finally {
      await backend.close();
    }

    const check = new Database(dbFile());
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    // Space again: the answer is there as far as it was saved, cut and marked so, and can be continued.
    fake.setScenario({ kind: 'stream', chunks: ['The end.'] });
    const after = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const [conversation] = await after.value('conversations:list', {});
    const answer = (await after.value('messages:list', { conversationId: conversation!.id })).find((m) => m.role === 'assistant')!;
    expect(answer).toMatchObject({ status: 'error', error: { code: 'DISK_FULL' } });
    expect(answer.content.length).toBeGreaterThan(0);
    expect(arrivedText.startsWith(answer.content)).toBe(true);
    await after.value('chat:continue', { messageId: answer.id });
    const continued = await after.waitForDone(answer.id);
    expect(continued).toMatchObject({ status: 'complete', content: `${answer.content}The end.` });
    await after.close();
    const final = new Database(dbFile());
    expect(ftsIndexIsConsistent(final)).toBe(true);
    final.close();
    expect(existsSync(dbFile())).toBe(true);
  });
});

describe('a database that cannot be read for a reason that is not the file', () => {
  it('refuses to start and moves nothing when a folder stands where the file should be', () => {
    mkdirSync(dbFile());
    expect(() => makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir })).toThrow(DatabaseRefusedError);
    expect(() => makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir })).toThrow(/Nothing was changed or moved/);
    expect(statSync(dbFile()).isDirectory()).toBe(true);
    expect(setAside()).toEqual([]);
  });
});
