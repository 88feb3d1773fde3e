import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../fixtures/fake-openai-server';
import { DroppedFiles, type FileToDrop } from './pages/dropped-files';
import { QuickWindow } from './pages/quick-window';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-several-files-4242');

/** Content new to each test, which a saved explanation would otherwise answer at once. */
let run = 0;
const first = (): FileToDrop => ({ name: 'first.py', content: `def first():\n    return ${++run}\n` });
const second = (): FileToDrop => ({ name: 'second.md', content: `# Second\n\nA short note, number ${++run}.\n` });
const third = (): FileToDrop => ({ name: 'third.log', content: `2026-11-26T10:00:00Z INFO started run ${++run}\n` });

/** Slow enough that the first file is still being explained when the next would start. */
function slowExplanations(): void {
  suite.session.model.setScenario({ kind: 'stream', chunks: wordsOf('Explained plainly, part by part. FILE-END'), firstDelayMs: 300, delayMs: 60 });
}

const attachedNames = (files: DroppedFiles, question: Locator) =>
  files.attachments(question).evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')?.split(',')[0]));

describe('several files dropped where they join one conversation', () => {
  it('explains files dropped on the composer one after another in the conversation on screen, none refused as busy', async () => {
    const { chat } = suite;
    const files = new DroppedFiles(chat.page);
    await chat.ask('Hello there');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Hello there');
    const listed = await chat.conversations.getByRole('button').count();

    slowExplanations();
    await files.drop(chat.composer, [first(), second()]);
    // The second waits, saying so, while the first is written.
    await expect.poll(() => chat.page.getByRole('status').filter({ hasText: 'second.md waits for the file before it' }).count()).toBe(1);

    await expect.poll(() => chat.questions().count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => chat.answers().nth(2).textContent(), { timeout: 15_000 }).toContain('FILE-END');
    expect(await chat.answers().nth(1).textContent()).toContain('FILE-END');
    expect(await attachedNames(files, chat.questions().nth(1))).toEqual(['first.py']);
    expect(await attachedNames(files, chat.questions().nth(2))).toEqual(['second.md']);
    expect(await files.refusal().count()).toBe(0);
    expect(await chat.conversations.getByRole('button').count()).toBe(listed);
  });

  it('lets a waiting file be taken back before its turn', async () => {
    const { chat } = suite;
    const files = new DroppedFiles(chat.page);
    await chat.ask('Only one, please');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Only one, please');

    slowExplanations();
    const asked = suite.session.model.requests.length;
    await files.drop(chat.composer, [first(), third()]);
    await chat.page.getByRole('button', { name: 'Do not explain third.log' }).click();
    await expect.poll(() => chat.answers().nth(1).textContent(), { timeout: 15_000 }).toContain('FILE-END');
    // Long enough for a second explanation to have begun, had it not been taken back.
    await new Promise((r) => setTimeout(r, 500));
    expect(await chat.questions().count()).toBe(2);
    expect(suite.session.model.requests.length).toBe(asked + 1);
  });

  it('explains several files dropped on an empty quick window in one conversation, all of them shown', async () => {
    const page = await suite.session.newPage();
    try {
      const quick = new QuickWindow(page);
      await quick.open(suite.session.host.quickUrl);
      const files = new DroppedFiles(page);
      slowExplanations();
      const dropped = [first(), second(), third()];
      await files.drop(page.locator('.quick'), dropped);

      await expect.poll(() => quick.answers().count(), { timeout: 15_000 }).toBe(3);
      await expect.poll(() => quick.answers().nth(2).textContent(), { timeout: 15_000 }).toContain('FILE-END');
      for (const [i, file] of dropped.entries()) {
        expect(await attachedNames(files, quick.questions().nth(i))).toEqual([file.name]);
        expect(await quick.answers().nth(i).textContent()).toContain('FILE-END');
      }
      expect(await files.refusal().count()).toBe(0);

      // One conversation, named after the first file, holds all three.
      const listed = (await suite.session.invoke('conversations:list', {})) as { title: string }[];
      const explained = listed.filter((c) => /^Explain (first\.py|second\.md|third\.log)$/.test(c.title));
      expect(explained.map((c) => c.title)).toEqual(['Explain first.py']);
    } finally {
      await page.context().close();
    }
  });
});
