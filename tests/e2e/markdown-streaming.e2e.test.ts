import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { loadLowlight } from '../../renderer/components/markdown/highlight-engine';
import { MarkdownOnce } from '../../renderer/components/markdown/markdown-view';
import { mathRenderer } from '../../renderer/components/markdown/math-renderer';
import { longAnswer, richAnswer } from '../fixtures/markdown-samples';
import { MarkdownAnswer } from './pages/markdown-answer';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-test-key-9876', { open: false });

beforeAll(() => Promise.all([loadLowlight(), mathRenderer.load()]));

// Code in three languages, tables, lists, math and, at the very end, a fence the answer never closes.
const answerText = `${longAnswer(12_000, 4)}\n\n${richAnswer}`;
const chunksOf = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
/** Fences that close and name a language the highlighter knows. */
const closedKnownFences = (answerText.match(/^(`{3,}|~{3,})(ts|python|bash|md)\n[\s\S]*?\n\1$/gm) ?? []).length;

async function streamAnswer(question: string): Promise<MarkdownAnswer> {
  suite.session.model.setScenario({ kind: 'stream', chunks: chunksOf(answerText, 16), delayMs: 2 });
  await suite.chat.open(suite.session.host.url);
  await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
  await suite.chat.ask(question);
  const answer = new MarkdownAnswer(suite.chat.answers().first());
  await expect.poll(() => suite.chat.sendButton().isVisible(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => answer.answer.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
  await expect.poll(() => answer.highlightedCodeBlocks().count(), { timeout: 10_000 }).toBe(closedKnownFences);
  return answer;
}

describe('markdown in a streamed answer', () => {
  it('renders a streamed answer exactly as the whole text rendered at once', async () => {
    const answer = await streamAnswer('Explain with code and a table');
    // KaTeX is a chunk of its own, fetched with the first formula, which streamAnswer does not wait for: once one
    // formula is typeset all are (they re-render together when it arrives), so the snapshot is of the finished answer.
    await expect.poll(() => answer.body.locator('.katex').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const streamed = await answer.html();

    // Rendered again from the stored text, in one go: same component, whole text at once.
    await suite.chat.page.reload();
    await suite.chat.conversation('Explain with code and a table').click();
    const reopened = new MarkdownAnswer(suite.chat.answers().first());
    await expect.poll(() => reopened.highlightedCodeBlocks().count(), { timeout: 10_000 }).toBe(closedKnownFences);
    await expect.poll(() => reopened.html()).toBe(streamed);

    // And the same elements and text as a static render of the whole text made in Node.
    const staticMarkup = renderToStaticMarkup(createElement(MarkdownOnce, { text: answerText }));
    expect(await answer.shape()).toEqual(await answer.shapeOfMarkup(staticMarkup));
    expect(await answer.body.locator('table').count()).toBeGreaterThanOrEqual(5);
    expect(await answer.body.locator('.katex').count()).toBeGreaterThan(4);
    // The fence left open at the end of the answer stays plain.
    expect(await answer.codeBlocks().last().getAttribute('class')).toBe('language-js');
  });

  it('copies a code block with its "Copy code" button', async () => {
    const answer = await streamAnswer('Show me a function');
    await suite.chat.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    expect(await answer.copyButtons().count()).toBe(await answer.codeBlocks().count());
    const tsBlock = answer.body.locator('.code-block', { hasText: 'export function add' });
    await tsBlock.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => tsBlock.getByRole('button', { name: 'Copy code' }).textContent()).toBe('Copied');
    expect(await suite.chat.page.evaluate(() => navigator.clipboard.readText())).toBe(
      'export function add(a: number, b: number): number {\n  return a + b; // a comment\n}',
    );
  });

  it('copies code where the async clipboard is refused, as in Parley\'s Electron windows, and says so when nothing works', async () => {
    await suite.chat.page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    const answer = await streamAnswer('Copy without permission');
    const pyBlock = answer.body.locator('.code-block', { hasText: 'def greet' });
    await pyBlock.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => pyBlock.getByRole('button', { name: 'Copy code' }).textContent()).toBe('Copied');
    await suite.chat.page.context().grantPermissions(['clipboard-read']);
    expect(await suite.chat.page.evaluate(() => navigator.clipboard.readText())).toContain('def greet(name):');

    await suite.chat.page.evaluate(() => {
      document.execCommand = () => false;
    });
    await pyBlock.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => pyBlock.getByRole('button', { name: 'Copy code' }).textContent()).toBe('Copy failed');
    expect(await pyBlock.textContent()).toContain('Could not copy: the clipboard is not available. Select the code and copy it by hand.');
  });

  it('opens links outside the app and never links javascript:', async () => {
    const answer = await streamAnswer('Any links?');
    const docs = answer.links().filter({ hasText: 'the docs' });
    expect(await docs.getAttribute('href')).toBe('https://example.com/docs');
    expect(await docs.getAttribute('target')).toBe('_blank');
    expect(await docs.getAttribute('rel')).toContain('noopener');
    expect(await answer.body.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await answer.body.getByText('bad link').evaluate((el) => el.tagName)).toBe('SPAN');
    // Raw HTML in the answer is shown, not run.
    expect(await answer.body.locator('div[onclick]').count()).toBe(0);
    expect(await answer.body.textContent()).toContain('<div onclick="alert(1)">raw html is text</div>');
  });
});
