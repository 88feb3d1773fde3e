import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wordsOf } from '../fixtures/fake-openai-server';
import { DroppedFiles, type FileToDrop } from './pages/dropped-files';
import { QuickWindow } from './pages/quick-window';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-files-key-7070');
let files: DroppedFiles;

/** gpt-4's 8,192-token window: a file of a few tens of kilobytes already needs parts. */
const smallModel = 'gpt-4';

const source: FileToDrop = {
  name: 'greet.py',
  content: 'def greet(name):\n    """Say hello."""\n    return f"Hello, {name}!"\n\nprint(greet("Parley"))\n',
};

/** About 20,000 tokens of distinct log lines: several parts for an 8k window. Named in its first line, so each name is new content (not reused). */
function largeLog(name = 'server.log'): FileToDrop {
  const lines = [`# ${name}`, ...Array.from({ length: 1600 }, (_, i) => `2026-11-26T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z INFO worker-${i % 7} handled request ${i} for /api/items/${i * 13} in ${(i * 7) % 300} ms`)];
  return { name, content: lines.join('\n') + '\n' };
}

async function setConfirmAbove(usd: number): Promise<void> {
  await suite.session.invoke('settings:setFiles', { maxFileBytes: 50_000_000, confirmAboveUsd: usd, concurrency: 3 });
}

const explanation = (end: string) => wordsOf(`This file **defines a greeting** and prints it. It is short and safe. ${end}`);

beforeAll(async () => {
  await suite.session.invoke('providers:update', { id: 'openai', model: smallModel });
});

beforeEach(async () => {
  files = new DroppedFiles(suite.chat.page);
  suite.session.model.setCompletionHandler(null);
  await setConfirmAbove(1000); // most tests: never ask
});

describe('dropping files on the main window', () => {
  it('says what a drop will do, then explains the file in a new "Explain <name>" conversation, streamed', async () => {
    const { chat } = suite;
    const held = await files.dragOver(chat.page.locator('main'), [source]);
    await expect.poll(() => files.overlay().textContent()).toBe('Drop to explain greet.py');
    await files.dragLeave(chat.page.locator('main'), held);
    await expect.poll(() => files.overlay().count()).toBe(0);

    suite.session.model.setScenario({ kind: 'stream', chunks: explanation('GREET-END'), firstDelayMs: 200, delayMs: 40 });
    await files.drop(chat.page.locator('main'), [source]);
    await expect.poll(() => chat.conversation('Explain greet.py').count()).toBe(1);
    await expect.poll(() => chat.page.getByRole('heading', { level: 1 }).textContent()).toBe('Explain greet.py');
    // Part of it on screen while the rest is still coming: it streams like any answer.
    await expect.poll(() => chat.answers().first().textContent()).toContain('defines a greeting');
    await expect.poll(() => chat.answers().first().textContent(), { timeout: 15_000 }).toContain('GREET-END');
    expect(await chat.answers().first().locator('strong').first().textContent()).toBe('defines a greeting');

    // The question carries the file: its name, kind and size, named for screen readers.
    await expect.poll(() => files.attachments(chat.questions().first()).first().getAttribute('aria-label')).toMatch(/^greet\.py, Code, \d+ bytes$/);
    // The file went to the model as data.
    const sent = JSON.stringify(suite.session.model.requests.at(-1)?.body.messages);
    expect(sent).toContain('Hello, {name}!');
  });

  it('reuses the saved explanation of the same file at once, labelled "Reused", with Regenerate one click away', async () => {
    const { chat } = suite;
    const file = { ...source, name: 'again.py', content: `${source.content as string}# reuse me\n` };
    suite.session.model.setScenario({ kind: 'stream', chunks: explanation('FIRST-END') });
    await files.drop(chat.page.locator('main'), [file]);
    await expect.poll(() => chat.answers().first().textContent(), { timeout: 15_000 }).toContain('FIRST-END');
    expect(await files.reusedLabel().count()).toBe(0);
    const asked = suite.session.model.requests.length;

    await files.drop(chat.page.locator('main'), [file]);
    await expect.poll(() => files.reusedLabel().count()).toBe(1);
    await expect.poll(() => chat.answers().last().textContent()).toContain('FIRST-END');
    expect(suite.session.model.requests.length).toBe(asked);

    suite.session.model.setScenario({ kind: 'stream', chunks: explanation('FRESH-END') });
    await files.regenerateButton('again.py').click();
    await expect.poll(() => chat.answers().last().textContent(), { timeout: 15_000 }).toContain('FRESH-END');
    expect(suite.session.model.requests.length).toBe(asked + 1);

    // Opened again later: the reused answer is still labelled, with the file's name; the fresh one is not.
    await chat.page.reload();
    await chat.conversation('Explain again.py').nth(0).click();
    await expect.poll(() => files.reusedLabel().getAttribute('aria-label')).toBe('Reused: the saved explanation of again.py');
    expect(await files.reusedLabel().count()).toBe(1);
  });

  it('attaches a file dropped on the composer to the conversation on screen', async () => {
    const { chat } = suite;
    await chat.ask('Hello there');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Hello there');
    const before = await chat.conversations.getByRole('button').count();

    const held = await files.dragOver(chat.composer, [source]);
    await expect.poll(() => files.overlay().textContent()).toBe('Drop to attach greet.py to this conversation');
    await chat.composer.dispatchEvent('drop', { dataTransfer: held });

    await expect.poll(() => chat.questions().count()).toBe(2);
    await expect.poll(() => files.attachments(chat.questions().last()).count()).toBe(1);
    await expect.poll(() => chat.answers().count()).toBe(2);
    expect(await chat.conversations.getByRole('button').count()).toBe(before);
    expect(await chat.page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello there');
  });

  it('takes files from a picker too, for those who do not drag: attached to the conversation on screen', async () => {
    const { chat } = suite;
    await chat.ask('Picker please');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Picker please');
    const [chooser] = await Promise.all([chat.page.waitForEvent('filechooser'), chat.page.getByRole('button', { name: 'Attach files to this conversation' }).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'picked.sh', mimeType: 'text/x-sh', buffer: Buffer.from('#!/bin/sh\necho picked\n') });
    await expect.poll(() => files.attachments(chat.questions().last()).first().getAttribute('aria-label')).toMatch(/^picked\.sh, /);
    await expect.poll(() => chat.answers().count()).toBe(2);
    expect(await chat.page.getByRole('heading', { level: 1 }).textContent()).toBe('Picker please');
  });

  it('explains several files at once, each in its own conversation', async () => {
    const { chat } = suite;
    const overlayFor = await files.dragOver(chat.page.locator('main'), [source, { name: 'b.md', content: '# B\n\nA note.\n' }]);
    await expect.poll(() => files.overlay().textContent()).toContain('Drop to explain 2 files');
    await chat.page.locator('main').dispatchEvent('drop', { dataTransfer: overlayFor });
    await expect.poll(() => chat.conversation('Explain b.md').count()).toBe(1);
    await expect.poll(() => chat.conversation('Explain greet.py').count()).toBeGreaterThan(0);
  });

  it('explains a refused file in an alert: an empty file, a zip archive; nothing is sent', async () => {
    const { chat } = suite;
    const asked = suite.session.model.requests.length;
    await files.drop(chat.page.locator('main'), [{ name: 'empty.txt', content: '' }]);
    await expect.poll(() => files.refusal().getAttribute('role')).toBe('alert');
    await expect.poll(() => files.refusal().textContent()).toContain('empty.txt is empty');

    const zip = [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]; // an empty zip: its end-of-directory record only
    await files.drop(chat.page.locator('main'), [{ name: 'bundle.zip', content: zip, type: 'application/zip' }]);
    await expect.poll(() => files.refusal().count()).toBe(2);
    expect(await files.refusal().nth(1).textContent()).toContain('bundle.zip');
    expect(suite.session.model.requests.length).toBe(asked);
    expect(await chat.conversation(/^Explain (empty\.txt|bundle\.zip)/).count()).toBe(0);

    await chat.page.getByRole('button', { name: 'Dismiss the message about empty.txt' }).click();
    await expect.poll(() => files.refusal().count()).toBe(1);

    // Over the size limit: refused before its bytes are even read into the page.
    await suite.session.invoke('settings:setFiles', { maxFileBytes: 2_000, confirmAboveUsd: 1000, concurrency: 3 });
    await files.drop(chat.page.locator('main'), [{ name: 'big.txt', content: 'x'.repeat(5_000) }]);
    await expect.poll(() => files.refusal().last().textContent()).toContain('big.txt is 5.0 KB, over the 2.0 KB limit for files');
    expect(suite.session.model.requests.length).toBe(asked);
  });
});

describe('dropping a folder', () => {
  it('offers the files in it, and explains the one chosen', async () => {
    const { chat } = suite;
    // A page cannot build a folder drop, so the browser's folder entry is stood in for: an item named
    // "project" lists two files, as Chromium's FileSystemDirectoryEntry would. The rest runs as is.
    await chat.page.evaluate(() => {
      const real = DataTransferItem.prototype.webkitGetAsEntry;
      DataTransferItem.prototype.webkitGetAsEntry = function (this: DataTransferItem) {
        const file = this.getAsFile();
        if (file?.name !== 'project') return real.call(this);
        const files = [new File(['export const answer = 42;\n'], 'answer.ts'), new File(['# Project\n\nAbout it.\n'], 'README.md')];
        let listed = false;
        return {
          isDirectory: true,
          isFile: false,
          name: 'project',
          createReader: () => ({
            readEntries(ok: (entries: unknown[]) => void) {
              ok(listed ? [] : files.map((f) => ({ isFile: true, isDirectory: false, name: f.name, file: (give: (f: File) => void) => give(f) })));
              listed = true;
            },
          }),
        } as unknown as FileSystemEntry;
      };
    });
    await files.drop(chat.page.locator('main'), [{ name: 'project', content: '' }]);
    const offer = chat.page.getByRole('region', { name: 'Files in project' });
    await expect.poll(() => offer.getByRole('button', { name: /^Explain / }).allTextContents()).toEqual([expect.stringContaining('answer.ts'), expect.stringContaining('README.md')]);
    suite.session.model.setScenario({ kind: 'stream', chunks: explanation('FOLDER-END') });
    await offer.getByRole('button', { name: 'Explain answer.ts' }).click();
    await expect.poll(() => chat.conversation('Explain answer.ts').count()).toBe(1);
    await expect.poll(() => chat.answers().first().textContent(), { timeout: 15_000 }).toContain('FOLDER-END');
    expect(await offer.count()).toBe(0);
  });
});

describe('a file larger than the model’s context', () => {
  it('asks first, with its parts, tokens and cost; Cancel sends nothing', async () => {
    await setConfirmAbove(0);
    const { chat } = suite;
    const asked = suite.session.model.requests.length + suite.session.model.completions.length;
    await files.drop(chat.page.locator('main'), [largeLog()]);
    const dialog = files.confirmation('server.log');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toMatch(/Parts\s*\d+, then combined/);
    expect(text).toMatch(/Estimated tokens\s*up to [\d,]+ \([\d,]+ in, [\d,]+ out\)/);
    expect(text).toMatch(/Estimated cost\s*up to \$[\d.]+/);
    await expect.poll(() => dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The focus is back in the question box, where it was before the dialog.
    await expect.poll(() => chat.composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(suite.session.model.requests.length + suite.session.model.completions.length).toBe(asked);
    expect(await chat.conversation('Explain server.log').count()).toBe(0);
  });

  it('shows the parts done on a progressbar named after the file, then streams the combined explanation', async () => {
    await setConfirmAbove(0);
    const { chat } = suite;
    suite.session.model.setCompletionHandler((_req, nth) => ({ delayMs: 400, text: `Notes on part ${nth}: requests handled.` }));
    suite.session.model.setScenario({ kind: 'stream', chunks: wordsOf('The log shows **steady traffic** across seven workers. COMBINED-END'), firstDelayMs: 100, delayMs: 30 });
    await files.drop(chat.page.locator('main'), [largeLog('big.log')]);
    await files.confirmation('big.log').getByRole('button', { name: 'Explain' }).click();

    const bar = files.progress('big.log');
    await bar.waitFor();
    // The bar can show before the first progress event says how many parts there are.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuemax')), { timeout: 15_000 }).toBeGreaterThan(1);
    const total = Number(await bar.getAttribute('aria-valuemax'));
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => chat.page.locator('.file-progress').textContent()).toMatch(new RegExp(`\\d+ of ${total} parts`));
    expect(await files.stopButton('big.log').isVisible()).toBe(true);

    await expect.poll(() => chat.answers().first().textContent(), { timeout: 30_000 }).toContain('COMBINED-END');
    await expect.poll(() => bar.count()).toBe(0);
    expect(suite.session.model.completions.filter((c) => JSON.stringify(c.body.messages).includes('handled request')).length).toBe(total);
  });

  it('Stop ends the explanation and keeps what was done', async () => {
    await setConfirmAbove(0);
    const { chat } = suite;
    suite.session.model.setCompletionHandler(() => ({ delayMs: 1500, text: 'Slow notes.' }));
    await files.drop(chat.page.locator('main'), [largeLog('slow.log')]);
    await files.confirmation('slow.log').getByRole('button', { name: 'Explain' }).click();
    await files.progress('slow.log').waitFor();
    await files.stopButton('slow.log').click();
    await expect.poll(() => files.progress('slow.log').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => chat.page.getByRole('article', { name: 'Assistant (stopped)' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await chat.conversation('Explain slow.log').count()).toBe(1);
  });
});

describe('dropping a file on the quick window', () => {
  it('explains it there, and a second drop of it is reused there', async () => {
    const page = await suite.session.newPage();
    try {
      const quick = new QuickWindow(page);
      await quick.open(suite.session.host.quickUrl);
      const quickFiles = new DroppedFiles(page);
      suite.session.model.setScenario({ kind: 'stream', chunks: explanation('QUICK-FILE-END'), delayMs: 20 });
      const held = await quickFiles.dragOver(page.locator('.quick'), [{ name: 'quick.py', content: 'import sys\n\nprint(sys.argv[1:])\n' }]);
      await expect.poll(() => quickFiles.overlay().textContent()).toBe('Drop to explain quick.py here');
      await page.locator('.quick').dispatchEvent('drop', { dataTransfer: held });
      await expect.poll(() => quick.answers().first().textContent(), { timeout: 15_000 }).toContain('QUICK-FILE-END');
      await expect.poll(() => quickFiles.attachments(quick.questions().first()).first().getAttribute('aria-label')).toMatch(/^quick\.py, Code, /);

      await quickFiles.drop(page.locator('.quick'), [{ name: 'quick.py', content: 'import sys\n\nprint(sys.argv[1:])\n' }]);
      await expect.poll(() => quickFiles.reusedLabel().count()).toBe(1);
      expect(await quick.answers().last().textContent()).toContain('QUICK-FILE-END');
    } finally {
      await page.context().close();
    }
  });

  it('asks about a large file in the window itself, and shows its progress there', async () => {
    await setConfirmAbove(0);
    const page = await suite.session.newPage();
    try {
      const quick = new QuickWindow(page);
      await quick.open(suite.session.host.quickUrl);
      const quickFiles = new DroppedFiles(page);
      suite.session.model.setCompletionHandler(() => ({ delayMs: 300, text: 'Notes.' }));
      suite.session.model.setScenario({ kind: 'stream', chunks: wordsOf('All quiet. QUICK-LARGE-END') });
      await quickFiles.drop(page.locator('.quick'), [largeLog('quick-big.log')]);
      const confirm = quickFiles.confirmation('quick-big.log');
      await confirm.waitFor();
      // In the window's flow, not over it: the quick window is only as tall as what it shows.
      expect(await confirm.evaluate((el) => getComputedStyle(el).position)).not.toBe('fixed');
      await confirm.getByRole('button', { name: 'Explain' }).click();
      await quickFiles.progress('quick-big.log').waitFor();
      await expect.poll(() => quick.answers().first().textContent(), { timeout: 20_000 }).toContain('QUICK-LARGE-END');
    } finally {
      await page.context().close();
    }
  });
});
