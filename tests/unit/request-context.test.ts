import { beforeAll, describe, expect, it } from 'vitest';
import { createConversationOptionsRepository } from '../../electron/db/conversation-options-repository';
import { createConversationRepository } from '../../electron/db/conversation-repository';
import { createMessageRepository } from '../../electron/db/message-repository';
import { createSettingsRepository } from '../../electron/db/settings-repository';
import { createRequestContext } from '../../electron/services/chat/request-context';
import { createTokenCounter } from '../../electron/services/chat/token-counter';
import { createChatDefaults } from '../../electron/services/settings/chat-defaults';
import { createProviderSettings } from '../../electron/services/settings/provider-settings';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

const counter = createTokenCounter();
beforeAll(() => Promise.all([counter.load('o200k_base'), counter.load('cl100k_base')]));

function setUp() {
  const db = migratedMemoryDatabase();
  const settings = createSettingsRepository(db);
  const conversations = createConversationRepository(db);
  conversations.create({ id: 'c1', title: 'Chat', providerId: 'openai', model: null, origin: 'chat', now: 1 });
  const options = createConversationOptionsRepository(db);
  const defaults = createChatDefaults(settings);
  const context = createRequestContext({ options, defaults, provider: createProviderSettings(settings), messages: createMessageRepository(db), counter });
  return { context, options, defaults };
}

const turns = (n: number, words: number) =>
  Array.from({ length: n }, (_, i) => ({ role: i % 2 ? ('assistant' as const) : ('user' as const), content: `T${i} ${'word '.repeat(words)}` }));

describe('a request fitted for sending', () => {
  it('replaces a system message in the history with the effective prompt, defaults included', () => {
    const { context, defaults } = setUp();
    defaults.set({ systemPrompt: 'Be kind.', temperature: null, maxOutputTokens: null });
    const request = context.fit('c1', [{ role: 'system', content: 'stale' }, { role: 'user', content: 'Hi' }]);
    expect(request.messages).toEqual([
      { role: 'system', content: 'Be kind.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(request.params).toEqual({});
  });

  it('always keeps the newest turn, such as the request to continue a cut answer', () => {
    const { context, options } = setUp();
    options.update({ id: 'c1', model: 'gpt-4', maxOutputTokens: 8_000 });
    const history = [...turns(6, 300), { role: 'user' as const, content: 'Continue your previous answer.' }];
    const request = context.fit('c1', history);
    expect(request.messages).toEqual([{ role: 'user', content: 'Continue your previous answer.' }]);
    expect(request.estimate).toMatchObject({ omittedMessages: 6, fits: true, reservedForAnswer: 8_000 });
  });

  it('counts against the window of the model the caller resolved', () => {
    const { context } = setUp();
    const history = turns(40, 300);
    // The conversation follows the default model (gpt-4o-mini, 128k); its provider picked gpt-4 (8k).
    expect(context.fit('c1', history).estimate.omittedMessages).toBe(0);
    const small = context.fit('c1', history, 'gpt-4');
    expect(small.model).toBe('gpt-4');
    expect(small.estimate.contextWindow).toBe(8_192);
    expect(small.estimate.omittedMessages).toBeGreaterThan(10);
    expect(small.messages.at(-1)!.content).toMatch(/^T39 /);
  });
});
