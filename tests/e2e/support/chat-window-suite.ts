import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ChatWindow } from '../pages/chat-window';
import { startE2ESession, type E2ESession } from './e2e-session';

export interface ChatWindowSuite {
  session: E2ESession;
  chat: ChatWindow;
}

/**
 * The usual frame of an end-to-end file: one host and browser for the file,
 * a key saved, and before each test a fresh page on the chat window with the
 * model echoing. Each page is closed after its test: every open page holds
 * one events connection, and Chromium allows six per host.
 */
export function chatWindowSuite(apiKey: string): ChatWindowSuite {
  const suite = {} as ChatWindowSuite;
  beforeAll(async () => {
    suite.session = await startE2ESession();
    await suite.session.saveKey(apiKey);
  });
  afterAll(() => suite.session?.close());
  beforeEach(async () => {
    suite.session.model.setScenario({ kind: 'echo' });
    suite.chat = new ChatWindow(await suite.session.newPage());
    await suite.chat.open(suite.session.host.url);
  });
  afterEach(() => suite.chat.page.context().close());
  return suite;
}
