import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ChatWindow } from '../pages/chat-window';
import { startE2ESession, type E2ESession } from './e2e-session';

export interface ChatWindowSuite {
  session: E2ESession;
  chat: ChatWindow;
}

export interface ChatWindowSuiteOptions {
  /** Save the key before every test rather than once, for files where a test deletes it. */
  keyEachTest?: boolean;
  /** Tests (by name) that start as on first run, with no key saved; the others get it saved before them. */
  firstRun?: (testName: string) => boolean;
  /** false leaves each page blank, for tests that set the model's scenario before the window loads. */
  open?: boolean;
}

/**
 * The usual frame of an end-to-end file: one host and browser for the file,
 * a key saved, and before each test a fresh page on the chat window with the
 * model echoing. Each page is closed after its test: every open page holds
 * one events connection, and Chromium allows six per host.
 */
export function chatWindowSuite(apiKey: string, options: ChatWindowSuiteOptions = {}): ChatWindowSuite {
  const { firstRun, open = true } = options;
  const keyEachTest = options.keyEachTest || firstRun !== undefined;
  const suite = {} as ChatWindowSuite;
  beforeAll(async () => {
    suite.session = await startE2ESession();
    if (!keyEachTest) await suite.session.saveKey(apiKey);
  });
  afterAll(() => suite.session?.close());
  beforeEach(async (ctx) => {
    if (firstRun?.(ctx.task.name)) await suite.session.invoke('secrets:deleteKey', { providerId: 'openai' });
    else if (keyEachTest) await suite.session.saveKey(apiKey);
    suite.session.model.setScenario({ kind: 'echo' });
    suite.chat = new ChatWindow(await suite.session.newPage());
    if (open) await suite.chat.open(suite.session.host.url);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await suite.chat.page.screenshot({ path: `/tmp/parley-e2e-${ctx.task.name.replace(/\W+/g, '-')}.png` }).catch(() => {});
      console.log(suite.session.host.output());
    }
    await suite.chat.page.context().close();
  });
  return suite;
}
