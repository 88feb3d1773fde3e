import { beforeEach, describe, expect, it } from 'vitest';
import { continueInstruction } from '../../electron/services/chat/continuation';
import { ChatWindow } from './pages/chat-window';
import { chatWindowSuite } from './support/chat-window-suite';

// A test below deletes the key, so it is saved again before each.
const suite = chatWindowSuite('sk-e2e-test-key-9876', { keyEachTest: true });

beforeEach(() => suite.chat.page.getByRole('button', { name: 'New chat' }).click());

const lastRequest = () => suite.session.model.requests.at(-1)!.body.messages?.map((m) => m.content);

describe('versions of a message', () => {
  it('regenerates an answer, switches between the versions, and carries on from the one shown', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.ask('Name a colour');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('You said: Name a colour');
    expect(await suite.chat.answer(0).version()).toBeNull();

    // A long pause mid-answer, so the checks below run while it streams even on a loaded machine.
    suite.session.model.setScenario({ kind: 'stream', chunks: ['**Teal**, ', 'or `#008080`.'], delayMs: 4000 });
    await suite.chat.answer(0).regenerate();
    // While the new version is written, the old one is a click away.
    await expect.poll(() => suite.chat.answer(0).text()).toContain('Teal,');
    expect(await suite.chat.stopButton().isVisible()).toBe(true);
    await suite.chat.answer(0).previousVersion();
    await expect.poll(() => suite.chat.answer(0).text()).toContain('You said: Name a colour');
    await suite.chat.answer(0).nextVersion();
    await expect.poll(() => suite.chat.answer(0).text(), { timeout: 8_000 }).toContain('Teal, or #008080.');
    expect(await suite.chat.answer(0).version()).toBe('Version 2 of 2');
    expect(await suite.chat.answers().count()).toBe(1);

    await suite.chat.answer(0).previousVersion();
    await expect.poll(() => suite.chat.answer(0).text()).toContain('You said: Name a colour');
    expect(await suite.chat.answer(0).version()).toBe('Version 1 of 2');
    expect(await suite.chat.answer(0).button('Previous version').isDisabled()).toBe(true);
    // The switch replaced the message; the keyboard is still on its switcher, and Enter goes forward again.
    await expect.poll(() => suite.chat.answer(0).isFocused('Next version')).toBe(true);
    await suite.chat.page.keyboard.press('Enter');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('Teal');
    expect(await suite.chat.answer(0).isFocused('Previous version')).toBe(true);

    // Back on the first version, the next question follows it, not the newer regenerated answer.
    await suite.chat.answer(0).previousVersion();
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.ask('Another one?');
    await expect.poll(() => suite.chat.answer(1).text()).toContain('You said: Another one?');
    expect(lastRequest()).toEqual(['Name a colour', 'You said: Name a colour', 'Another one?']);

    // After a reload the window shows where the person last wrote.
    await suite.chat.page.reload();
    await suite.chat.conversation('Name a colour').click();
    await expect.poll(() => suite.chat.answers().count()).toBe(2);
    expect(await suite.chat.answer(0).version()).toBe('Version 1 of 2');
  });

  it('copies an answer as its markdown source', async () => {
    await suite.chat.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.session.host.url).origin });
    suite.session.model.setScenario({ kind: 'stream', chunks: ['Use **bold** ', 'and `code`.'] });
    await suite.chat.ask('Format something');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('Use bold and code.');

    await suite.chat.answer(0).copy();
    await expect.poll(() => suite.chat.answer(0).note().textContent()).toBe('Copied');
    expect(await suite.chat.page.evaluate(() => navigator.clipboard.readText())).toBe('Use **bold** and `code`.');
  });

  it('still copies where the window may not use the async clipboard, as in the desktop app', async () => {
    // Electron's windows refuse every permission request; this page is refused the same way.
    await suite.chat.page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await suite.chat.page.reload();
    await suite.chat.page.context().grantPermissions(['clipboard-read'], { origin: new URL(suite.session.host.url).origin });
    suite.session.model.setScenario({ kind: 'stream', chunks: ['# Title\n\n', 'Body text.'] });
    await suite.chat.ask('Give me a heading');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('Body text.');

    await suite.chat.answer(0).copy();
    await expect.poll(() => suite.chat.answer(0).note().textContent()).toBe('Copied');
    expect(await suite.chat.page.evaluate(() => navigator.clipboard.readText())).toBe('# Title\n\nBody text.');
    expect(await suite.chat.answer(0).isFocused('Copy')).toBe(true);
  });

  it('edits a sent question and resends it, keeping the first version and its answer', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.ask('Plan a day in Oslo');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('You said: Plan a day in Oslo');

    // Escape leaves the question as it was, with the keyboard back on its Edit button.
    await suite.chat.question(0).button('Edit').click();
    await suite.chat.question(0).editor().fill('Never mind');
    await suite.chat.page.keyboard.press('Escape');
    await expect.poll(() => suite.chat.question(0).isFocused('Edit')).toBe(true);
    expect(await suite.chat.question(0).text()).toContain('Plan a day in Oslo');

    await suite.chat.question(0).editAndSend('Plan a day in Bergen');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('You said: Plan a day in Bergen');
    expect(await suite.chat.question(0).text()).toContain('Plan a day in Bergen');
    expect(await suite.chat.question(0).version()).toBe('Version 2 of 2');
    expect(lastRequest()).toEqual(['Plan a day in Bergen']);

    await suite.chat.question(0).previousVersion();
    await expect.poll(() => suite.chat.question(0).text()).toContain('Plan a day in Oslo');
    expect(await suite.chat.answer(0).text()).toContain('You said: Plan a day in Oslo');
    expect(await suite.chat.messages().count()).toBe(2);
  });

  it('keeps the edited text in the editor when the edit is refused', async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    await suite.chat.ask('Short question');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('You said: Short question');
    await suite.session.invoke('secrets:deleteKey', { providerId: 'openai' });

    await suite.chat.question(0).editAndSend('A longer, better question');
    await expect.poll(() => suite.chat.alerts().first().textContent()).toMatch(/key/i);
    expect(await suite.chat.question(0).editor().inputValue()).toBe('A longer, better question');
    expect(await suite.chat.question(0).version()).toBeNull();
  });

  it('continues an answer cut off when Parley was killed, in the same message', async () => {
    suite.session.model.setScenario({ kind: 'stream', chunks: ['Wombats ', 'are ', 'marsupials ', 'that ', 'never'], delayMs: 20, fault: { type: 'stall', afterChunks: 4 } });
    await suite.chat.ask('Tell me about wombats');
    await expect.poll(() => suite.chat.answer(0).text()).toContain('Wombats are marsupials that');
    // Past the 250 ms flush, then a crash: nothing gets to close the answer properly.
    await new Promise((r) => setTimeout(r, 600));
    suite.session.host.child.kill('SIGKILL');
    await suite.session.restartHost();

    const reopened = new ChatWindow(await suite.session.newPage());
    try {
      await reopened.open(suite.session.host.url);
      await reopened.conversation('Tell me about wombats').click();
      const cut = reopened.page.getByRole('article', { name: 'Assistant (interrupted)' });
      await expect.poll(() => cut.textContent()).toContain('Wombats are marsupials that');

      suite.session.model.setScenario({ kind: 'stream', chunks: ['dig ', 'burrows.'] });
      await reopened.answer(0).continue();
      await expect.poll(() => reopened.answer(0).text()).toContain('Wombats are marsupials that dig burrows.');
      await expect.poll(() => cut.count()).toBe(0);
      expect(await reopened.answers().count()).toBe(1);
      expect(await reopened.alerts().count()).toBe(0);
      expect(lastRequest()).toEqual(['Tell me about wombats', 'Wombats are marsupials that ', continueInstruction]);
    } finally {
      await reopened.page.context().close();
    }
  });
});
