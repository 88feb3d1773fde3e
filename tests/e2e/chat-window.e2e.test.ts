import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wordsOf } from '../fixtures/fake-openai-server';
import { ChatWindow } from './pages/chat-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;

beforeAll(async () => {
  session = await startE2ESession();
});
afterAll(() => session?.close());

beforeEach(async (ctx) => {
  // Every test but the first-run one starts with a key saved, whatever ran before it.
  if (ctx.task.name.includes('first run')) await session.invoke('secrets:deleteKey', { providerId: 'openai' });
  else await session.saveKey('sk-e2e-test-key-9876');
  chat = new ChatWindow(await session.newPage());
});
// Each page holds one streamed events response, and Chromium allows six connections per host.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await chat.page.screenshot({ path: `/tmp/parley-e2e-${ctx.task.name.replace(/\W+/g, '-')}.png` }).catch(() => {});
    console.log(session.host.output());
  }
  await chat.page.context().close();
});

const longAnswer = wordsOf(
  'Streaming answers arrive word by word. '.repeat(4) + 'The middle of the answer keeps going for a while. '.repeat(30) + 'THE-VERY-END',
);

describe('the chat window in a browser', () => {
  it('opens Settings on first run, takes a key, and streams the answer in as it is written', async () => {
    session.model.setScenario({ kind: 'stream', chunks: longAnswer, firstDelayMs: 50, delayMs: 15 });
    await chat.open(session.host.url);
    await expect.poll(() => chat.settings.root.isVisible()).toBe(true);
    await chat.settings.configure({ apiKey: 'sk-e2e-test-key-9876' });
    await chat.settings.root.waitFor({ state: 'hidden' });

    await chat.ask('Tell me about streaming');
    await expect.poll(() => chat.questions().first().textContent()).toContain('Tell me about streaming');
    // Part of the answer is on screen while the rest is still being written.
    await expect.poll(() => chat.answers().first().textContent(), { timeout: 10_000 }).toContain('Streaming answers arrive');
    expect(await chat.answers().first().textContent()).not.toContain('THE-VERY-END');
    await expect.poll(() => chat.stopButton().isVisible()).toBe(true);
    await expect.poll(() => chat.answers().first().textContent(), { timeout: 15_000 }).toContain('THE-VERY-END');
    await expect.poll(() => chat.sendButton().isVisible()).toBe(true);

    const request = session.model.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer sk-e2e-test-key-9876');
    expect(request.body.messages?.at(-1)).toEqual({ role: 'user', content: 'Tell me about streaming' });
    // The conversation is named after the question.
    await expect.poll(() => chat.conversation('Tell me about streaming').isVisible()).toBe(true);
  });

  it('stops a long answer and keeps what had arrived, also after a reload', async () => {
    session.model.setScenario({ kind: 'stream', chunks: longAnswer, delayMs: 40 });
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Write something long');
    await expect.poll(() => chat.answers().first().textContent(), { timeout: 10_000 }).toContain('Streaming answers arrive');
    await chat.stopButton().click();
    await expect.poll(() => chat.page.getByRole('article', { name: 'Assistant (stopped)' }).count()).toBe(1);
    const kept = await chat.answers().first().textContent();
    expect(kept).toContain('Streaming answers arrive');
    expect(kept).not.toContain('THE-VERY-END');

    await chat.page.reload();
    await chat.conversation('Write something long').click();
    await expect.poll(() => chat.page.getByRole('article', { name: 'Assistant (stopped)' }).textContent()).toContain('Streaming answers arrive');
  });

  it('finds the conversation again after Parley is closed and reopened', async () => {
    session.model.setScenario({ kind: 'echo' });
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Remember the colour teal');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Remember the colour teal');

    await session.restartHost();
    const reopened = new ChatWindow(await session.newPage());
    await reopened.open(session.host.url);
    await reopened.conversation('Remember the colour teal').click();
    await expect.poll(() => reopened.messages().count()).toBe(2);
    expect(await reopened.answers().first().textContent()).toContain('You said: Remember the colour teal');
    // The key stayed in the keychain (or this session): Settings does not open again.
    expect(await reopened.settings.root.isVisible()).toBe(false);
    await reopened.page.context().close();
  });

  it('shows an error from the server as an alert in place, keeping the question', async () => {
    session.model.setScenario({ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } });
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Will this work?');
    await expect.poll(() => chat.alerts().first().textContent()).toContain('The API key was refused');
    expect(await chat.questions().first().textContent()).toContain('Will this work?');
  });

  it('shows a rate limit with the wait and keeps the partial answer of a cut stream', async () => {
    session.model.setScenario({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Busy?');
    await expect.poll(() => chat.alerts().first().textContent()).toContain('Try again in 7 seconds');

    session.model.setScenario({ kind: 'stream', chunks: ['Half ', 'an ', 'answer ', 'then'], fault: { type: 'reset', afterChunks: 3 } });
    await chat.ask('And now?');
    await expect.poll(() => chat.alerts().nth(1).textContent()).toContain('connection to the provider dropped');
    expect(await chat.answers().nth(1).textContent()).toContain('Half an answer');
  });
});
