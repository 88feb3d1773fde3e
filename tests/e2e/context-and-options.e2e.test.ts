import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatWindow } from './pages/chat-window';
import { ConversationOptionsDialog, requestEstimate } from './pages/conversation-options';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let chat: ChatWindow;

beforeAll(async () => {
  session = await startE2ESession();
});
afterAll(() => session?.close());

beforeEach(async () => {
  await session
    .invoke('secrets:setKey', { providerId: 'openai', key: 'sk-e2e-test-key-9876', sessionOnly: false })
    .catch(() => session.invoke('secrets:setKey', { providerId: 'openai', key: 'sk-e2e-test-key-9876', sessionOnly: true }));
  chat = new ChatWindow(await session.newPage());
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await chat.page.screenshot({ path: `/tmp/parley-e2e-${ctx.task.name.replace(/\W+/g, '-')}.png` }).catch(() => {});
    console.log(session.host.output());
  }
  await chat.page.context().close();
});

/** About 300 tokens, led by a word that says which message it is. */
const longMessage = (topic: string) => `${topic} ${'lorem '.repeat(300)}`;

describe('the composer and chat options', () => {
  it('shows the token count and cost, and which earlier messages a long conversation leaves out', async () => {
    session.model.setScenario({ kind: 'echo' });
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    // gpt-4 has 8,192 tokens; keeping 7,000 for the answer leaves about 1,200 for the prompt.
    await new ConversationOptionsDialog(chat.page).open().then((d) => d.choose({ model: 'gpt-4', systemPrompt: 'Answer briefly.', maxOutputTokens: '7000' }));

    await chat.composer.fill('hello world');
    await expect.poll(() => requestEstimate(chat.page).textContent()).toMatch(/^\d+ tokens≈ \$/);
    const small = Number(/^(\d+)/.exec((await requestEstimate(chat.page).textContent())!)![1]);

    await chat.ask(longMessage('FIRST'));
    await expect.poll(() => chat.answers().nth(0).textContent()).toContain('You said: FIRST');
    await chat.ask(longMessage('SECOND'));
    await expect.poll(() => chat.answers().nth(1).textContent()).toContain('You said: SECOND');

    await chat.composer.fill(longMessage('THIRD'));
    await expect.poll(() => requestEstimate(chat.page).textContent()).toContain('2 earlier messages not sent');
    const large = Number(/^([\d,]+)/.exec((await requestEstimate(chat.page).textContent())!)![1]!.replace(/,/g, ''));
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThanOrEqual(8_192 - 7_000);

    await chat.composer.press('Enter');
    await expect.poll(() => chat.answers().nth(2).textContent()).toContain('You said: THIRD');
    const sent = session.model.requests.at(-1)!.body;
    expect(sent.messages!.map((m) => m.content.split(' ')[0])).toEqual(['Answer', 'SECOND', 'You', 'THIRD']);
    expect(sent).toMatchObject({ model: 'gpt-4', max_tokens: 7_000 });
  });

  it('keeps a conversation’s options and shows them when the dialog is opened again', async () => {
    session.model.setScenario({ kind: 'echo' });
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Remember my choices');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said');
    const dialog = await new ConversationOptionsDialog(chat.page).open();
    await dialog.choose({ temperature: '0.3', model: 'llama3.2:3b' });
    await expect.poll(() => requestEstimate(chat.page).textContent()).toContain('cost unknown');

    await chat.page.reload();
    await chat.conversation('Remember my choices').click();
    await dialog.open();
    expect(await dialog.root.getByLabel('Temperature').inputValue()).toBe('0.3');
    expect(await dialog.root.getByLabel('Model').inputValue()).toBe('llama3.2:3b');
    await dialog.root.getByRole('button', { name: 'Cancel' }).click();

    await chat.ask('Warm or cold?');
    await expect.poll(() => chat.answers().nth(1).textContent()).toContain('You said: Warm or cold?');
    expect(session.model.requests.at(-1)!.body).toMatchObject({ model: 'llama3.2:3b', temperature: 0.3 });
  });

  it('applies the defaults from Settings to a conversation that has not chosen its own', async () => {
    session.model.setScenario({ kind: 'echo' });
    await chat.open(session.host.url);
    const settings = await chat.openSettings();
    await settings.root.getByLabel('Default system prompt').fill('Reply in haiku.');
    await settings.root.getByLabel('Default temperature').fill('1.1');
    await settings.root.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.root.waitFor({ state: 'hidden' });

    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Autumn');
    await expect.poll(() => chat.answers().first().textContent()).toContain('You said: Autumn');
    const sent = session.model.requests.at(-1)!.body;
    expect(sent.messages![0]).toEqual({ role: 'system', content: 'Reply in haiku.' });
    expect(sent.temperature).toBe(1.1);
    await session.invoke('settings:setChatDefaults', { systemPrompt: null, temperature: null, maxOutputTokens: null });
  });
});
