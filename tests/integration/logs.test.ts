import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { freshDataDirEachTest } from '../fixtures/suite-hooks';
import { makeBackend, trustedSender } from '../fixtures/test-backend';

interface LogLine {
  time: string;
  level: string;
  area: string;
  message: string;
  [field: string]: unknown;
}

const logOf = (dataDir: string): LogLine[] => {
  const file = path.join(dataDir, 'logs', 'parley.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LogLine);
};

let primary: FakeOpenAI;
let local: FakeOpenAI;
beforeAll(async () => {
  [primary, local] = await Promise.all([startFakeOpenAI(), startFakeOpenAI({ kind: 'stream', chunks: ['From ', 'the ', 'fallback'] })]);
});
afterAll(() => Promise.all([primary.close(), local.close()]));
const data = freshDataDirEachTest();

describe('the log in the data folder', () => {
  it('records start-up, the migrations from an empty database, and closing, as JSON lines', async () => {
    const tb = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    await tb.close();
    const lines = logOf(data.dir);
    for (const l of lines) expect(Object.keys(l).slice(0, 4)).toEqual(['time', 'level', 'area', 'message']);
    expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(['Parley backend starting', 'Database migrated', 'Parley backend ready', 'Parley backend closed']));
    expect(lines.find((l) => l.message === 'Database migrated')).toMatchObject({ area: 'database', from: 0 });
  });

  it('records each failed request by provider, model, attempt, code and status, never the text', async () => {
    primary.setScenario({ kind: 'status', status: 503, body: { error: { message: 'overloaded while reading: My private question' } } });
    const tb = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'My private question');
    expect((await tb.waitForDone(assistantMessage.id, 20_000)).status).toBe('error');
    await tb.close();
    const failures = logOf(data.dir).filter((l) => l.message === 'Model request failed');
    expect(failures.map((l) => l.attempt)).toEqual([1, 2, 3]);
    for (const f of failures) expect(f).toMatchObject({ level: 'warn', area: 'chat', providerId: 'openai', code: 'SERVER', status: 503, kind: 'server', afterText: false });
    expect(readFileSync(path.join(data.dir, 'logs', 'parley.log'), 'utf8')).not.toMatch(/private question/);
  });

  it('records a failed model listing in Settings by provider, code and status', async () => {
    primary.setModelList({ status: 401 });
    const tb = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    expect(await tb.call('providers:models', { providerId: 'openai' })).toMatchObject({ ok: false, error: { code: 'INVALID_KEY' } });
    await tb.close();
    primary.setModelList(['test-model']);
    expect(logOf(data.dir).find((l) => l.area === 'providers')).toMatchObject({ level: 'warn', message: 'Listing the models failed', providerId: 'openai', code: 'INVALID_KEY', status: 401 });
  });

  it('records a failed file explanation by provider and code, never the name or text of the file', async () => {
    primary.setScenario({ kind: 'status', status: 401 });
    primary.setCompletionHandler(() => ({ status: 401 }));
    const tb = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    const bytes = Buffer.from('Ledger of the okapi-orchard: 42 crates.\n').toString('base64');
    const prepared = await tb.value('files:prepare', { source: { kind: 'bytes', name: 'okapi-orchard.txt', base64: bytes } });
    const started = await tb.value('files:explain', { fileId: prepared.fileId });
    expect((await tb.waitForDone(started.assistantMessage.id, 20_000)).status).toBe('error');
    await tb.close();
    primary.setCompletionHandler(null);
    expect(logOf(data.dir).find((l) => l.area === 'files')).toMatchObject({ level: 'warn', message: 'A file explanation failed', providerId: 'openai', code: 'INVALID_KEY' });
    expect(readFileSync(path.join(data.dir, 'logs', 'parley.log'), 'utf8')).not.toMatch(/okapi|Ledger/);
  });

  it('records a switch to the fallback, and a success after retrying', async () => {
    primary.setScenario({ kind: 'status', status: 500 });
    const tb = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    await tb.value('providers:add', { kind: 'compatible', name: 'Local', baseUrl: local.baseUrl, model: 'local-model' });
    await tb.value('providers:update', { id: 'openai', fallback: { providerId: 'local', model: 'local-model' } });
    const conversation = await tb.newConversation();
    const { assistantMessage } = await tb.send(conversation.id, 'Hello');
    expect((await tb.waitForDone(assistantMessage.id, 20_000)).content).toBe('From the fallback');
    await tb.close();
    const lines = logOf(data.dir);
    expect(lines.find((l) => l.message === 'The provider is down: answering with the fallback')).toMatchObject({ level: 'warn', providerId: 'local', model: 'local-model', afterAttempts: 3 });
    expect(lines.find((l) => l.message === 'Model request succeeded after retrying')).toMatchObject({ providerId: 'local', model: 'local-model', attempts: 4 });
  });

  it('records the answers an earlier exit cut off, and a database that had to be set aside', async () => {
    primary.setScenario({ kind: 'stream', chunks: ['slow ', 'answer'], delayMs: 5_000 });
    const first = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    const conversation = await first.newConversation();
    await first.send(conversation.id, 'Hello');
    // Reopened while the answer still streams: to the new backend it is what a crash left behind.
    const second = makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir });
    await second.close();
    expect(logOf(data.dir).find((l) => l.area === 'recovery')).toMatchObject({ level: 'warn', message: 'Answers cut off by the last exit marked interrupted', count: 1 });
    await first.close();

    const db = path.join(data.dir, 'parley.sqlite');
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(db + suffix)) writeFileSync(db + suffix, suffix ? '' : 'not a database at all');
    await makeBackend({ baseUrl: primary.baseUrl, dataDir: data.dir }).close();
    const setAside = logOf(data.dir).find((l) => l.kind === 'database-moved-aside');
    expect(setAside).toMatchObject({ level: 'warn', area: 'recovery' });
    expect(String(setAside?.movedTo)).toContain('parley.sqlite.unreadable-');
  });

  it('records an internal error in a handler with its channel, class and stack, and still tells the caller', async () => {
    let connection: Database.Database | null = null;
    const told: string[] = [];
    const backend = createBackend({
      dataDir: data.dir,
      secrets: createSessionSecretStore(),
      isTrustedSender: (s) => s === trustedSender,
      env: {},
      localProbeUrls: {},
      onDatabaseOpen: (db) => (connection = db),
      onInternalError: (channel) => told.push(channel),
    });
    (connection as Database.Database | null)?.close();
    const answer = await backend.invoke('conversations:list', {}, trustedSender);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(told).toEqual(['conversations:list']);
    const line = logOf(data.dir).find((l) => l.area === 'ipc');
    expect(line).toMatchObject({ level: 'error', message: 'Internal error in a handler', channel: 'conversations:list', errorName: 'TypeError' });
    expect(Array.isArray(line?.stack)).toBe(true);
  });
});
