import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationRepository } from '../../electron/db/conversation-repository';
import { createMessageRepository } from '../../electron/db/message-repository';
import {
  chosenHitsSql,
  conversationsSql,
  createSearchRepository,
  newestMessagesSql,
  RANK_WINDOW,
  rankCandidatesSql,
  type SearchRepository,
} from '../../electron/db/search-repository';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/search';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

let db: Database.Database;
let search: SearchRepository;
let clock = 1_000;

beforeEach(() => {
  db = migratedMemoryDatabase();
  search = createSearchRepository(db);
  clock = 1_000;
});

function conversation(id: string, title: string) {
  createConversationRepository(db).create({ id, title, providerId: 'openai', model: null, origin: 'chat', now: clock++ });
}

function message(id: string, conversationId: string, content: string, status: 'complete' | 'streaming' = 'complete', role: 'user' | 'assistant' = 'user') {
  createMessageRepository(db).insert({ id, conversationId, parentId: null, role, content, status, model: null, now: clock++ });
}

/** Shows the highlight markers as [brackets], to read expectations at a glance. */
const marked = (s: string) => s.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']');

const plan = (sql: string, ...params: unknown[]) =>
  db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail);

describe('searching messages', () => {
  beforeEach(() => {
    conversation('trip', 'Trip to Lisbon');
    conversation('pets', 'Pets');
    message('m1', 'trip', 'Where can I see a capybara near Lisbon?');
    message('m2', 'pets', 'Do capybaras like water?');
    message('m3', 'pets', 'My capybara sleeps all day.');
    message('m4', 'trip', 'The tram to Belém leaves every ten minutes.');
  });

  it('finds every message with the words, newest first, with its conversation', () => {
    const hits = search.newestMessages('capybara ', 20);
    expect(hits.map((h) => h.messageId)).toEqual(['m3', 'm1']);
    expect(hits[1]).toMatchObject({ conversationId: 'trip', conversationTitle: 'Trip to Lisbon', role: 'user' });
  });

  it('matches the word being typed as a prefix', () => {
    expect(search.newestMessages('capy', 20).map((h) => h.messageId)).toEqual(['m3', 'm2', 'm1']);
  });

  it('matches up to three letters as a whole word, not as the start of every word', () => {
    message('short', 'pets', 'a cap on the ca of calcium');
    expect(search.newestMessages('ca', 20).map((h) => h.messageId)).toEqual(['short']);
    expect(search.newestMessages('cap', 20).map((h) => h.messageId)).toEqual(['short']);
    expect(search.newestMessages('capy', 20).map((h) => h.messageId)).toEqual(['m3', 'm2', 'm1']);
  });

  it('needs every word to be present', () => {
    expect(search.newestMessages('capybara lisbon', 20).map((h) => h.messageId)).toEqual(['m1']);
  });

  it('marks the matched words in the snippet', () => {
    expect(marked(search.newestMessages('capybara lisb', 1)[0]!.snippet)).toBe('Where can I see a [capybara] near [Lisbon]?');
  });

  it('finds words without their accents', () => {
    expect(search.newestMessages('belem', 20).map((h) => h.messageId)).toEqual(['m4']);
  });

  it('cuts a long message down to the words around the match', () => {
    message('long', 'pets', `${'filler words here '.repeat(40)}the okapi appears ${'and more filler after '.repeat(40)}`);
    const { snippet } = search.newestMessages('okapi', 1)[0]!;
    expect(marked(snippet)).toContain('[okapi]');
    expect(snippet.length).toBeLessThan(160);
    expect(snippet).toMatch(/^…|…$/);
  });

  it('returns the text as text: markup in a message is not interpreted', () => {
    message('html', 'pets', 'try <img src=x onerror=alert(1)> capybara');
    expect(marked(search.newestMessages('capybara', 1)[0]!.snippet)).toBe('try <img src=x onerror=alert(1)> [capybara]');
  });

  it('stops at the limit', () => {
    expect(search.newestMessages('capy', 2).map((h) => h.messageId)).toEqual(['m3', 'm2']);
  });

  it('does not find an answer that is still being written', () => {
    message('live', 'pets', 'a capybara answer in progress', 'streaming', 'assistant');
    expect(search.newestMessages('progress', 20)).toEqual([]);
  });

  it.each([['"'], ['" OR "'], ['NEAR('], ['capybara AND'], ['*'], ['-capybara'], ['a:b'], ['()'], ['']])('answers %j without an error', (query) => {
    expect(() => search.newestMessages(query, 20)).not.toThrow();
    expect(() => search.rankedMessages(query, 20)).not.toThrow();
    expect(() => search.conversations(query, 20)).not.toThrow();
  });

  it('reads operators as words to look for', () => {
    message('ops', 'pets', 'cats AND dogs');
    expect(search.newestMessages('AND', 20).map((h) => h.messageId)).toEqual(['ops']);
  });

  it('ranks the message where the words weigh most first', () => {
    message('weak', 'pets', `okapi ${'and a great deal of unrelated chatter '.repeat(20)}`);
    message('strong', 'pets', 'okapi okapi okapi');
    message('newest', 'pets', `an okapi ${'then more unrelated chatter '.repeat(10)}`);
    expect(search.rankedMessages('okapi', 3).map((h) => h.messageId)).toEqual(['strong', 'newest', 'weak']);
  });
});

describe('searching conversation titles', () => {
  it('finds titles by word and prefix, newest first, with the matches marked', () => {
    conversation('a', 'Trip to Lisbon');
    conversation('b', 'Tax return');
    conversation('c', 'Another trip, to Porto');
    expect(search.conversations('tri', 20).map((h) => [h.conversationId, marked(h.title)])).toEqual([
      ['c', 'Another [trip], to Porto'],
      ['a', '[Trip] to Lisbon'],
    ]);
  });

  it('follows a rename', () => {
    conversation('a', 'New chat');
    createConversationRepository(db).rename('a', 'Lisbon plans', clock++);
    expect(search.conversations('lisbon', 20).map((h) => h.conversationId)).toEqual(['a']);
    expect(search.conversations('new chat', 20)).toEqual([]);
  });
});

describe('the search query plans', () => {
  it('walks the index newest first and stops at the limit, never sorting the hits', () => {
    const steps = plan(newestMessagesSql, '"x"', 20);
    expect(steps[0]).toMatch(/^SCAN messages_fts VIRTUAL TABLE INDEX/);
    expect(steps.slice(1)).toEqual(['SEARCH m USING INTEGER PRIMARY KEY (rowid=?)', 'SEARCH c USING INDEX sqlite_autoindex_conversations_1 (id=?)']);
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('takes the candidates for ranking newest first from the index, stopping at the window', () => {
    const steps = plan(rankCandidatesSql, '"x"', RANK_WINDOW);
    expect(steps).toEqual([expect.stringMatching(/^SCAN messages_fts VIRTUAL TABLE INDEX 192:/), 'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('fetches the chosen hits in one newest-first walk that stops at the last of them, not one doclist walk per hit', () => {
    const steps = plan(chosenHitsSql, { match: '"x"', count: 2, chosen: '[1,2]' });
    expect(steps[0]).toMatch(/^SCAN messages_fts VIRTUAL TABLE INDEX \d+:M1$/);
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE|SCAN m\b|SCAN c\b|=M1/);
  });

  it('looks titles up in their own index', () => {
    const steps = plan(conversationsSql, '"x"', 5);
    expect(steps).toEqual([expect.stringMatching(/^SCAN conversations_fts VIRTUAL TABLE INDEX/), 'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it(`ranks only the newest ${RANK_WINDOW.toLocaleString('en')} matches`, () => {
    conversation('bulk', 'Bulk');
    const insert = db.prepare(
      "INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES (?, 'bulk', 'user', ?, 'complete', 1, 1)",
    );
    // The oldest match is the best one by far; past the window it is not considered.
    db.transaction(() => {
      insert.run('oldest', 'zebu zebu zebu zebu');
      for (let i = 0; i < RANK_WINDOW; i++) insert.run(`n${i}`, `a zebu among ${i} other words of filler text`);
    })();
    const best = search.rankedMessages('zebu', 5).map((h) => h.messageId);
    expect(best).toHaveLength(5);
    expect(best).not.toContain('oldest');
  });
});
