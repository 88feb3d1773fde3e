import { describe, expect, it } from 'vitest';
import { createConversationOptionsRepository } from '../../electron/db/conversation-options-repository';
import { createConversationRepository } from '../../electron/db/conversation-repository';
import { createSettingsRepository } from '../../electron/db/settings-repository';
import { createChatDefaults } from '../../electron/services/settings/chat-defaults';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

function setUp() {
  const db = migratedMemoryDatabase();
  const conversations = createConversationRepository(db);
  conversations.create({ id: 'c1', title: 'Trip', providerId: 'openai', model: null, origin: 'chat', now: 5 });
  return { db, conversations, options: createConversationOptionsRepository(db) };
}

describe('the options of a conversation', () => {
  it('start empty: every choice follows the defaults', () => {
    expect(setUp().options.get('c1')).toEqual({ id: 'c1', model: null, systemPrompt: null, temperature: null, maxOutputTokens: null });
  });

  it('change only the fields given, and null returns a field to the default', () => {
    const { options } = setUp();
    options.update({ id: 'c1', model: 'gpt-4o', temperature: 0.2, maxOutputTokens: 900 });
    expect(options.update({ id: 'c1', systemPrompt: 'Be brief.', temperature: null })).toEqual({
      id: 'c1',
      model: 'gpt-4o',
      systemPrompt: 'Be brief.',
      temperature: null,
      maxOutputTokens: 900,
    });
  });

  it('keep other keys of the params column, and do not reorder the list', () => {
    const { db, options, conversations } = setUp();
    db.prepare(`UPDATE conversations SET params = '{"topP":0.9}' WHERE id = 'c1'`).run();
    options.update({ id: 'c1', temperature: 1 });
    expect(JSON.parse(db.prepare<[], { params: string }>(`SELECT params FROM conversations WHERE id = 'c1'`).get()!.params)).toEqual({ topP: 0.9, temperature: 1 });
    expect(conversations.get('c1')!.updatedAt).toBe(5);
  });

  it('fall back to the defaults when the params column is damaged', () => {
    const { db, options } = setUp();
    db.prepare(`UPDATE conversations SET params = 'not json' WHERE id = 'c1'`).run();
    expect(options.get('c1')).toMatchObject({ temperature: null, maxOutputTokens: null });
    expect(options.update({ id: 'c1', maxOutputTokens: 50 })).toMatchObject({ maxOutputTokens: 50 });
  });

  it('are null for a conversation that does not exist', () => {
    const { options } = setUp();
    expect(options.get('nope')).toBeNull();
    expect(options.update({ id: 'nope', temperature: 1 })).toBeNull();
  });
});

describe('the chat defaults', () => {
  it('treat an empty system prompt as none', () => {
    const defaults = createChatDefaults(createSettingsRepository(migratedMemoryDatabase()));
    expect(defaults.set({ systemPrompt: '  ', temperature: 0.7, maxOutputTokens: null })).toEqual({ systemPrompt: null, temperature: 0.7, maxOutputTokens: null });
  });

  it('ignore a stored value that is no longer valid instead of failing', () => {
    const settings = createSettingsRepository(migratedMemoryDatabase());
    settings.set('chat.defaults', { temperature: 'hot' });
    expect(createChatDefaults(settings).get()).toEqual({ systemPrompt: null, temperature: null, maxOutputTokens: null });
  });
});
