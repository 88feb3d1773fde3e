import type { MessageRepository } from '../db/message-repository';
import type { ChatService } from '../services/chat/chat-service';
import type { createConversationService } from '../services/conversation-service';
import type { KeyService } from '../services/secrets/key-service';
import type { ProviderSettingsService } from '../services/settings/provider-settings';
import type { Handlers } from './router';

export interface HandlerDeps {
  conversations: ReturnType<typeof createConversationService>;
  messages: MessageRepository;
  chat: ChatService;
  keys: KeyService;
  provider: ProviderSettingsService;
}

/** One line per channel: the router has already validated every input. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'conversations:list': () => d.conversations.list(),
    'conversations:create': (i) => d.conversations.create(i.title),
    'conversations:rename': (i) => d.conversations.rename(i.id, i.title),
    'conversations:delete': (i) => ({ deleted: d.conversations.delete(i.id) }),
    'messages:list': (i) => d.messages.listByConversation(d.conversations.get(i.conversationId).id),
    'chat:send': (i) => d.chat.send(i),
    'chat:stop': (i) => ({ stopped: d.chat.stop(i.messageId) }),
    'settings:getProvider': () => d.provider.get(),
    'settings:setProvider': (i) => d.provider.set(i),
    'secrets:status': (i) => d.keys.status(i.providerId),
    'secrets:setKey': (i) => d.keys.setKey(i.providerId, i.key, i.sessionOnly),
    'secrets:deleteKey': (i) => d.keys.deleteKey(i.providerId),
  };
}
