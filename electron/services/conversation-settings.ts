import type Database from 'better-sqlite3';
import { createConversationOptionsRepository } from '../db/conversation-options-repository';
import type { ConversationRepository } from '../db/conversation-repository';
import type { MessageRepository } from '../db/message-repository';
import { createSettingsRepository } from '../db/settings-repository';
import type { EmitEvent } from './chat/chat-service';
import { createRequestContext } from './chat/request-context';
import { createTokenCounter } from './chat/token-counter';
import { createAttachmentRepository } from '../db/attachment-repository';
import { createFileContext } from './file-explanations/file-context';
import { createConversationOptionsService } from './conversation-options-service';
import { createChatDefaults } from './settings/chat-defaults';
import type { ProviderSettingsService } from './settings/provider-settings';

/**
 * Per-conversation choices, their defaults, and the request context that
 * applies them: built together because the context reads both.
 */
export function createConversationSettings(deps: {
  db: Database.Database;
  conversations: ConversationRepository;
  messages: MessageRepository;
  provider: ProviderSettingsService;
  emit: EmitEvent;
}) {
  const options = createConversationOptionsRepository(deps.db);
  const defaults = createChatDefaults(createSettingsRepository(deps.db));
  const context = createRequestContext({
    options,
    defaults,
    provider: deps.provider,
    messages: deps.messages,
    counter: createTokenCounter(),
    fileContext: createFileContext(createAttachmentRepository(deps.db)),
  });
  return {
    context,
    defaults,
    options: createConversationOptionsService({ conversations: deps.conversations, options, emit: deps.emit }),
  };
}

export type ConversationSettings = ReturnType<typeof createConversationSettings>;
