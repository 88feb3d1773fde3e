import { describe, expect, it } from 'vitest';
import { wordsOf } from '../fixtures/fake-openai-server';
import { ChatWindow } from './pages/chat-window';
import { chatWindowSuite } from './support/chat-window-suite';

// Every test but the first-run one starts with a key saved, whatever ran before it.
const suite = chatWindowSuite('sk-e2e-test-key-9876', { open: false, firstRun: (name) => name.includes('first run') });

const longAnswer = wordsOf(
  'Streaming answers arrive word by word. '.repeat(4) + 'The middle of the answer keeps going for a while. '.repeat(30) + 'THE-VERY-END',
);

describe('the chat window in a browser', () => {
  it('opens Settings on first run, takes a key, and streams the answer in as it is written', async () => {
    suite.session.model.setScenario({ kind: 'stream', chunks: longAnswer, firstDelayMs: 50, delayMs: 15 });
    await suite.chat.open(suite.session.host.url);
    await expect.poll(() => suite.chat.settings.root.isVisible()).toBe(true);
    await suite.chat.settings.configure({ apiKey: 'sk-e2e-test-key-9876' });
    await suite.chat.settings.root.waitFor({ state: 'hidden' });

    await suite.chat.ask('Tell me about streaming');
    await expect.poll(() => suite.chat.questions().first().textContent()).toContain('Tell me about streaming');
    // Part of the answer is on screen while the rest is still being written.
    await expect.poll(() => suite.chat.answers().first().textContent(), { timeout: 10_000 }).toContain('Streaming answers arrive');
    expect(await suite.chat.answers().first().textContent()).not.toContain('THE-VERY-END');
    await expect.poll(() => suite.chat.stopButton().isVisible()).toBe(true);
    await expect.poll(() => suite.chat.answers().first().textContent(), { timeout: 15_000 }).toContain('THE-VERY-END');
    await expect.poll(() => suite.chat.sendButton().isVisible()).toBe(true);

    const request = suite.session.model.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer sk-e2e-test-key-9876');
    expect(request.body.messages?.at(-1)).toEqual({ role: 'user', content: 'Tell me about streaming' });
    // The conversation is named after the question.
    await expect.poll(() => suite.chat.conversation('Tell me about streaming').isVisible()).toBe(true);
  });

  it('stops a long answer and keeps what had arrived, also after a reload', async () => {
    suite.session.model.setScenario({ kind: 'stream', chunks: longAnswer, delayMs: 40 });
    await suite.chat.open(suite.session.host.url);
    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    await suite.chat.ask('Write something long');
    await expect.poll(() => suite.chat.answers().first().textContent(), { timeout: 10_000 }).toContain('Streaming answers arrive');
    await suite.chat.stopButton().click();
    await expect.poll(() => suite.chat.page.getByRole('article', { name: 'Assistant (stopped)' }).count()).toBe(1);
    const kept = await suite.chat.answers().first().textContent();
    expect(kept).toContain('Streaming answers arrive');
    expect(kept).not.toContain('THE-VERY-END');

    await suite.chat.page.reload();
    await suite.chat.conversation('Write something long').click();
    await expect.poll(() => suite.chat.page.getByRole('article', { name: 'Assistant (stopped)' }).textContent()).toContain('Streaming answers arrive');
  });

  it('finds the conversation again after Parley is closed and reopened', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.open(suite.session.host.url);
    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    await suite.chat.ask('Remember the colour teal');
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said: Remember the colour teal');

    await suite.session.restartHost();
    const reopened = new ChatWindow(await suite.session.newPage());
    await reopened.open(suite.session.host.url);
    await reopened.conversation('Remember the colour teal').click();
    await expect.poll(() => reopened.messages().count()).toBe(2);
    expect(await reopened.answers().first().textContent()).toContain('You said: Remember the colour teal');
    // The key stayed in the keychain (or this session): Settings does not open again.
    expect(await reopened.settings.root.isVisible()).toBe(false);
    await reopened.page.context().close();
  });

  it('shows an error from the server as an alert in place, keeping the question', async () => {
    suite.session.model.setScenario({ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } });
    await suite.chat.open(suite.session.host.url);
    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    await suite.chat.ask('Will this work?');
    await expect.poll(() => suite.chat.alerts().first().textContent()).toContain('The API key was refused');
    expect(await suite.chat.questions().first().textContent()).toContain('Will this work?');
  });

  it('shows a rate limit with the wait and keeps the partial answer of a cut stream', async () => {
    // Longer than Parley waits between attempts (20 s): told at once rather than retried.
    suite.session.model.setScenario({ kind: 'status', status: 429, headers: { 'retry-after': '90' } });
    await suite.chat.open(suite.session.host.url);
    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    await suite.chat.ask('Busy?');
    await expect.poll(() => suite.chat.alerts().first().textContent()).toContain('Try again in 90 seconds');

    suite.session.model.setScenario({ kind: 'stream', chunks: ['Half ', 'an ', 'answer ', 'then'], fault: { type: 'reset', afterChunks: 3 } });
    await suite.chat.ask('And now?');
    await expect.poll(() => suite.chat.alerts().nth(1).textContent()).toContain('connection to the provider dropped');
    expect(await suite.chat.answers().nth(1).textContent()).toContain('Half an answer');
  });
});
