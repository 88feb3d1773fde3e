import type Database from 'better-sqlite3';
import type { Conversation } from '../../shared/domain';

interface ConversationRow {
  id: string;
  title: string;
  model: string | null;
  provider_id: string;
  system_prompt: string | null;
  pinned: number;
  archived_at: number | null;
  origin: Conversation['origin'];
  created_at: number;
  updated_at: number;
}

function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.id,
    title: r.title,
    model: r.model,
    providerId: r.provider_id,
    systemPrompt: r.system_prompt,
    pinned: r.pinned === 1,
    origin: r.origin,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewConversation {
  id: string;
  title: string;
  providerId: string;
  model: string | null;
  origin: Conversation['origin'];
  now: number;
}

export function createConversationRepository(db: Database.Database) {
  const listStmt = db.prepare<[], ConversationRow>(
    'SELECT * FROM conversations WHERE archived_at IS NULL ORDER BY pinned DESC, updated_at DESC',
  );
  // The sidebar's first screenful: a million messages in 20,000 conversations took 140 ms to list whole.
  const pageStmt = db.prepare<[number, number], ConversationRow>(
    'SELECT * FROM conversations WHERE archived_at IS NULL ORDER BY pinned DESC, updated_at DESC LIMIT ? OFFSET ?',
  );
  const archivedStmt = db.prepare<[], ConversationRow>(
    'SELECT * FROM conversations WHERE archived_at IS NOT NULL ORDER BY archived_at DESC',
  );
  const archiveStmt = db.prepare('UPDATE conversations SET archived_at = ? WHERE id = ?');
  const getStmt = db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?');
  const insertStmt = db.prepare(
    `INSERT INTO conversations (id, title, model, provider_id, origin, created_at, updated_at)
     VALUES (@id, @title, @model, @providerId, @origin, @now, @now)`,
  );
  const renameStmt = db.prepare('UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?');
  // Pinning is not an edit: it keeps updated_at so the conversation keeps its place in its date group.
  const pinStmt = db.prepare('UPDATE conversations SET pinned = ? WHERE id = ?');
  const touchStmt = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  const deleteStmt = db.prepare('DELETE FROM conversations WHERE id = ?');

  return {
    list: (): Conversation[] => listStmt.all().map(toConversation),
    listPage: (limit: number, offset: number): Conversation[] => pageStmt.all(limit, offset).map(toConversation),
    listArchived: (): Conversation[] => archivedStmt.all().map(toConversation),
    setArchived(id: string, archivedAt: number | null): Conversation | null {
      archiveStmt.run(archivedAt, id);
      const row = getStmt.get(id);
      return row ? toConversation(row) : null;
    },
    get(id: string): Conversation | null {
      const row = getStmt.get(id);
      return row ? toConversation(row) : null;
    },
    create(c: NewConversation): Conversation {
      insertStmt.run(c);
      return toConversation(getStmt.get(c.id)!);
    },
    rename(id: string, title: string, now: number): Conversation | null {
      renameStmt.run(title, now, id);
      const row = getStmt.get(id);
      return row ? toConversation(row) : null;
    },
    setPinned(id: string, pinned: boolean): Conversation | null {
      pinStmt.run(pinned ? 1 : 0, id);
      const row = getStmt.get(id);
      return row ? toConversation(row) : null;
    },
    touch(id: string, now: number): void {
      touchStmt.run(now, id);
    },
    delete: (id: string): boolean => deleteStmt.run(id).changes > 0,
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
