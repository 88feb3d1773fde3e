import type Database from 'better-sqlite3';
import type { MessageRole } from '../../shared/domain';
import type { ConversationHit, MessageHit } from '../../shared/search';
import { toFtsQuery, type FtsQuery } from './fts-query';
import { typedWordMatch } from './typed-word-match';
import { createSearchTerms } from './search-terms';
import { scoreTexts, termPatterns } from './relevance';

/**
 * Relevance ranking scores the newest this many matches: reading a message to
 * score it costs 10–20 µs, so this many keeps a ranked search within tens of
 * milliseconds whatever the word. A word found in more messages ranks among
 * the recent ones, which is where people look anyway; newest-first search
 * still reaches every match.
 */
export const RANK_WINDOW = 1_000;

/**
 * The word being typed is matched as a prefix from its fourth letter. It is
 * written out as the words it begins (search-terms.ts), and a short prefix
 * begins too many: on a million made-up messages a four-letter one began about
 * 100 words, three letters some 2,000. An index of short prefixes would
 * answer them at once but tripled the search index's size (0.17× to 0.54× of
 * the text), past the 1.8× budget.
 */
export const MIN_PREFIX_LENGTH = 4;

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

/** The candidates for ranking: the newest matches, with the text to score them by. */
export const rankCandidatesSql = `SELECT m.rowid AS rid, m.content
  FROM messages_fts
  CROSS JOIN messages AS m ON m.rowid = messages_fts.rowid
  WHERE messages_fts MATCH ?
  ORDER BY messages_fts.rowid DESC
  LIMIT ?`;

/**
 * The chosen hits with their snippets, walking the matches newest first as
 * the candidates were walked and stopping once all are found, so never past
 * the window. Not a rowid range: FTS5 answers `rowid >= ?` on an OR of words
 * by reading each word's matches from the start (0.1–0.4 s on a million
 * messages). The unary + keeps the IN from being offered to FTS5 as a rowid
 * lookup, which it answers by walking the whole match list once per rowid.
 */
export const chosenHitsSql = `SELECT messages_fts.rowid AS rid, ${messageColumns}
  FROM messages_fts
  CROSS JOIN messages AS m ON m.rowid = messages_fts.rowid
  CROSS JOIN conversations AS c ON c.id = m.conversation_id
  WHERE messages_fts MATCH @match AND +messages_fts.rowid IN (SELECT value FROM json_each(@chosen))
  ORDER BY messages_fts.rowid DESC
  LIMIT @count`;

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
  const searchTerms = createSearchTerms(db);
  const newest = db.prepare<[string, number], MessageHitRow>(newestMessagesSql);
  const candidates = db.prepare<[string, number], { rid: number; content: string }>(rankCandidatesSql);
  const chosenHits = db.prepare<{ match: string; count: number; chosen: string }, MessageHitRow & { rid: number }>(chosenHitsSql);
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

  const newestRowids = db.prepare<[string, number], number>('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();

  /** The MATCH expression for the newest `limit` messages, with the word being typed written out when that is quicker. */
  function messageQuery(text: string, limit: number): { query: FtsQuery; match: string | null } {
    const query = toFtsQuery(text, { minPrefixLength: MIN_PREFIX_LENGTH });
    if (!query.match || !query.prefix) return { query, match: query.match };
    const words = searchTerms.wordsBeginning(query.terms.at(-1)!);
    if (words === null) return { query, match: query.match };
    return { query, match: guardedMatch(() => typedWordMatch(query, words, limit, (m, n) => newestRowids.all(m, n))) };
  }

  /** A query FTS5 refuses while narrowing the typed word finds nothing, as the search itself would. */
  function guardedMatch(build: () => string | null): string | null {
    try {
      return build();
    } catch (err) {
      if (isFtsQueryError(err)) return null;
      throw err;
    }
  }

  return {
    /** Messages containing every word of `text` (the last one as a prefix while typed), newest first. */
    newestMessages(text: string, limit: number): MessageHit[] {
      const { match } = messageQuery(text, limit);
      if (!match) return [];
      return guarded(() => newest.all(match, limit)).map(toMessageHit);
    },
    /** The best `limit` of the newest RANK_WINDOW matches (see relevance.ts), best first; ties newest first. */
    rankedMessages(text: string, limit: number): MessageHit[] {
      const { query, match } = messageQuery(text, RANK_WINDOW);
      if (!match) return [];
      return guarded(() => {
        const rows = candidates.all(match, RANK_WINDOW);
        const scores = scoreTexts(rows.map((r) => r.content), termPatterns(query));
        if (rows.length === 0) return [];
        const best = rows
          .map((r, i) => ({ rid: r.rid, score: scores[i]! }))
          .sort((a, b) => b.score - a.score || b.rid - a.rid)
          .slice(0, limit);
        const hits = new Map(chosenHits.all({ match, count: best.length, chosen: JSON.stringify(best.map((b) => b.rid)) }).map((h) => [h.rid, h]));
        return best.flatMap((b) => hits.get(b.rid) ?? []);
      }).map(toMessageHit);
    },
    /** Conversations whose title contains every word, newest first. */
    conversations(text: string, limit: number): ConversationHit[] {
      // Titles are few enough that even a one-letter prefix is quick.
      const { match } = toFtsQuery(text);
      if (!match) return [];
      return guarded(() => titles.all(match, limit)).map((r) => ({ conversationId: r.id, title: r.title, updatedAt: r.updated_at }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
