import type Database from 'better-sqlite3';

/** One model request as the usage table holds it. */
export interface UsageRecord {
  messageId: string | null;
  conversationId: string | null;
  providerId: string | null;
  model: string;
  /** When the request started (ms since the epoch). */
  at: number;
  /** The local calendar day of `at`, YYYY-MM-DD. */
  day: string;
  status: string;
  errorCode: string | null;
  promptTokens: number;
  completionTokens: number;
  estimated: boolean;
  /** Null when the model has no known price. */
  costUsd: number | null;
  ttftMs: number | null;
  totalMs: number | null;
}

/** A row with what the dashboard shows beside it. */
export interface UsageRow extends UsageRecord {
  conversationTitle: string | null;
}

interface Row {
  message_id: string | null;
  conversation_id: string | null;
  provider_id: string | null;
  model: string;
  at: number;
  day: string;
  status: string;
  error_code: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  estimated: number;
  cost_usd: number | null;
  ttft_ms: number | null;
  total_ms: number | null;
  title: string | null;
}

const toRow = (r: Row): UsageRow => ({
  messageId: r.message_id,
  conversationId: r.conversation_id,
  providerId: r.provider_id,
  model: r.model,
  at: r.at,
  day: r.day,
  status: r.status,
  errorCode: r.error_code,
  promptTokens: r.prompt_tokens,
  completionTokens: r.completion_tokens,
  estimated: r.estimated === 1,
  costUsd: r.cost_usd,
  ttftMs: r.ttft_ms,
  totalMs: r.total_ms,
  conversationTitle: r.title,
});

export function createUsageRepository(db: Database.Database) {
  const insertStmt = db.prepare(
    `INSERT INTO usage (message_id, conversation_id, provider_id, model, at, day, status, error_code,
                        prompt_tokens, completion_tokens, estimated, cost_usd, ttft_ms, total_ms)
     VALUES (@messageId, @conversationId, @providerId, @model, @at, @day, @status, @errorCode,
             @promptTokens, @completionTokens, @estimated, @costUsd, @ttftMs, @totalMs)`,
  );
  // Walks usage_by_day; the title comes from the conversation while it still exists.
  const rangeStmt = db.prepare<[string, string], Row>(
    `SELECT u.*, c.title AS title FROM usage u LEFT JOIN conversations c ON c.id = u.conversation_id
     WHERE u.day BETWEEN ? AND ? ORDER BY u.day, u.at, u.id`,
  );
  const spentStmt = db.prepare<[string, string], { spent: number }>(
    'SELECT COALESCE(SUM(cost_usd), 0) AS spent FROM usage WHERE day BETWEEN ? AND ?',
  );

  return {
    insert(r: UsageRecord): void {
      insertStmt.run({ ...r, estimated: r.estimated ? 1 : 0 });
    },
    /** Every request from day `from` to day `to`, both included, oldest first. */
    between: (from: string, to: string): UsageRow[] => rangeStmt.all(from, to).map(toRow),
    /** Dollars spent from day `from` to day `to`, both included (requests without a price count nothing). */
    spent: (from: string, to: string): number => spentStmt.get(from, to)?.spent ?? 0,
  };
}

export type UsageRepository = ReturnType<typeof createUsageRepository>;
