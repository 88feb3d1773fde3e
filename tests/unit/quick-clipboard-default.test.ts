import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/error-codes';
import type { QuickAskState } from '../../shared/quick-ask';
import { deferred } from '../fixtures/deferred';
import { sampleAnswer } from '../fixtures/sample-answer';

const main = vi.hoisted(() => ({ settings: null as Promise<Result<QuickAskState>> | null }));

// The real unwrap; only the calls to main are stood in for.
vi.mock('../../renderer/api/parley', async () => ({
  ...(await import('../../renderer/api/unwrap')),
  parley: {
    settings: { getQuickAsk: () => main.settings },
    quick: { clipboardText: async () => ({ ok: true, value: { text: 'copied words', truncated: false } }) },
    conversations: { create: async () => ({ ok: true, value: { id: 'c1' } }) },
    chat: { send: async () => ({ ok: true, value: { userMessage: sampleAnswer({ id: 'u1', role: 'user' }), assistantMessage: sampleAnswer() } }) },
  },
}));

const settings = (useClipboardByDefault: boolean): Result<QuickAskState> => ({
  ok: true,
  value: { hotkey: 'CommandOrControl+Shift+Space', closeToTray: false, openAtLogin: false, useClipboardByDefault, hotkeyProblem: null },
});

// The store keeps the default and the person's choice beside it: a fresh module per test starts a fresh window.
async function freshWindow() {
  vi.resetModules();
  return import('../../renderer/quick/quick-store');
}

describe('"Use clipboard text" while the default from settings loads', () => {
  const late = () => {
    const load = deferred<Result<QuickAskState>>();
    main.settings = load.promise;
    return load;
  };
  beforeEach(() => {
    main.settings = null;
  });

  it('keeps the box ticked when a default of off arrives after the person ticked it', async () => {
    const quick = await freshWindow();
    const load = late();
    const loading = quick.loadClipboardDefault();
    await quick.setUseClipboard(true);
    load.resolve(settings(false));
    await loading;
    expect(quick.useQuickStore.getState()).toMatchObject({ useClipboard: true, clipboard: { text: 'copied words' } });
  });

  it('keeps the box cleared when a default of on arrives after the person cleared it', async () => {
    const quick = await freshWindow();
    const load = late();
    const loading = quick.loadClipboardDefault();
    await quick.setUseClipboard(true);
    await quick.setUseClipboard(false);
    load.resolve(settings(true));
    await loading;
    expect(quick.useQuickStore.getState()).toMatchObject({ useClipboard: false, clipboard: null });
  });

  it('starts from the default when the person has not chosen, and a new question goes back to it', async () => {
    const quick = await freshWindow();
    main.settings = Promise.resolve(settings(true));
    await quick.loadClipboardDefault();
    expect(quick.useQuickStore.getState()).toMatchObject({ useClipboard: true, clipboard: { text: 'copied words' } });
    await quick.setUseClipboard(false);
    quick.startOver();
    await vi.waitFor(() => expect(quick.useQuickStore.getState()).toMatchObject({ useClipboard: true, clipboard: { text: 'copied words' } }));
  });

  it('does not tick the box for the follow-up when a default of on arrives after the first question was sent', async () => {
    const quick = await freshWindow();
    const load = late();
    const loading = quick.loadClipboardDefault();
    expect(await quick.askQuick('What is this?')).toBe(true);
    load.resolve(settings(true));
    await loading;
    expect(quick.useQuickStore.getState()).toMatchObject({ useClipboard: false, clipboard: null });
  });
});
