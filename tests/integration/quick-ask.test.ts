import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_ASK_HOTKEY, QUICK_CLIPBOARD_MAX_CHARS } from '../../shared/quick-ask';
import { fakeDesktopShell, type FakeDesktopShell } from '../fixtures/fake-desktop-shell';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend, type MakeBackendOptions } from '../fixtures/test-backend';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

const model = useFakeOpenAI({ kind: 'echo' });
afterEach(closeAllBackends);

/** A backend started as the shell starts it: windows made, then the saved quick-ask settings applied. */
function startApp(desktop: FakeDesktopShell = fakeDesktopShell(), options: MakeBackendOptions = {}) {
  const tb = makeBackend({ baseUrl: model.baseUrl, desktop, platform: 'linux', ...options });
  tb.backend.quickAsk.applyAtStart();
  desktop.calls.length = 0;
  return { tb, desktop };
}

describe('quick-ask settings', () => {
  it('starts with the default hotkey, nothing at login, and closing the window quits except on a Mac', async () => {
    const { tb } = startApp();
    expect(await tb.value('settings:getQuickAsk', {})).toEqual({
      hotkey: DEFAULT_QUICK_ASK_HOTKEY,
      closeToTray: false,
      openAtLogin: false,
      useClipboardByDefault: false,
      hotkeyProblem: null,
    });
    const mac = startApp(fakeDesktopShell(), { platform: 'darwin' });
    expect((await mac.tb.value('settings:getQuickAsk', {})).closeToTray).toBe(true);
  });

  it('registers a new hotkey before saving it, and keeps it after a restart', async () => {
    const dataDir = makeTempDir();
    try {
      const { tb, desktop } = startApp(fakeDesktopShell(), { dataDir });
      const savedWhileRegistering: string[] = [];
      const register = desktop.registerHotkey.bind(desktop);
      desktop.registerHotkey = (accelerator) => {
        savedWhileRegistering.push(tb.backend.quickAsk.settings().hotkey);
        return register(accelerator);
      };

      const state = await tb.value('settings:setQuickAsk', { hotkey: 'ctrl+alt+k' });
      expect(state).toMatchObject({ hotkey: 'Control+Alt+K', hotkeyProblem: null });
      expect(desktop.calls).toEqual(['registerHotkey(Control+Alt+K)']);
      expect(savedWhileRegistering).toEqual([DEFAULT_QUICK_ASK_HOTKEY]);
      await tb.close();

      const reopened = startApp(fakeDesktopShell(), { dataDir });
      expect(reopened.tb.backend.quickAsk.settings().hotkey).toBe('Control+Alt+K');
    } finally {
      await closeAllBackends();
      removeTempDir(dataDir);
    }
  });

  it('says plainly that another app holds a hotkey, and keeps the old one saved and registered', async () => {
    const { tb, desktop } = startApp();
    desktop.taken.add('Control+Shift+J');

    const answer = await tb.call('settings:setQuickAsk', { hotkey: 'Ctrl+Shift+J', openAtLogin: true });
    expect(answer).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Another app is using Ctrl+Shift+J; Parley kept Ctrl+Shift+Space.' } });
    expect(desktop.registered).toBe(DEFAULT_QUICK_ASK_HOTKEY);
    // The whole change is refused: the login item is not touched either.
    expect(desktop.calls).toEqual(['registerHotkey(Control+Shift+J)']);
    expect(await tb.value('settings:getQuickAsk', {})).toMatchObject({ hotkey: DEFAULT_QUICK_ASK_HOTKEY, openAtLogin: false, hotkeyProblem: null });
  });

  it('refuses a hotkey that is not an accelerator without asking the desktop', async () => {
    const { tb, desktop } = startApp();
    for (const hotkey of ['Ctrl+Banana', 'Q', 'Ctrl+Shift']) {
      const answer = await tb.call('settings:setQuickAsk', { hotkey });
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('Parley kept Ctrl+Shift+Space.') } });
    }
    expect(desktop.calls).toEqual([]);
    expect(tb.backend.quickAsk.settings().hotkey).toBe(DEFAULT_QUICK_ASK_HOTKEY);
  });

  it('reports a hotkey another app held at start, keeps running, and clears the report once a free one is chosen', async () => {
    const desktop = fakeDesktopShell();
    desktop.taken.add(DEFAULT_QUICK_ASK_HOTKEY);
    const { tb } = startApp(desktop);

    const problem = tb.backend.quickAsk.settings().hotkeyProblem;
    expect(problem).toBe('Another app is using Ctrl+Shift+Space, so the quick-ask hotkey is off. Choose another one here.');
    expect((await tb.value('settings:getQuickAsk', {})).hotkeyProblem).toBe(problem);
    expect(await tb.call('conversations:list', {})).toMatchObject({ ok: true });

    expect(await tb.value('settings:setQuickAsk', { hotkey: 'Alt+Space' })).toMatchObject({ hotkey: 'Alt+Space', hotkeyProblem: null });
    expect(desktop.registered).toBe('Alt+Space');
  });

  it('applies the saved background settings at start', async () => {
    const dataDir = makeTempDir();
    try {
      const first = startApp(fakeDesktopShell(), { dataDir });
      await first.tb.value('settings:setQuickAsk', { openAtLogin: true, closeToTray: true, hotkey: 'F9' });
      await first.tb.close();

      const desktop = fakeDesktopShell();
      makeBackend({ baseUrl: model.baseUrl, desktop, dataDir, platform: 'linux' }).backend.quickAsk.applyAtStart();
      expect(desktop.calls).toEqual(['registerHotkey(F9)', 'setCloseToTray(true)', 'setOpenAtLogin(true)']);
    } finally {
      await closeAllBackends();
      removeTempDir(dataDir);
    }
  });

  it('hands tray and login changes to the desktop and saves them, without touching the hotkey', async () => {
    const { tb, desktop } = startApp();
    const state = await tb.value('settings:setQuickAsk', { closeToTray: true, openAtLogin: true, useClipboardByDefault: true });
    expect(state).toMatchObject({ closeToTray: true, openAtLogin: true, useClipboardByDefault: true, hotkey: DEFAULT_QUICK_ASK_HOTKEY });
    expect(desktop.calls).toEqual(['setCloseToTray(true)', 'setOpenAtLogin(true)']);
  });
});

describe('the quick window', () => {
  it('reads the clipboard, cut at the limit', async () => {
    const { tb, desktop } = startApp();
    desktop.clipboard = 'short text';
    expect(await tb.value('quick:clipboardText', {})).toEqual({ text: 'short text', truncated: false });
    desktop.clipboard = 'x'.repeat(QUICK_CLIPBOARD_MAX_CHARS + 10);
    const cut = await tb.value('quick:clipboardText', {});
    expect(cut.text).toHaveLength(QUICK_CLIPBOARD_MAX_CHARS);
    expect(cut.truncated).toBe(true);
  });

  it('never cuts the clipboard between the two halves of an emoji', async () => {
    const { tb, desktop } = startApp();
    desktop.clipboard = `${'x'.repeat(QUICK_CLIPBOARD_MAX_CHARS - 1)}😀 and more`;
    const cut = await tb.value('quick:clipboardText', {});
    expect(cut).toEqual({ text: 'x'.repeat(QUICK_CLIPBOARD_MAX_CHARS - 1), truncated: true });
  });

  it('hides, resizes and pins through the desktop', async () => {
    const { tb, desktop } = startApp();
    expect(await tb.value('quick:hide', {})).toEqual({ hidden: true });
    expect(await tb.value('quick:hide', {})).toEqual({ hidden: false });
    expect(await tb.value('quick:resize', { height: 2000 })).toEqual({ height: 560 });
    expect(await tb.value('quick:setPinned', { pinned: true })).toEqual({ pinned: true });
    expect(desktop.calls).toEqual(['hideQuickWindow()', 'hideQuickWindow()', 'resizeQuickWindow(2000)', 'setQuickWindowPinned(true)']);
  });

  it('opens a quick conversation in the main window and hides itself', async () => {
    const { tb, desktop } = startApp();
    const conversation = await tb.value('conversations:create', { origin: 'quick' });
    expect(await tb.value('quick:openInMain', { conversationId: conversation.id })).toEqual({ opened: true });
    expect(desktop.calls).toEqual(['showMainWindow()', 'hideQuickWindow()']);
    expect(tb.events.filter((e) => e.event === 'app:openConversation')).toEqual([{ event: 'app:openConversation', payload: { conversationId: conversation.id } }]);
  });

  it('answers NOT_FOUND for a conversation that does not exist, and leaves the windows alone', async () => {
    const { tb, desktop } = startApp();
    expect(await tb.call('quick:openInMain', { conversationId: 'no-such-conversation' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(desktop.calls).toEqual([]);
    expect(tb.events.some((e) => e.event === 'app:openConversation')).toBe(false);
  });
});

describe('quick conversations', () => {
  it('are marked as quick asks, and appear in the main list and in search', async () => {
    const { tb } = startApp();
    const quick = await tb.value('conversations:create', { origin: 'quick' });
    const chat = await tb.value('conversations:create', {});
    expect(quick.origin).toBe('quick');
    expect(chat.origin).toBe('chat');

    const { assistantMessage } = await tb.send(quick.id, 'What colour is a flamingo?');
    await tb.waitForDone(assistantMessage.id);

    const listed = await tb.value('conversations:list', {});
    expect(listed.find((c) => c.id === quick.id)?.origin).toBe('quick');
    const found = await tb.value('search:messages', { query: 'flamingo' });
    expect(found.messages.map((m) => m.conversationId)).toContain(quick.id);
  });
});
