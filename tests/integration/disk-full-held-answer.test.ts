import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend, type TestBackend } from '../fixtures/test-backend';

const fake = useFakeOpenAI();
const data = freshDataDirEachTest();
afterEach(closeAllBackends);

interface HeldAnswer {
  tb: TestBackend;
  db: Database.Database;
  answer: Message;
  arrived: string;
}

const rowOf = (db: Database.Database, id: string) => db.prepare<[string], { status: string; content: string }>('SELECT status, content FROM messages WHERE id = ?').get(id)!;

/**
 * No room at all: the file may not grow, and its free pages are used up too, or
 * marking the answer as failed could still fit in them and nothing would be held back.
 */
function fillEveryPage(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS filler (b BLOB)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const insert = db.prepare('INSERT INTO filler VALUES (randomblob(?))');
  for (const size of [4000, 400, 40, 1]) {
    try {
      for (;;) insert.run(size);
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_FULL') throw err;
    }
  }
}

/**
 * An answer cut by a disk that filled mid-stream, so full that not even its
 * error could be written: the row is still `streaming`, and the answer waits
 * in memory for room. Then room comes back.
 */
async function answerHeldBackByFullDisk(): Promise<HeldAnswer> {
  fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 200 }, (_, i) => `piece ${i} ${'of a long answer '.repeat(60)}`), delayMs: 15 });
  let db: Database.Database | null = null;
  const tb = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir, timings: { idleTimeoutMs: 5000, connectTimeoutMs: 5000 }, onDatabaseOpen: (opened) => (db = opened) });
  const conversation = await tb.newConversation();
  const { assistantMessage } = await tb.send(conversation.id, 'Write at length');
  // Enough text stored that its search-index entry cannot squeeze into room left in existing pages.
  await expect.poll(() => rowOf(db!, assistantMessage.id).content.length, { timeout: 15_000 }).toBeGreaterThan(40_000);
  fillEveryPage(db!);
  const answer = await tb.waitForDone(assistantMessage.id, 15_000);
  expect(answer).toMatchObject({ status: 'error', error: { code: 'DISK_FULL' } });
  // Held back: the row still says `streaming`, which is what made its conversation look busy.
  expect(rowOf(db!, assistantMessage.id).status).toBe('streaming');
  db!.pragma('max_page_count = 1073741823');
  return { tb, db: db!, answer, arrived: answer.content };
}

describe('an answer the full disk held back, once there is room again', () => {
  it('is stored before a Regenerate, which then answers instead of saying the conversation is busy', async () => {
    const { tb, db, answer, arrived } = await answerHeldBackByFullDisk();
    fake.setScenario({ kind: 'stream', chunks: ['A shorter answer.'] });
    const regenerated = await tb.value('chat:regenerate', { messageId: answer.id });
    expect(rowOf(db, answer.id)).toEqual({ status: 'error', content: arrived });
    expect(await tb.waitForDone(regenerated.assistantMessage.id)).toMatchObject({ status: 'complete', content: 'A shorter answer.' });
  });

  it('is stored before a Continue, which goes on from all of it', async () => {
    const { tb, db, answer, arrived } = await answerHeldBackByFullDisk();
    fake.setScenario({ kind: 'stream', chunks: [' The end.'] });
    // The answer already ended once (cut by the full disk): the end that counts is the next one.
    const endsOf = () => tb.events.flatMap((e) => (e.event === 'chat:done' && e.payload.message.id === answer.id ? [e.payload.message] : []));
    await tb.value('chat:continue', { messageId: answer.id });
    await expect.poll(() => endsOf().length).toBe(2);
    expect(endsOf()[1]).toMatchObject({ status: 'complete', content: `${arrived} The end.` });
    expect(rowOf(db, answer.id).content).toBe(`${arrived} The end.`);
  });

  it('is stored before a file is explained in its conversation', async () => {
    const { tb, db, answer, arrived } = await answerHeldBackByFullDisk();
    fake.setScenario({ kind: 'stream', chunks: ['It greets.'] });
    const source = { kind: 'bytes' as const, name: 'greet.py', base64: Buffer.from('print("hello")\n').toString('base64') };
    const prepared = await tb.value('files:prepare', { source, conversationId: answer.conversationId });
    const explained = await tb.value('files:explain', { fileId: prepared.fileId, conversationId: answer.conversationId });
    expect(rowOf(db, answer.id)).toEqual({ status: 'error', content: arrived });
    expect(await tb.waitForDone(explained.assistantMessage.id)).toMatchObject({ status: 'complete', content: 'It greets.' });
  });
});
