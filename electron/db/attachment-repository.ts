import type Database from 'better-sqlite3';
import type { Attachment } from '../../shared/dropped-files';
import type { FileKind } from '../../shared/file-explanation';
import type { ExplanationKeyParts, ExplanationStore, SavedExplanation } from '../services/explain/explanation-key';
import { explanationKey } from '../services/explain/explanation-key';

interface AttachmentRow {
  id: string;
  conversation_id: string;
  message_id: string | null;
  name: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  token_count: number;
  created_at: number;
}

export interface NewAttachment extends Omit<Attachment, 'createdAt'> {
  extractedText: string | null;
  now: number;
}

/** An attachment with the text a follow-up question sends again. */
export interface AttachmentWithText extends Attachment {
  extractedText: string | null;
}

export interface SavedExplanationRow {
  conversationId: string;
  messageId: string;
  text: string;
  parts: { label: string; text: string }[];
  model: string;
  createdAt: number;
}

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  name: r.name,
  kind: r.kind as FileKind,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  tokenCount: r.token_count,
  createdAt: r.created_at,
});

const columns = 'id, conversation_id, message_id, name, kind, mime, size, sha256, token_count, created_at';

/**
 * Attachments and saved explanations (migration 0005). A saved explanation
 * is the answer message itself: only a complete one is found, so one that
 * was deleted, stopped or failed is explained again rather than shown.
 */
export function createAttachmentRepository(db: Database.Database) {
  const insertStmt = db.prepare(
    `INSERT INTO attachments (id, conversation_id, message_id, name, kind, mime, size, sha256, extracted_text, token_count, created_at)
     VALUES (@id, @conversationId, @messageId, @name, @kind, @mime, @size, @sha256, @extractedText, @tokenCount, @now)`,
  );
  const listStmt = db.prepare<[string], AttachmentRow>(`SELECT ${columns} FROM attachments WHERE conversation_id = ? ORDER BY created_at, rowid`);
  const listTextStmt = db.prepare<[string], AttachmentRow & { extracted_text: string | null }>(
    `SELECT ${columns}, extracted_text FROM attachments WHERE conversation_id = ? ORDER BY created_at, rowid`,
  );
  const countStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM attachments WHERE conversation_id = ?');
  const findSavedStmt = db.prepare<[string, string, string], { conversation_id: string; message_id: string; content: string; parts: string; created_at: number }>(
    `SELECT m.conversation_id, s.message_id, m.content, s.parts, s.created_at
       FROM saved_explanations s JOIN messages m ON m.id = s.message_id
      WHERE s.sha256 = ? AND s.template_id = ? AND s.model = ? AND m.status = 'complete' AND m.content <> ''`,
  );
  const saveStmt = db.prepare(
    `INSERT INTO saved_explanations (sha256, template_id, model, message_id, parts, created_at) VALUES (@sha256, @templateId, @model, @messageId, @parts, @now)
     ON CONFLICT (sha256, template_id, model) DO UPDATE SET message_id = excluded.message_id, parts = excluded.parts, created_at = excluded.created_at`,
  );

  const partsStmt = db.prepare<[string], { parts: string }>(
    `SELECT s.parts FROM saved_explanations s JOIN messages m ON m.id = s.message_id
      WHERE s.sha256 = ? AND s.parts <> '[]' AND m.status = 'complete' ORDER BY s.created_at DESC LIMIT 1`,
  );

  function findSaved(k: ExplanationKeyParts): SavedExplanationRow | null {
    const row = findSavedStmt.get(k.sha256.toLowerCase(), k.templateId, k.model);
    if (!row) return null;
    let parts: SavedExplanationRow['parts'] = [];
    try {
      parts = JSON.parse(row.parts) as SavedExplanationRow['parts'];
    } catch {
      // Notes that do not parse only cost a follow-up the parts' summaries; the explanation itself is intact.
    }
    return { conversationId: row.conversation_id, messageId: row.message_id, text: row.content, parts, model: k.model, createdAt: row.created_at };
  }

  return {
    insert(a: NewAttachment): Attachment {
      insertStmt.run(a);
      return toAttachment({ ...a, conversation_id: a.conversationId, message_id: a.messageId, token_count: a.tokenCount, created_at: a.now });
    },
    list: (conversationId: string): Attachment[] => listStmt.all(conversationId).map(toAttachment),
    listWithText: (conversationId: string): AttachmentWithText[] =>
      listTextStmt.all(conversationId).map((r) => ({ ...toAttachment(r), extractedText: r.extracted_text })),
    has: (conversationId: string): boolean => (countStmt.get(conversationId)?.n ?? 0) > 0,
    findSaved,
    partNotes(sha256: string): { label: string; text: string }[] {
      const row = partsStmt.get(sha256.toLowerCase());
      try {
        return row ? (JSON.parse(row.parts) as { label: string; text: string }[]) : [];
      } catch {
        return [];
      }
    },
    /**
     * The ExplanationStore explainOrReuse reads and writes, for one answer:
     * what it saves points at `messageId`, whose text is the explanation.
     */
    explanationStoreFor(messageId: string, parts: ExplanationKeyParts): ExplanationStore {
      return {
        find: (key) => {
          if (key !== explanationKey(parts)) return null;
          const saved = findSaved(parts);
          return saved ? ({ key, text: saved.text, parts: saved.parts, model: saved.model, createdAt: saved.createdAt } satisfies SavedExplanation) : null;
        },
        save: (e) => {
          saveStmt.run({ sha256: parts.sha256.toLowerCase(), templateId: parts.templateId, model: parts.model, messageId, parts: JSON.stringify(e.parts), now: e.createdAt });
        },
      };
    },
  };
}

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;
