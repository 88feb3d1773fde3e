import { describe, expect, it } from 'vitest';
import { ConversationOptionsDialog, requestEstimate } from './pages/conversation-options';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-test-key-9876', { open: false });

/** About 300 tokens, led by a word that says which message it is. */
const longMessage = (topic: string) => `${topic} ${'lorem '.repeat(300)}`;

describe('the composer and chat options', () => {
  it('shows the token count and cost, and which earlier messages a long conversation leaves out', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.open(suite.session.host.url);
    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    // gpt-4 has 8,192 tokens; keeping 7,000 for the answer leaves about 1,200 for the prompt.
    await new ConversationOptionsDialog(suite.chat.page).open().then((d) => d.choose({ model: 'gpt-4', systemPrompt: 'Answer briefly.', maxOutputTokens: '7000' }));

    // The line shows its last estimate until the next one arrives, so the poll below could match the one made for the
    // empty box: wait for that one (under gpt-4), then for the one that counts "hello world".
    const estimate = requestEstimate(suite.chat.page);
    const shownTokens = async () => Number(/^([\d,]+) tokens/.exec((await estimate.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    await expect.poll(() => estimate.getByTitle(/ context of gpt-4;/).count()).toBe(1);
    const empty = await shownTokens();
    await suite.chat.composer.fill('hello world');
    await expect.poll(shownTokens).toBeGreaterThan(empty);
    await expect.poll(() => requestEstimate(suite.chat.page).textContent()).toMatch(/^\d+ tokens≈ \$/);
    const small = Number(/^(\d+)/.exec((await requestEstimate(suite.chat.page).textContent())!)![1]);

    await suite.chat.ask(longMessage('FIRST'));
    await expect.poll(() => suite.chat.answers().nth(0).textContent()).toContain('You said: FIRST');
    await suite.chat.ask(longMessage('SECOND'));
    await expect.poll(() => suite.chat.answers().nth(1).textContent()).toContain('You said: SECOND');

    await suite.chat.composer.fill(longMessage('THIRD'));
    await expect.poll(() => requestEstimate(suite.chat.page).textContent()).toContain('2 earlier messages not sent');
    const large = Number(/^([\d,]+)/.exec((await requestEstimate(suite.chat.page).textContent())!)![1]!.replace(/,/g, ''));
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThanOrEqual(8_192 - 7_000);

    await suite.chat.composer.press('Enter');
    await expect.poll(() => suite.chat.answers().nth(2).textContent()).toContain('You said: THIRD');
    const sent = suite.session.model.requests.at(-1)!.body;
    expect(sent.messages!.map((m) => m.content.split(' ')[0])).toEqual(['Answer', 'SECOND', 'You', 'THIRD']);
    expect(sent).toMatchObject({ model: 'gpt-4', max_tokens: 7_000 });
  });

  it('keeps a conversation’s options and shows them when the dialog is opened again', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.open(suite.session.host.url);
    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    await suite.chat.ask('Remember my choices');
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said');
    const dialog = await new ConversationOptionsDialog(suite.chat.page).open();
    await dialog.choose({ temperature: '0.3', model: 'llama3.2:3b' });
    await expect.poll(() => requestEstimate(suite.chat.page).textContent()).toContain('cost unknown');

    await suite.chat.page.reload();
    await suite.chat.conversation('Remember my choices').click();
    await dialog.open();
    expect(await dialog.root.getByLabel('Temperature').inputValue()).toBe('0.3');
    expect(await dialog.root.getByLabel('Model').inputValue()).toBe('llama3.2:3b');
    await dialog.root.getByRole('button', { name: 'Cancel' }).click();

    await suite.chat.ask('Warm or cold?');
    await expect.poll(() => suite.chat.answers().nth(1).textContent()).toContain('You said: Warm or cold?');
    expect(suite.session.model.requests.at(-1)!.body).toMatchObject({ model: 'llama3.2:3b', temperature: 0.3 });
  });

  it('applies the defaults from Settings to a conversation that has not chosen its own', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.open(suite.session.host.url);
    const settings = await suite.chat.openSettings();
    await settings.root.getByLabel('Default system prompt').fill('Reply in haiku.');
    await settings.root.getByLabel('Default temperature').fill('1.1');
    await settings.root.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.root.waitFor({ state: 'hidden' });

    await suite.chat.page.getByRole('button', { name: 'New chat' }).click();
    await suite.chat.ask('Autumn');
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said: Autumn');
    const sent = suite.session.model.requests.at(-1)!.body;
    expect(sent.messages![0]).toEqual({ role: 'system', content: 'Reply in haiku.' });
    expect(sent.temperature).toBe(1.1);
    await suite.session.invoke('settings:setChatDefaults', { systemPrompt: null, temperature: null, maxOutputTokens: null });
  });
});
