import { ChatDefaults } from '../../../shared/chat-options';
import type { SettingsRepository } from '../../db/settings-repository';

const key = 'chat.defaults';
const none: ChatDefaults = { systemPrompt: null, temperature: null, maxOutputTokens: null };

/** What a conversation uses for the choices it has not made itself. The default model is the provider's. */
export function createChatDefaults(settings: SettingsRepository) {
  return {
    get(): ChatDefaults {
      // Parsed, not trusted: a value written by an older or newer Parley must not break sending.
      const saved = ChatDefaults.partial().safeParse(settings.get<unknown>(key) ?? {});
      return { ...none, ...(saved.success ? saved.data : {}) };
    },
    set(update: ChatDefaults): ChatDefaults {
      // An empty prompt is no prompt, so the field can be cleared by emptying it.
      settings.set(key, { ...update, systemPrompt: update.systemPrompt?.trim() ? update.systemPrompt : null });
      return this.get();
    },
  };
}

export type ChatDefaultsService = ReturnType<typeof createChatDefaults>;
