import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../shared/domain';
import { ChatWindow } from './pages/chat-window';
import { SearchPanel } from './pages/search-panel';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;
let search: SearchPanel;

/** Builds history through the host's own channels, answered by the fake model; set-up, not under test. */
async function seedConversation(title: string, questions: string[]): Promise<Conversation> {
  const conversation = (await session.invoke('conversations:create', { title })) as Conversation;
  for (const content of questions) {
    await session.invoke('chat:send', { conversationId: conversation.id, content });
    const answered = async () => ((await session.invoke('messages:list', { conversationId: conversation.id })) as Message[]).every((m) => m.status !== 'streaming');
    const deadline = Date.now() + 10_000;
    while (!(await answered())) {
      if (Date.now() > deadline) throw new Error(`no answer to ${content.slice(0, 40)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return conversation;
}

const filler = (i: number) => `Filler question ${i}: ${'a long line about nothing in particular that takes up room on the screen, '.repeat(3)}`;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-search-key-2468');
  session.model.setScenario({ kind: 'echo' });
  await seedConversation('Pond life', ['Where does the axolotl live in the wild?', ...Array.from({ length: 12 }, (_, i) => filler(i))]);
  await seedConversation('Trip to Lisbon', ['Which tram goes to Belém?']);
});
afterAll(() => session?.close());
beforeEach(async () => {
  session.model.setScenario({ kind: 'echo' });
  chat = new ChatWindow(await session.newPage());
  search = new SearchPanel(chat.page);
  await chat.open(session.host.url);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await chat.page.screenshot({ path: `/tmp/parley-e2e-${ctx.task.name.replace(/\W+/g, '-')}.png` }).catch(() => {});
  await chat.page.context().close();
});

describe('search', () => {
  it('finds a word from an old message as it is typed, and opens the conversation at that message', async () => {
    await search.type('axolo');
    const hit = search.messageResult(/^Pond life · You · .*axolotl/);
    await expect.poll(() => hit.isVisible()).toBe(true);
    expect(await hit.locator('mark').allTextContents()).toEqual(['axolotl']);

    await hit.click();
    await expect.poll(() => chat.page.getByRole('main', { name: 'Pond life' }).isVisible()).toBe(true);
    const found = chat.questions().filter({ hasText: 'Where does the axolotl live' });
    // The list opens at its newest message; the found one, the first of thirteen exchanges, is brought into view.
    await expect
      .poll(() =>
        found.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const list = el.closest('[role="log"]')!.getBoundingClientRect();
          return box.top >= list.top && box.bottom <= list.bottom;
        }),
      )
      .toBe(true);
    expect(await found.evaluate((el) => el === document.activeElement && el.classList.contains('message-found'))).toBe(true);
    // The mark is brief.
    await expect.poll(() => found.evaluate((el) => el.classList.contains('message-found')), { timeout: 6_000 }).toBe(false);
  });

  it('finds a conversation by its title, says when nothing matches, and gives the list back when cleared', async () => {
    await search.type('lisb');
    await expect.poll(() => search.conversationResult('Trip to Lisbon').isVisible()).toBe(true);
    await search.conversationResult('Trip to Lisbon').click();
    await expect.poll(() => chat.page.getByRole('main', { name: 'Trip to Lisbon' }).isVisible()).toBe(true);

    await search.box.fill('"NEAR( quetzalcoatl');
    await expect.poll(() => search.status().textContent()).toBe('Nothing matches “"NEAR( quetzalcoatl”.');
    await search.box.press('Escape');
    await expect.poll(() => search.results.count()).toBe(0);
    await expect.poll(() => chat.conversation('Pond life').isVisible()).toBe(true);
  });
});
