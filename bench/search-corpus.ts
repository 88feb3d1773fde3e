import { existsSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { PAGE_SIZE } from '../electron/db/connection';
import { migrate } from '../electron/db/migrate';
import { migrations } from '../electron/db/migrations';
import { seededRandom as prng } from '../tests/fixtures/seeded-random';

/**
 * A generated history for the search benchmark: conversations one after the
 * other in time, their messages alternating user and assistant, words drawn
 * from a Zipf-distributed made-up vocabulary so that terms span every hit
 * count from one message to most of them. The same seed gives the same
 * database, byte for byte in content.
 */
export interface CorpusShape {
  seed: number;
  conversations: number;
  messages: number;
  /** One conversation this long, placed in the middle of the timeline. */
  bigConversation: number;
}

export const benchCorpus: CorpusShape = { seed: 20261126, conversations: 20_000, messages: 1_000_000, bigConversation: 5_000 };

/** Bumped whenever the generator's output changes, so a cached file is never stale. */
const GENERATOR_VERSION = 1;
const VOCABULARY = 60_000;
const ZIPF_EXPONENT = 1.05;

export interface CorpusFacts {
  file: string;
  /** Bytes of message text plus title text, as UTF-8. */
  rawTextBytes: number;
  bigConversationId: string;
  generatedMs: number | null;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'qui', 'dor', 'fen', 'gal', 'hub', 'jin', 'bar', 'cel', 'wex', 'yon', 'ost', 'ump', 'ark', 'ell'];

function vocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const n = 1 + Math.floor(random() * 3.2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** A table mapping a uniform draw to a word rank with Zipf frequencies: one lookup per word drawn. */
function zipfTable(size: number): Uint32Array {
  const weights = new Float64Array(VOCABULARY);
  let total = 0;
  for (let r = 0; r < VOCABULARY; r++) total += weights[r] = 1 / Math.pow(r + 1, ZIPF_EXPONENT);
  const table = new Uint32Array(size);
  let rank = 0;
  let cumulative = weights[0]! / total;
  for (let i = 0; i < size; i++) {
    while ((i + 0.5) / size > cumulative && rank < VOCABULARY - 1) cumulative += weights[++rank]! / total;
    table[i] = rank;
  }
  return table;
}

function uuid(random: () => number): string {
  const hex = (n: number) => Math.floor(random() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

export function corpusFile(shape: CorpusShape): string {
  // Keyed by the schema's text, not just its version, so editing a migration regenerates the file.
  const schema = createHash('sha256').update(migrations.map((m) => m.up).join('\n')).update(String(PAGE_SIZE)).digest('hex').slice(0, 12);
  const name = `parley-bench-search-s${shape.seed}-m${shape.messages}-c${shape.conversations}-${schema}-g${GENERATOR_VERSION}.sqlite`;
  return path.join(os.tmpdir(), name);
}

/** Writes the corpus into a database at the latest schema, through the schema's own triggers. */
export function fillCorpus(db: Database.Database, shape: CorpusShape, log: (line: string) => void = () => {}): Omit<CorpusFacts, 'file' | 'generatedMs'> {
  const random = prng(shape.seed);
  const words = vocabulary(random);
  const zipf = zipfTable(1 << 20);
  const word = () => words[zipf[Math.floor(random() * zipf.length)]!]!;
  const sentence = (n: number) => {
    let s = word();
    s = s[0]!.toUpperCase() + s.slice(1);
    for (let i = 1; i < n; i++) s += ` ${word()}`;
    return `${s}.`;
  };
  const text = (minWords: number, spread: number) => {
    const target = minWords + Math.floor(random() * spread);
    const parts: string[] = [];
    for (let n = 0; n < target; ) {
      const len = 6 + Math.floor(random() * 14);
      parts.push(sentence(len));
      n += len;
    }
    return parts.join(' ');
  };

  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, title, model, provider_id, origin, created_at, updated_at) VALUES (?, ?, 'gpt-4o-mini', 'openai', 'chat', ?, ?)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, prompt_tokens, completion_tokens, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?)`,
  );
  const bigIndex = Math.floor(shape.conversations / 2);
  const perOther = (shape.messages - shape.bigConversation) / (shape.conversations - 1);
  let rawTextBytes = 0;
  let bigConversationId = '';
  let written = 0;
  // Two years of history ending now-ish, fixed so the same seed gives the same timestamps.
  let now = Date.UTC(2024, 0, 1);
  const step = (2 * 365 * 24 * 3600 * 1000) / shape.messages;

  // The schema's triggers index one message per statement, about six times slower than one INSERT … SELECT
  // at the end; so they (and the ones noting messages for search_terms) are set aside while filling and put
  // back exactly as they were.
  const ftsTriggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'messages' AND (sql LIKE '%messages_fts%' OR sql LIKE '%search_terms%')",
    )
    .all();
  db.transaction(() => {
    for (const t of ftsTriggers) db.exec(`DROP TRIGGER ${t.name}`);
    for (let c = 0; c < shape.conversations; c++) {
      const id = uuid(random);
      const title = sentence(3 + Math.floor(random() * 4)).slice(0, -1);
      rawTextBytes += title.length;
      const other = c < bigIndex ? c : c - 1;
      const count = c === bigIndex ? shape.bigConversation : Math.round(perOther * (other + 1)) - Math.round(perOther * other);
      const last = c === shape.conversations - 1 ? shape.messages - written : count;
      const start = now;
      insertConversation.run(id, title, start, start + last * step);
      let parent: string | null = null;
      for (let m = 0; m < last; m++) {
        const user = m % 2 === 0;
        // Questions are a sentence or three; answers run to a few paragraphs.
        const content = user ? text(8, 40) : text(40, 200);
        rawTextBytes += content.length; // ASCII: one byte a character
        const mid = uuid(random);
        const at = Math.round(now);
        insertMessage.run(mid, id, parent, user ? 'user' : 'assistant', content, user ? null : 'gpt-4o-mini', user ? null : 900, user ? null : 350, at, at);
        parent = mid;
        now += step;
      }
      written += last;
      if (c === bigIndex) bigConversationId = id;
      if ((c + 1) % 2000 === 0) log(`  search corpus: ${written.toLocaleString('en')} of ${shape.messages.toLocaleString('en')} messages`);
    }
    log('  search corpus: indexing');
    db.exec("INSERT INTO messages_fts (rowid, content) SELECT rowid, content FROM messages WHERE status != 'streaming'");
    // As migration 0004 fills it for an existing database: every word of the index, read once.
    db.exec(`CREATE VIRTUAL TABLE temp.corpus_words USING fts5vocab(main, 'messages_fts', 'instance');
      INSERT INTO search_terms (term, last_rowid) SELECT term, max(doc) FROM temp.corpus_words GROUP BY term;
      DROP TABLE temp.corpus_words;`);
    for (const t of ftsTriggers) db.exec(t.sql);
  })();
  return { rawTextBytes, bigConversationId };
}

/**
 * The corpus database, generated once per seed, shape and schema and then
 * reused from os.tmpdir(): generation takes a minute or two, every later run
 * opens the file. Written under a temporary name and renamed when complete, so
 * an interrupted run never leaves a half-filled file to be reused.
 */
export function ensureCorpus(shape: CorpusShape, log: (line: string) => void): CorpusFacts {
  const file = corpusFile(shape);
  const factsKey = 'bench_corpus_facts';
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    try {
      const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(factsKey);
      if (row) return { file, ...(JSON.parse(row.value) as Omit<CorpusFacts, 'file' | 'generatedMs'>), generatedMs: null };
    } finally {
      db.close();
    }
  }
  const partial = `${file}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const t0 = performance.now();
  const db = new Database(partial);
  try {
    // Nothing to protect while generating: a crash just means generating again.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    log(`  search corpus: generating ${shape.messages.toLocaleString('en')} messages into ${file}`);
    const facts = fillCorpus(db, shape, log);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(factsKey, JSON.stringify(facts));
    db.pragma('journal_mode = WAL');
    db.close();
    renameSync(partial, file);
    return { file, ...facts, generatedMs: performance.now() - t0 };
  } catch (err) {
    if (db.open) db.close();
    rmSync(partial, { force: true });
    throw err;
  }
}
