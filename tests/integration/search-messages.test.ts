import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/search';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closeAllBackends, makeBackend, type TestBackend } from '../fixtures/test-backend';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.setScenario({ kind: 'echo' });
});
afterAll(() => fake.close());
afterEach(closeAllBackends);

async function ask(tb: TestBackend, conversationId: string, question: string) {
  const { userMessage, assistantMessage } = await tb.send(conversationId, question);
  await tb.waitForDone(assistantMessage.id);
  return { userMessage, assistantMessage };
}

const marked = (s: string) => s.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']');

describe('search:messages through the backend', () => {
  it('finds a question and its answer once answered, newest first, with the conversation named by it', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { userMessage, assistantMessage } = await ask(tb, conversation.id, 'Where does the axolotl live?');
    await ask(tb, conversation.id, 'And what does it eat?');

    const found = await tb.value('search:messages', { query: 'axolo' });
    expect(found.messages.map((h) => h.messageId)).toEqual([assistantMessage.id, userMessage.id]);
    expect(marked(found.messages[1]!.snippet)).toBe('Where does the [axolotl] live?');
    expect(found.conversations.map((c) => marked(c.title))).toEqual(['Where does the [axolotl] live?']);
  });

  it('answers a query FTS5 would refuse with no results rather than an error', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    await ask(tb, conversation.id, 'Some words to find');
    for (const query of ['"', 'NEAR(', 'words AND', '-', '*']) {
      expect(await tb.call('search:messages', { query })).toMatchObject({ ok: true });
    }
    expect((await tb.value('search:messages', { query: 'words AND' })).messages).toEqual([]);
  });

  it('ranks by relevance when asked', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    const { userMessage } = await ask(tb, conversation.id, 'okapi okapi okapi');
    await ask(tb, conversation.id, `An okapi among ${'many other words '.repeat(30)}`);
    const ranked = await tb.value('search:messages', { query: 'okapi ', order: 'relevance' });
    expect(ranked.messages[0]!.messageId).toBe(userMessage.id);
  });
});

describe('messages:list in pages', () => {
  it('gives every message without a page, and the newest pages walking back with one', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const conversation = await tb.newConversation();
    for (const q of ['one', 'two', 'three']) await ask(tb, conversation.id, q);
    const all = await tb.value('messages:list', { conversationId: conversation.id });
    expect(all).toHaveLength(6);

    const newest = await tb.value('messages:list', { conversationId: conversation.id, limit: 4 });
    expect(newest).toEqual(all.slice(2));
    const older = await tb.value('messages:list', { conversationId: conversation.id, limit: 4, before: newest[0]!.id });
    expect(older).toEqual(all.slice(0, 2));
  });
});

describe('conversations:list in pages', () => {
  it('gives the list whole without a page, and in order a page at a time with one', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    for (let i = 0; i < 5; i++) await tb.newConversation();
    const all = await tb.value('conversations:list', {});
    expect(all).toHaveLength(5);
    const pages = [0, 2, 4].map((offset) => tb.value('conversations:list', { limit: 2, offset }));
    expect((await Promise.all(pages)).flat()).toEqual(all);
  });

  it('gives one conversation by id, and says so when it no longer exists', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const made = await tb.newConversation();
    expect(await tb.value('conversations:get', { id: made.id })).toEqual(made);
    await tb.value('conversations:delete', { id: made.id });
    expect(await tb.call('conversations:get', { id: made.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
