import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai-server';
import { closedPortUrl } from '../fixtures/test-backend';
import { ChatWindow } from './pages/chat-window';
import { ProvidersSettings } from './pages/providers-settings';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;
let ollama: FakeOpenAI;
let groq: FakeOpenAI;
let chat: ChatWindow;

beforeAll(async () => {
  [ollama, groq] = await Promise.all([startFakeOpenAI({ kind: 'echo' }), startFakeOpenAI({ kind: 'echo' })]);
  ollama.setModelList(['llama3.2:latest']);
  // The fake server stands in for an Ollama on its default port; the long wait allows for a loaded test machine.
  session = await startE2ESession({ env: { PARLEY_LOCAL_PROBE_URLS: `ollama=${ollama.baseUrl}`, PARLEY_LOCAL_PROBE_TIMEOUT_MS: '3000' } });
});
afterAll(async () => {
  // The last test removes Groq and its key; should it not get there, nothing is left in the keychain either.
  await session?.invoke('providers:remove', { id: 'groq' }).catch(() => {});
  await session?.close();
  await Promise.all([ollama?.close(), groq?.close()]);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await chat.page.screenshot({ path: `/tmp/parley-e2e-${ctx.task.name.replace(/\W+/g, '-')}.png` }).catch(() => {});
    console.log(session.host.output());
  }
  await chat.page.context().close();
});

describe('several providers in Settings', () => {
  it('offers a local Ollama on first run, and chats with it without a key', async () => {
    chat = new ChatWindow(await session.newPage());
    await chat.open(session.host.url);
    await expect.poll(() => chat.settings.root.isVisible()).toBe(true);
    const providers = new ProvidersSettings(chat.settings);
    await providers.localOffer('Ollama').click();
    await providers.provider('Ollama').waitFor();
    await expect.poll(() => chat.settings.root.getByText('Default provider: Ollama').isVisible()).toBe(true);
    expect(await providers.modelPicker('Ollama').inputValue()).toBe('llama3.2:latest');
    await expect.poll(() => providers.localOffer('Ollama').count()).toBe(0);
    await chat.settings.root.getByRole('button', { name: 'Cancel' }).click();

    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Hello local model');
    await expect.poll(() => chat.answers().last().textContent()).toContain('You said: Hello local model');
    expect(ollama.requests.at(-1)).toMatchObject({ authorization: undefined, body: { model: 'llama3.2:latest' } });
  });

  it('adds a second provider with its own key, fixes its address, fetches its models, tests the connection and chats with it', async () => {
    groq.setModelList(['mixtral-8x7b', 'llama-3.1-8b-instant']);
    chat = new ChatWindow(await session.newPage());
    await chat.open(session.host.url);
    const providers = new ProvidersSettings(await chat.openSettings());

    // A mistyped address first: the test says so in words, and the address is fixed in place, key kept.
    const wrongUrl = await closedPortUrl();
    await providers.add({ kind: 'OpenAI-compatible server (Ollama, LM Studio, OpenRouter, Groq…)', name: 'Groq', url: wrongUrl, key: 'sk-groq-e2e-key-4321' });
    await expect.poll(() => providers.provider('Groq').textContent()).toContain('A key ending in 4321 is');
    await providers.testConnection('Groq');
    await expect.poll(() => providers.problem('Groq').textContent()).toBe(`Could not reach Groq at ${wrongUrl}. Check that it is running and that the base URL is right.`);
    await providers.changeAddress('Groq', groq.baseUrl);
    await expect.poll(() => providers.provider('Groq').textContent()).toContain(groq.baseUrl);
    expect(await providers.problem('Groq').count()).toBe(0);

    await providers.fetchModels('Groq');
    await expect.poll(() => providers.modelPicker('Groq').locator('option').allTextContents()).toEqual(['Choose a model…', 'llama-3.1-8b-instant', 'mixtral-8x7b']);
    await providers.modelPicker('Groq').selectOption('mixtral-8x7b');
    await expect.poll(() => providers.modelPicker('Groq').inputValue()).toBe('mixtral-8x7b');

    await providers.testConnection('Groq');
    await expect.poll(() => providers.connectionStatus('Groq').textContent()).toMatch(/^Connected in \d+ ms; 2 models listed\.$/);
    groq.setModelList({ status: 401 });
    await providers.testConnection('Groq');
    await expect.poll(() => providers.problem('Groq').textContent()).toBe('Groq refused the API key. Check the key saved for it.');
    groq.setModelList(['mixtral-8x7b']);

    await providers.makeDefault('Groq');
    await expect.poll(() => chat.settings.root.getByText('Default provider: Groq').isVisible()).toBe(true);
    await chat.settings.root.getByRole('button', { name: 'Cancel' }).click();

    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Hello Groq');
    await expect.poll(() => chat.answers().last().textContent()).toContain('You said: Hello Groq');
    const request = groq.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer sk-groq-e2e-key-4321');
    expect(request.body.model).toBe('mixtral-8x7b');
    // The key went to the keychain through main; the page never had it back.
    expect(await chat.page.content()).not.toContain('sk-groq-e2e-key-4321');
  });

  it('moves a conversation to another provider from the chat header, keeping its history', async () => {
    chat = new ChatWindow(await session.newPage());
    await chat.open(session.host.url);
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    await chat.ask('Start on Groq');
    await expect.poll(() => chat.answers().last().textContent()).toContain('You said: Start on Groq');
    const picker = chat.page.getByRole('combobox', { name: 'Provider of this chat' });
    expect(await picker.locator('option:checked').textContent()).toBe('Groq');

    await picker.selectOption({ label: 'Ollama' });
    await chat.ask('Continue locally');
    await expect.poll(() => chat.answers().last().textContent()).toContain('You said: Continue locally');
    expect(ollama.requests.at(-1)!.body.messages?.map((m) => m.content)).toEqual(['Start on Groq', 'You said: Start on Groq', 'Continue locally']);

    await chat.page.reload();
    await chat.conversation('Start on Groq').click();
    await expect.poll(() => picker.locator('option:checked').textContent()).toBe('Ollama');
  });

  it('removes a provider only after asking, and its key with it', async () => {
    chat = new ChatWindow(await session.newPage());
    await chat.open(session.host.url);
    const providers = new ProvidersSettings(await chat.openSettings());
    await providers.provider('Groq').getByRole('button', { name: 'Remove Groq' }).click();
    const keep = providers.provider('Groq').getByRole('button', { name: 'Keep it' });
    await expect.poll(() => keep.evaluate((el) => el === document.activeElement)).toBe(true);
    await providers.provider('Groq').getByRole('button', { name: 'Yes, remove Groq' }).click();
    await expect.poll(() => providers.provider('Groq').count()).toBe(0);
    // Groq was the default: OpenAI, which cannot be removed, takes over.
    await expect.poll(() => chat.settings.root.getByText('Default provider: OpenAI').isVisible()).toBe(true);
    expect(await session.invoke('secrets:status', { providerId: 'groq' })).toMatchObject({ hasKey: false });
  });
});
