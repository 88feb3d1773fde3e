import type Database from 'better-sqlite3';
import type { Conversation } from '../../../shared/domain';
import type { ConversationRepository } from '../../db/conversation-repository';
import { AppError } from '../app-error';
import type { EmitEvent } from '../chat/chat-service';
import type { ProviderRegistry } from '../settings/provider-registry';

/**
 * Moves a conversation to another provider. Its own model choice goes back
 * to "the provider's default" when the provider changes: a model name of one
 * provider rarely exists at another, and a request for it would only fail.
 */
export function createConversationProvider(deps: { db: Database.Database; conversations: ConversationRepository; registry: ProviderRegistry; emit: EmitEvent }) {
  // Choosing a provider is not activity: updated_at stays, so the list does not reorder.
  const setStmt = deps.db.prepare(
    'UPDATE conversations SET model = CASE WHEN provider_id = @providerId THEN model ELSE NULL END, provider_id = @providerId WHERE id = @id',
  );
  return {
    set(id: string, providerId: string): Conversation {
      deps.registry.get(providerId);
      if (setStmt.run({ id, providerId }).changes === 0) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
      const conversation = deps.conversations.get(id)!;
      deps.emit('conversations:changed', { conversation });
      return conversation;
    },
  };
}

export type ConversationProvider = ReturnType<typeof createConversationProvider>;
