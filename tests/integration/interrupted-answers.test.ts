import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { restartedAfterCrash } from '../fixtures/crash-leftovers';
import { ftsIndexIsConsistent, searchMessages } from '../fixtures/sqlite';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { makeBackend } from '../fixtures/test-backend';
import { exited, firstJsonLine, spawnFixture } from '../fixtures/ts-child-process';

const fake = useFakeOpenAI();
const data = freshDataDirEachTest();

describe('an answer left streaming by a crash', () => {
  it('becomes interrupted at the next start, with its text kept', async () => {
    const { tb: second, conversationId } = await restartedAfterCrash(
      { baseUrl: fake.baseUrl, dataDir: data.dir },
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES
       ('q1', @c, NULL, 'user', 'Tell me about wombats', 'complete', 1, 1),
       ('a1', @c, 'q1', 'assistant', 'Wombats are marsupials that', 'streaming', 2, 2)`,
    );
    const messages = await second.value('messages:list', { conversationId });
    expect(messages.find((m) => m.id === 'a1')).toMatchObject({
      status: 'interrupted',
      content: 'Wombats are marsupials that',
      error: { code: 'INCOMPLETE' },
    });
  });

  it('is searchable once interrupted, and no longer blocks the conversation', async () => {
    fake.setScenario({ kind: 'echo' });
    const { tb: second, conversationId } = await restartedAfterCrash(
      { baseUrl: fake.baseUrl, dataDir: data.dir },
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at)
       VALUES ('a1', @c, NULL, 'assistant', 'Platypuses lay eggs', 'streaming', 1, 1)`,
    );
    const { assistantMessage } = await second.send(conversationId, 'Go on');
    expect((await second.waitForDone(assistantMessage.id)).status).toBe('complete');
    const check = new Database(second.databaseFile);
    try {
      expect(searchMessages(check, 'platypuses')).toHaveLength(1);
      expect(ftsIndexIsConsistent(check)).toBe(true);
    } finally {
      check.close();
    }
  });

  it('survives a process killed mid-answer with what was flushed to disk', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['Once ', 'upon ', 'a ', 'time ', 'there ', 'was'], delayMs: 30, fault: { type: 'stall', afterChunks: 4 } });
    const child = spawnFixture('crash-mid-answer.ts', [data.dir, fake.baseUrl]);
    let report: { conversationId: string; messageId: string; flushed: string };
    try {
      report = await firstJsonLine(child);
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
    expect(report.flushed).toMatch(/^Once /);

    const after = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const messages = await after.value('messages:list', { conversationId: report.conversationId });
    const answer = messages.find((m) => m.id === report.messageId);
    expect(answer).toMatchObject({ status: 'interrupted', error: { code: 'INCOMPLETE' } });
    expect(answer!.content.startsWith(report.flushed)).toBe(true);
  });

  it('leaves finished answers alone at start', async () => {
    fake.setScenario({ kind: 'echo' });
    const first = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const conversation = await first.newConversation();
    const { assistantMessage } = await first.send(conversation.id, 'Hi');
    const done = await first.waitForDone(assistantMessage.id);
    await first.close();

    const second = makeBackend({ baseUrl: fake.baseUrl, dataDir: data.dir });
    const stored = (await second.value('messages:list', { conversationId: conversation.id })).find((m) => m.id === assistantMessage.id);
    expect(stored).toEqual(done);
  });
});
