import type { ConversationOptions, SetConversationOptionsInput } from '../../shared/chat-options';
import type { ConversationRepository } from '../db/conversation-repository';
import type { ConversationOptionsRepository } from '../db/conversation-options-repository';
import { AppError } from './app-error';
import type { EmitEvent } from './chat/chat-service';

const gone = () => new AppError('NOT_FOUND', 'That conversation no longer exists.');

/** Model, system prompt, temperature and maximum answer length of one conversation. */
export function createConversationOptionsService(deps: {
  conversations: ConversationRepository;
  options: ConversationOptionsRepository;
  emit: EmitEvent;
}) {
  return {
    get(id: string): ConversationOptions {
      const options = deps.options.get(id);
      if (!options) throw gone();
      return options;
    },
    set(input: SetConversationOptionsInput): ConversationOptions {
      // An empty prompt means "follow the default", as an empty model does.
      const normalised = { ...input, ...(input.systemPrompt !== undefined && !input.systemPrompt?.trim() ? { systemPrompt: null } : {}) };
      const saved = deps.options.update(normalised);
      if (!saved) throw gone();
      const conversation = deps.conversations.get(input.id);
      // Other windows showing the conversation learn its new model and prompt.
      if (conversation) deps.emit('conversations:changed', { conversation });
      return saved;
    },
  };
}

export type ConversationOptionsService = ReturnType<typeof createConversationOptionsService>;
