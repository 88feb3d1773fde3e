import type Database from 'better-sqlite3';
import type { AppErrorShape, ErrorCode } from '../../shared/error-codes';
import type { Message, MessageRole, MessageStatus, Usage } from '../../shared/domain';

interface MessageRow {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  error_code: string | null;
  error_message: string | null;
  retry_after_ms: number | null;
  model: string | null;
  finish_reason: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  ttft_ms: number | null;
  total_ms: number | null;
  /** 1 when Parley counted the tokens itself (migration 0006). */
  usage_estimated: number;
  /** 1 when copied from a saved explanation of the same file (migration 0007). */
  reused: number;
  created_at: number;
  updated_at: number;
}

function toMessage(r: MessageRow): Message {
  let error: AppErrorShape | null = null;
  if (r.error_code) {
    error = { code: r.error_code as ErrorCode, message: r.error_message ?? '' };
    if (r.retry_after_ms != null) error.retryAfterMs = r.retry_after_ms;
  }
  return {
    id: r.id,
    conversationId: r.conversation_id,
    parentId: r.parent_id,
    role: r.role,
    content: r.content,
    status: r.status,
    error,
    model: r.model,
    finishReason: r.finish_reason,
    usage:
      r.prompt_tokens != null && r.completion_tokens != null
        ? { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, ...(r.usage_estimated === 1 ? { estimated: true } : {}) }
        : null,
    costUsd: r.cost_usd,
    ttftMs: r.ttft_ms,
    totalMs: r.total_ms,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.reused === 1 ? { reused: true } : {}),
  };
}

export interface NewMessage {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  model: string | null;
  now: number;
  /** An explanation copied from a saved one (see migration 0007). */
  reused?: boolean;
}

export interface FinishedAnswer {
  status: Exclude<MessageStatus, 'streaming'>;
  content: string;
  error: AppErrorShape | null;
  finishReason: string | null;
  usage: Usage | null;
  costUsd: number | null;
  ttftMs: number | null;
  totalMs: number;
  now: number;
}

// Pages walk messages_by_conversation (conversation_id, created_at, and the rowid every index ends with)
// backwards from a cursor, so the newest page of a long conversation reads only that page's rows.
export const newestPageSql = 'SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?';
export const pageBeforeSql = `SELECT * FROM messages WHERE conversation_id = @conversationId
    AND (created_at, rowid) < (SELECT created_at, rowid FROM messages WHERE id = @before AND conversation_id = @conversationId)
  ORDER BY created_at DESC, rowid DESC LIMIT @limit`;

export function createMessageRepository(db: Database.Database) {
  const getStmt = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?');
  // Single-row questions asked before every answer, so a long conversation is not read whole to ask them.
  const streamingInStmt = db.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM messages WHERE status = 'streaming' AND conversation_id = ? LIMIT 1",
  );
  const newestInStmt = db.prepare<[string], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  const childStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM messages WHERE parent_id = ? LIMIT 1');
  const byConversationStmt = db.prepare<[string], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid',
  );
  const newestPageStmt = db.prepare<[string, number], MessageRow>(newestPageSql);
  const pageBeforeStmt = db.prepare<{ conversationId: string; before: string; limit: number }, MessageRow>(pageBeforeSql);
  const insertStmt = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, created_at, updated_at, reused)
     VALUES (@id, @conversationId, @parentId, @role, @content, @status, @model, @now, @now, @reused)`,
  );
  // Guarded by status so a late flush can never overwrite a finished answer.
  const flushStmt = db.prepare(
    "UPDATE messages SET content = ?, updated_at = ? WHERE id = ? AND status = 'streaming'",
  );
  const finishStmt = db.prepare(
    `UPDATE messages SET status = @status, content = @content, error_code = @errorCode,
       error_message = @errorMessage, retry_after_ms = @retryAfterMs, finish_reason = @finishReason,
       prompt_tokens = @promptTokens, completion_tokens = @completionTokens, usage_estimated = @usageEstimated, cost_usd = @costUsd,
       ttft_ms = @ttftMs, total_ms = @totalMs, updated_at = @now
     WHERE id = @id AND status = 'streaming'`,
  );
  // Guarded like a flush: only the answer being written changes hands (to a fallback model).
  const setModelStmt = db.prepare("UPDATE messages SET model = ? WHERE id = ? AND status = 'streaming'");
  const interruptStmt = db.prepare(
    `UPDATE messages SET status = 'interrupted', error_code = 'INCOMPLETE',
       error_message = 'Parley closed before this answer finished.', updated_at = ?
     WHERE status = 'streaming'`,
  );
  // Guarded so two presses of Continue cannot both reopen the answer.
  const reopenStmt = db.prepare(
    `UPDATE messages SET status = 'streaming', error_code = NULL, error_message = NULL, retry_after_ms = NULL,
       finish_reason = NULL, updated_at = ? WHERE id = ? AND status != 'streaming'`,
  );

  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    get(id: string): Message | null {
      const row = getStmt.get(id);
      return row ? toMessage(row) : null;
    },
    hasStreaming: (conversationId: string): boolean => streamingInStmt.get(conversationId) !== undefined,
    /** The newest message, where a send that names no parent continues (the order of listByConversation). */
    newestIn(conversationId: string): Message | null {
      const row = newestInStmt.get(conversationId);
      return row ? toMessage(row) : null;
    },
    hasChildren: (messageId: string): boolean => childStmt.get(messageId) !== undefined,
    listByConversation: (conversationId: string): Message[] => byConversationStmt.all(conversationId).map(toMessage),
    /** Up to `limit` messages just older than `before` (or the newest), oldest first like listByConversation. */
    listPage(conversationId: string, limit: number, before?: string): Message[] {
      const rows = before ? pageBeforeStmt.all({ conversationId, before, limit }) : newestPageStmt.all(conversationId, limit);
      return rows.reverse().map(toMessage);
    },
    insert(m: NewMessage): Message {
      insertStmt.run({ ...m, reused: m.reused ? 1 : 0 });
      return toMessage(getStmt.get(m.id)!);
    },
    /** The answer is being written by another model than it started with (the fallback). */
    setModel: (id: string, model: string): boolean => setModelStmt.run(model, id).changes > 0,
    flush(id: string, content: string, now: number): boolean {
      return flushStmt.run(content, now, id).changes > 0;
    },
    finish(id: string, a: FinishedAnswer): Message | null {
      finishStmt.run({
        id,
        status: a.status,
        content: a.content,
        errorCode: a.error?.code ?? null,
        errorMessage: a.error?.message ?? null,
        retryAfterMs: a.error?.retryAfterMs ?? null,
        finishReason: a.finishReason,
        promptTokens: a.usage?.promptTokens ?? null,
        completionTokens: a.usage?.completionTokens ?? null,
        usageEstimated: a.usage?.estimated === true ? 1 : 0,
        costUsd: a.costUsd,
        ttftMs: a.ttftMs,
        totalMs: a.totalMs,
        now: a.now,
      });
      const row = getStmt.get(id);
      return row ? toMessage(row) : null;
    },
    /** Makes a finished answer `streaming` again, its text kept, so more can be added to it. */
    reopen(id: string, now: number): Message | null {
      if (reopenStmt.run(now, id).changes === 0) return null;
      return toMessage(getStmt.get(id)!);
    },
    /** At start-up: an answer still `streaming` was cut off by a crash. */
    markInterrupted: (now: number): number => interruptStmt.run(now).changes,
  };
}

export type MessageRepository = ReturnType<typeof createMessageRepository>;
