import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationRepository } from '../../electron/db/conversation-repository';
import { createMessageRepository } from '../../electron/db/message-repository';
import { createSearchRepository } from '../../electron/db/search-repository';
import { createSearchTerms, MAX_PREFIX_EXPANSION } from '../../electron/db/search-terms';
import { toFtsQuery, withPrefixWords } from '../../electron/db/fts-query';
import { typedWordMatch } from '../../electron/db/typed-word-match';
import { migratedMemoryDatabase } from '../fixtures/sqlite';

let db: Database.Database;
let clock = 1_000;

beforeEach(() => {
  db = migratedMemoryDatabase();
  clock = 1_000;
  createConversationRepository(db).create({ id: 'c', title: 'Words', providerId: 'openai', model: null, origin: 'chat', now: clock++ });
});

function message(id: string, content: string, status: 'complete' | 'streaming' = 'complete') {
  createMessageRepository(db).insert({ id, conversationId: 'c', parentId: null, role: 'user', content, status, model: null, now: clock++ });
}

/** Every word the message index holds, as FTS5 itself lists them. */
function indexWords(): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_words USING fts5vocab(main, 'messages_fts', 'row')");
  return db.prepare<[], string>('SELECT term FROM temp.test_words ORDER BY term').pluck().all();
}

const storedWords = () => db.prepare<[], string>('SELECT term FROM search_terms ORDER BY term').pluck().all();
const termsOf = (words: { term: string }[] | null) => words?.map((w) => w.term).sort() ?? null;

/** A tiny seeded generator, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1_103_515_245 + 12_345) % 2_147_483_648;
    return a / 2_147_483_648;
  };
}

describe('the list of indexed words', () => {
  it('holds exactly the words of the index once brought up to date, in any script, case or accent', () => {
    message('a', 'Crème BRÛLÉE at the café, naïve coöperation');
    message('b', 'Ελλάδα και Αθήνα; Москва и Йошкар-Ола; 東京 and emoji 🦫 capybara_v2 x86-64 3.14');
    message('c', 'ǅemal İstanbul ﬁnance Straße');
    createSearchTerms(db).catchUp();
    expect(storedWords()).toEqual(indexWords());
  });

  it('adds the words of edited and finished messages, not of answers still streaming', () => {
    message('live', 'partial answer words', 'streaming');
    const terms = createSearchTerms(db);
    terms.catchUp();
    expect(storedWords()).toEqual([]);
    db.prepare("UPDATE messages SET content = 'finished answer words', status = 'complete' WHERE id = 'live'").run();
    message('q', 'original question');
    db.prepare("UPDATE messages SET content = 'edited question' WHERE id = 'q'").run();
    terms.catchUp();
    // 'original' was replaced before anyone searched: it never needs to be in the list.
    expect(storedWords()).toEqual(['answer', 'edited', 'finished', 'question', 'words']);
    expect(db.prepare('SELECT count(*) AS n FROM search_terms_pending').get()).toEqual({ n: 0 });
  });

  it('reads the typed word as the index does', () => {
    const terms = createSearchTerms(db);
    expect(terms.tokenize('Brûlé')).toEqual(['brule']);
    expect(terms.tokenize('ÉCOLE')).toEqual(['ecole']);
    expect(terms.tokenize('a-b')).toEqual(['a', 'b']);
  });
});

describe('writing out the word being typed', () => {
  it('lists the indexed words it begins, whatever the case and accents typed', () => {
    message('a', 'capybara capybaras capital cap');
    const terms = createSearchTerms(db);
    expect(termsOf(terms.wordsBeginning('CAPY'))).toEqual(['capybara', 'capybaras']);
    expect(termsOf(terms.wordsBeginning('capí'))).toEqual(['capital']);
    expect(terms.wordsBeginning('zebra')).toEqual([]);
  });

  it('leaves a prefix that begins too many words to FTS5', () => {
    message('many', Array.from({ length: MAX_PREFIX_EXPANSION + 1 }, (_, i) => `pref${i.toString(36)}x`).join(' '));
    expect(createSearchTerms(db).wordsBeginning('pref')).toBeNull();
    expect(createSearchRepository(db).newestMessages('pref', 5).map((h) => h.messageId)).toEqual(['many']);
  });

  it('names only the words that can reach the newest matches, asking again until none is left out', () => {
    const words = [
      { term: 'kaa', lastRowid: 100 },
      { term: 'kab', lastRowid: 90 },
      { term: 'kac', lastRowid: 50 },
      ...Array.from({ length: 20 }, (_, i) => ({ term: `kad${i}`, lastRowid: 40 - i })),
      { term: 'kaz', lastRowid: 1 },
    ];
    const asked: string[] = [];
    // Pretend each word is in two messages: its newest, and one 30 older.
    const newestRowids = (match: string, limit: number) => {
      asked.push(match);
      const named = words.filter((w) => match.includes(`"${w.term}"`));
      return named.flatMap((w) => [w.lastRowid, w.lastRowid - 30]).sort((a, b) => b - a).slice(0, limit);
    };
    const query = toFtsQuery('kad');
    // The first eight words' newest two are newer than any other word's newest: they are enough.
    expect(typedWordMatch(query, words, 2, newestRowids)).toBe('("kaa" OR "kab" OR "kac" OR "kad0" OR "kad1" OR "kad2" OR "kad3" OR "kad4")');
    expect(asked).toHaveLength(1);
    // For twelve, the words newer than the twelfth match found join, then nothing newer is left out; kaz never can be.
    asked.length = 0;
    const terms = typedWordMatch(query, words, 12, newestRowids)!.slice(1, -1).split(' OR ');
    expect(terms).toEqual(words.slice(0, -1).map((w) => `"${w.term}"`));
    expect(asked).toHaveLength(2);
  });

  it('builds an OR of whole words, ANDed with the words before it, that FTS5 parses', () => {
    message('r', 'a river capybara');
    const query = toFtsQuery('river capy');
    expect(createSearchRepository(db).newestMessages('river capy', 5).map((h) => h.messageId)).toEqual(['r']);
    expect(withPrefixWords(query, ['capybara', 'capybaras'])).toBe('"river" AND ("capybara" OR "capybaras")');
    expect(withPrefixWords(query, ['capybara'])).toBe('"river" AND "capybara"');
    expect(withPrefixWords(query, [])).toBeNull();
  });

  it('finds what FTS5 prefix queries find, newest first and ranked, on generated text', () => {
    const random = prng(20261126);
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ké', 'Lö', 'ru', 'sa'];
    const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    for (let i = 0; i < 300; i++) message(`m${i}`, Array.from({ length: 3 + Math.floor(random() * 12) }, word).join(' '));
    // Edits after the list was last brought up to date must be found too.
    createSearchTerms(db).catchUp();
    for (let i = 0; i < 300; i += 7) db.prepare('UPDATE messages SET content = ? WHERE id = ?').run(`${word()} ${word()} rewritten`, `m${i}`);

    const search = createSearchRepository(db);
    const native = db.prepare<[string, number], { id: string }>(
      'SELECT m.id FROM messages_fts JOIN messages AS m ON m.rowid = messages_fts.rowid WHERE messages_fts MATCH ? ORDER BY messages_fts.rowid DESC LIMIT ?',
    );
    const prefixes = new Set<string>();
    for (let i = 0; i < 60; i++) prefixes.add(word().padEnd(4, 'ka').slice(0, 4 + Math.floor(random() * 3)));
    for (const prefix of [...prefixes, 'kalo', 'rewr']) {
      for (const typed of [prefix, `ka ${prefix}`]) {
        const match = toFtsQuery(typed, { minPrefixLength: 4 }).match!;
        // A small limit leaves words out (typed-word-match.ts); a large one takes every word.
        for (const limit of [1, 5, 20]) expect(search.newestMessages(typed, limit).map((h) => h.messageId), `${typed} ${limit}`).toEqual(native.all(match, limit).map((r) => r.id));
        const every = native.all(match, 500).map((r) => r.id);
        expect(search.newestMessages(typed, 500).map((h) => h.messageId), typed).toEqual(every);
        expect(new Set(search.rankedMessages(typed, 500).map((h) => h.messageId)), typed).toEqual(new Set(every));
      }
    }
  });
});
