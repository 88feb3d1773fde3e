import type Database from 'better-sqlite3';
import type { ConversationBundle } from './backup-format';
import { createSearchTerms } from '../../db/search-terms';

/** Writes whole conversations as they were, every field kept, in one transaction per import. */
export function createImportRepository(db: Database.Database) {
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, title, model, provider_id, system_prompt, pinned, origin, created_at, updated_at, archived_at)
     VALUES (@id, @title, @model, @providerId, @systemPrompt, @pinned, @origin, @createdAt, @updatedAt, @archivedAt)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_code, error_message, retry_after_ms,
       model, finish_reason, prompt_tokens, completion_tokens, usage_estimated, cost_usd, ttft_ms, total_ms, created_at, updated_at, reused)
     VALUES (@id, @conversationId, @parentId, @role, @content, @status, @errorCode, @errorMessage, @retryAfterMs,
       @model, @finishReason, @promptTokens, @completionTokens, @usageEstimated, @costUsd, @ttftMs, @totalMs, @createdAt, @updatedAt, @reused)`,
  );
  const searchTerms = createSearchTerms(db);
  return {
    insertAll: db.transaction((bundles: ConversationBundle[]) => {
      for (const { conversation: c, messages } of bundles) {
        insertConversation.run({ ...c, pinned: c.pinned ? 1 : 0 });
        for (const m of messages) {
          insertMessage.run({
            ...m,
            // A backup taken mid-answer must not bring back a message that claims to be streaming.
            status: m.status === 'streaming' ? 'interrupted' : m.status,
            errorCode: m.error?.code ?? null,
            errorMessage: m.error?.message ?? null,
            retryAfterMs: m.error?.retryAfterMs ?? null,
            promptTokens: m.usage?.promptTokens ?? null,
            completionTokens: m.usage?.completionTokens ?? null,
            usageEstimated: m.usage?.estimated === true ? 1 : 0,
            reused: m.reused ? 1 : 0,
          });
        }
      }
      // The imported words are read now, while the import is awaited, rather than at the first keystroke in search.
      searchTerms.catchUp();
    }),
  };
}
