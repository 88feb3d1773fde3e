import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';

let model: FakeOpenAI;
beforeAll(async () => {
  model = await startFakeOpenAI({ kind: 'echo' });
});
afterAll(() => model.close());
afterEach(closeAllBackends);

const chatgptExport = readFileSync(path.join(import.meta.dirname, '../fixtures/chatgpt-export/conversations.json'), 'utf8');
const strip = <T extends { id: string }>(m: T & { conversationId?: string; parentId?: string | null }) => {
  const { id: _id, conversationId: _c, parentId: _p, ...rest } = m;
  return rest;
};

describe('export and import', () => {
  it('round-trips every conversation through an export of everything, as a copy with new ids', async () => {
    const a = makeBackend({ baseUrl: model.baseUrl });
    const c = await a.newConversation();
    const { assistantMessage } = await a.send(c.id, 'Keep this exchange');
    await a.waitForDone(assistantMessage.id);
    await a.value('conversations:setPinned', { id: c.id, pinned: true });
    const before = await a.value('messages:list', { conversationId: c.id });

    const backup = await a.value('data:exportAll', {});
    expect(backup.fileName).toMatch(/^Parley backup \d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.content).not.toContain(a.apiKey!);

    const b = makeBackend({ baseUrl: model.baseUrl });
    expect(await b.value('data:import', { content: backup.content })).toEqual({ source: 'parley', conversations: 1, messages: 2 });
    const [imported] = await b.value('conversations:list', {});
    expect(imported).toMatchObject({ title: 'Keep this exchange', pinned: true });
    expect(imported!.id).not.toBe(c.id);
    const after = await b.value('messages:list', { conversationId: imported!.id });
    expect(after.map(strip)).toEqual(before.map(strip));
    expect(after[1]!.parentId).toBe(after[0]!.id);

    // A second import of the same file is a second copy, not a clash.
    await b.value('data:import', { content: backup.content });
    expect(await b.value('conversations:list', {})).toHaveLength(2);
  });

  it('keeps what the answers are marked with: tokens Parley counted itself, an explanation reused', async () => {
    model.setScenario({ kind: 'stream', chunks: ['Counted ', 'here.'], usage: null });
    try {
      const a = makeBackend({ baseUrl: model.baseUrl });
      const c = await a.newConversation();
      await a.waitForDone((await a.send(c.id, 'Count it yourself')).assistantMessage.id);
      const source = { kind: 'bytes' as const, name: 'note.txt', base64: Buffer.from('A short note.\n').toString('base64') };
      const first = await a.value('files:explain', { fileId: (await a.value('files:prepare', { source })).fileId });
      await a.waitForDone(first.assistantMessage.id);
      expect((await a.value('files:explain', { fileId: (await a.value('files:prepare', { source })).fileId })).reused).toBe(true);

      const marks = async (tb: typeof a) => {
        const lists = await Promise.all((await tb.value('conversations:list', {})).map((x) => tb.value('messages:list', { conversationId: x.id })));
        return lists.flat().filter((m) => m.role === 'assistant').map((m) => [m.content, m.usage?.estimated === true, m.reused === true]).sort();
      };
      const exported = await marks(a);
      // The chat answer's tokens were counted by Parley; the file's explanation and its reused copy carry no usage.
      expect(exported).toEqual([['Counted here.', false, false], ['Counted here.', false, true], ['Counted here.', true, false]]);
      const b = makeBackend({ baseUrl: model.baseUrl });
      await b.value('data:import', { content: (await a.value('data:exportAll', {})).content });
      expect(await marks(b)).toEqual(exported);
    } finally {
      model.setScenario({ kind: 'echo' });
    }
  });

  it('imports a single exported conversation', async () => {
    const a = makeBackend({ baseUrl: model.baseUrl });
    const c = await a.newConversation();
    await a.waitForDone((await a.send(c.id, 'Just this one')).assistantMessage.id);
    const file = await a.value('conversations:export', { id: c.id, format: 'json' });
    const b = makeBackend({ baseUrl: model.baseUrl });
    expect(await b.value('data:import', { content: file.content })).toMatchObject({ conversations: 1, messages: 2 });
  });

  it('imports a ChatGPT export, keeping its branches and dropping system and tool messages', async () => {
    const b = makeBackend({ baseUrl: model.baseUrl });
    expect(await b.value('data:import', { content: chatgptExport })).toEqual({ source: 'chatgpt', conversations: 2, messages: 5 });
    const list = await b.value('conversations:list', {});
    const sourdough = list.find((c) => c.title === 'Sourdough starter help')!;
    expect(sourdough.createdAt).toBe(1717000000000);
    const messages = await b.value('messages:list', { conversationId: sourdough.id });
    const byContent = (start: string) => messages.find((m) => m.content.startsWith(start))!;
    const question = byContent('My sourdough');
    expect(byContent('No, it is hungry').parentId).toBe(question.id);
    expect(byContent('An acetone smell').parentId).toBe(question.id);
    // The tool node between them is skipped: the follow-up hangs from the answer it followed.
    expect(byContent('Thanks!').parentId).toBe(byContent('An acetone smell').id);
    expect(byContent('Whole rye').model).toBe('gpt-4o');
    // Imported messages are searchable like any other (indexed once, as complete), by the word being typed too.
    expect(messages.every((m) => m.status === 'complete')).toBe(true);
    const found = await b.value('search:messages', { query: 'sourd' });
    expect(found.messages.map((h) => h.messageId)).toContain(question.id);
    // Their words were read during the import, not left for the first search.
    const db = new Database(b.databaseFile, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM search_terms_pending').pluck().get()).toBe(0);
      expect(db.prepare("SELECT term FROM search_terms WHERE term = 'sourdough'").pluck().get()).toBe('sourdough');
    } finally {
      db.close();
    }
  });

  it('refuses a file it does not understand, clearly, and writes nothing', async () => {
    const b = makeBackend({ baseUrl: model.baseUrl });
    const notJson = await b.call('data:import', { content: 'hello' });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('not JSON') } });
    const unknown = await b.call('data:import', { content: '{"some":"thing"}' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('does not recognise') } });
    expect(await b.value('conversations:list', {})).toEqual([]);
  });
});
