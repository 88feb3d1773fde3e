import { describe, expect, it } from 'vitest';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-long-list-key-9090');
const total = 450;
const hour = 3600;

/** A ChatGPT export of `total` conversations, one every 20 hours back from now: the newest is "History 1". */
function history(): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify(
    Array.from({ length: total }, (_, i) => {
      const at = now - (i + 1) * 20 * hour;
      return {
        title: `History ${i + 1}`,
        create_time: at,
        update_time: at,
        current_node: 'u',
        mapping: {
          root: { id: 'root', message: null, parent: null, children: ['u'] },
          u: { id: 'u', message: { author: { role: 'user' }, create_time: at, content: { content_type: 'text', parts: [`Question number ${i + 1} about barnacles`] } }, parent: 'root', children: [] },
        },
      };
    }),
  );
}

const listItems = () => suite.chat.conversations.getByRole('listitem');

describe('a long conversation list', () => {
  it('shows the newest at once, keeps only what is near the viewport in the page, and reads older pages while scrolling', async () => {
    await suite.session.invoke('data:import', { content: history() });
    await suite.chat.page.reload();
    await expect.poll(() => suite.chat.conversation('History 1').isVisible()).toBe(true);
    // Far fewer rows in the page than conversations, even once several pages are read.
    expect(await listItems().count()).toBeLessThan(80);

    const scroller = suite.chat.conversations.locator('.conversation-groups');
    // Scroll to the end until the oldest conversation has been read and drawn.
    await expect
      .poll(
        async () => {
          await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          return suite.chat.conversation(`History ${total}`).isVisible();
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    expect(await listItems().count()).toBeLessThan(80);
    // Every conversation was read once: the titles near the end follow on without gaps or repeats.
    const titles = await suite.chat.conversations.locator('.conversation-title').allTextContents();
    const numbers = titles.map((t) => Number(t.replace('History ', '')));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    // Older groups are labelled regions like the newest.
    expect(await suite.chat.conversations.getByRole('region').count()).toBeGreaterThan(0);

    // Back at the top, the newest are drawn again.
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => suite.chat.conversation('History 1').isVisible()).toBe(true);
  });

  it('opens a conversation found by search that the list has not read yet, with its title', async () => {
    await suite.session.invoke('data:import', { content: history() });
    await suite.chat.page.reload();
    await expect.poll(() => suite.chat.conversation('History 1').first().isVisible()).toBe(true);
    await suite.chat.page.getByRole('searchbox', { name: 'Search conversations' }).fill('number 440 barnacles');
    await suite.chat.page.getByRole('button', { name: /History 440/ }).first().click();
    await expect.poll(() => suite.chat.page.getByRole('heading', { level: 1 }).textContent()).toBe('History 440');
    await expect.poll(() => suite.chat.questions().first().textContent()).toContain('Question number 440 about barnacles');
  });
});
