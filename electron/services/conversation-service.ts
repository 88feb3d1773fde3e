import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../shared/domain';
import type { ConversationRepository } from '../db/conversation-repository';
import { AppError } from './app-error';
import type { ProviderSettingsService } from './settings/provider-settings';

export function createConversationService(conversations: ConversationRepository, provider: ProviderSettingsService) {
  const mustExist = (c: Conversation | null): Conversation => {
    if (!c) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
    return c;
  };
  return {
    list: () => conversations.list(),
    get: (id: string) => mustExist(conversations.get(id)),
    create(title: string | undefined, origin: Conversation['origin'] = 'chat'): Conversation {
      // The model is left null so the conversation follows the default until someone picks one for it.
      return conversations.create({ id: randomUUID(), title: title || 'New chat', providerId: provider.get().id, model: null, origin, now: Date.now() });
    },
    rename: (id: string, title: string) => mustExist(conversations.rename(id, title, Date.now())),
    delete: (id: string) => conversations.delete(id),
  };
}
