import type Database from 'better-sqlite3';
import type { MessageRole } from '../../shared/domain';
import type { ConversationHit, MessageHit } from '../../shared/search';
import { toFtsQuery } from './fts-query';

/**
 * Relevance ranking scores only the newest this many matches. bm25() has to
 * re-read every message it scores (the index keeps no word positions), so an
 * unbounded ranking of a word found in half a million messages would take
 * seconds; bounded, no query is slow, and a word that common ranks among the
 * recent conversations, which is where people look anyway.
 */
export const RANK_WINDOW = 10_000;

/** Words around the matches in a snippet: about a line in the results list. */
const SNIPPET_TOKENS = 16;

interface MessageHitRow {
  id: string;
  conversation_id: string;
  role: MessageRole;
  created_at: number;
  conversation_title: string;
  snippet: string;
}

interface ConversationHitRow {
  id: string;
  title: string;
  updated_at: number;
}

const toMessageHit = (r: MessageHitRow): MessageHit => ({
  messageId: r.id,
  conversationId: r.conversation_id,
  conversationTitle: r.conversation_title,
  role: r.role,
  createdAt: r.created_at,
  snippet: r.snippet,
});

// char(57344) and char(57345) are U+E000 and U+E001, shared/search.ts's HIGHLIGHT_START and HIGHLIGHT_END.
const messageColumns = `m.id, m.conversation_id, m.role, m.created_at, c.title AS conversation_title,
  snippet(messages_fts, 0, char(57344), char(57345), '…', ${SNIPPET_TOKENS}) AS snippet`;

/** The rowid order is the order messages were written in, so newest first is a walk of the index backwards. */
export const newestMessagesSql = `SELECT ${messageColumns}
  FROM messages_fts
  CROSS JOIN messages AS m ON m.rowid = messages_fts.rowid
  CROSS JOIN conversations AS c ON c.id = m.conversation_id
  WHERE messages_fts MATCH ?
  ORDER BY messages_fts.rowid DESC
  LIMIT ?`;

export const rankedMessagesSql = `SELECT ${messageColumns}
  FROM messages_fts
  CROSS JOIN messages AS m ON m.rowid = messages_fts.rowid
  CROSS JOIN conversations AS c ON c.id = m.conversation_id
  WHERE messages_fts MATCH ? AND messages_fts.rowid >= ?
  ORDER BY rank
  LIMIT ?`;

export const conversationsSql = `SELECT c.id, highlight(conversations_fts, 0, char(57344), char(57345)) AS title, c.updated_at
  FROM conversations_fts
  CROSS JOIN conversations AS c ON c.rowid = conversations_fts.rowid
  WHERE conversations_fts MATCH ?
  ORDER BY conversations_fts.rowid DESC
  LIMIT ?`;

/** FTS5 reports a query it cannot run as an error whose message starts with `fts5:`. */
function isFtsQueryError(err: unknown): boolean {
  return err instanceof Error && /^fts5:|malformed MATCH|unterminated string/i.test(err.message);
}

export function createSearchRepository(db: Database.Database) {
  const newest = db.prepare<[string, number], MessageHitRow>(newestMessagesSql);
  const ranked = db.prepare<[string, number, number], MessageHitRow>(rankedMessagesSql);
  const windowFloor = db.prepare<[string, number], { rowid: number }>(
    'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
  );
  const titles = db.prepare<[string, number], ConversationHitRow>(conversationsSql);

  /** A query FTS5 still refuses (it should not, being built from quoted words) finds nothing rather than failing. */
  function guarded<T>(run: () => T[]): T[] {
    try {
      return run();
    } catch (err) {
      if (isFtsQueryError(err)) return [];
      throw err;
    }
  }

  return {
    /** Messages containing every word of `text` (the last one as a prefix while typed), newest first. */
    newestMessages(text: string, limit: number): MessageHit[] {
      const { match } = toFtsQuery(text);
      if (!match) return [];
      return guarded(() => newest.all(match, limit)).map(toMessageHit);
    },
    /** The best `limit` matches by bm25 among the newest RANK_WINDOW. */
    rankedMessages(text: string, limit: number): MessageHit[] {
      const { match } = toFtsQuery(text);
      if (!match) return [];
      return guarded(() => {
        const floor = windowFloor.get(match, RANK_WINDOW - 1)?.rowid ?? 0;
        return ranked.all(match, floor, limit);
      }).map(toMessageHit);
    },
    /** Conversations whose title contains every word, newest first. */
    conversations(text: string, limit: number): ConversationHit[] {
      const { match } = toFtsQuery(text);
      if (!match) return [];
      return guarded(() => titles.all(match, limit)).map((r) => ({ conversationId: r.id, title: r.title, updatedAt: r.updated_at }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
