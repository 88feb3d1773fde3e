import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { PAGE_SIZE } from '../electron/db/connection';
import { migrate } from '../electron/db/migrate';
import { migrations } from '../electron/db/migrations';
import { seededRandom } from '../tests/fixtures/seeded-random';

const root = path.resolve(import.meta.dirname, '..');
/** Its own out dir: out/renderer belongs to the app's build, out/bench-quick-ready to quick-ready. */
export const outDir = path.join(root, 'out', 'bench-cold-start');

export const CONVERSATIONS = 10_000;
const MESSAGES_EACH = 4;
const GENERATOR_VERSION = 1;

/** Builds the renderer with the app's own Vite config into out/bench-cold-start. */
export async function buildRenderer(): Promise<void> {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'renderer'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * A database at the latest schema with 10,000 conversations of a few short messages each, generated once and
 * then reused from os.tmpdir(), keyed by the migrations' text so a schema change regenerates it. Inserted
 * through the schema's own triggers: at 40,000 short messages that takes seconds, not minutes.
 */
export function ensureColdStartDatabase(log: (line: string) => void): { file: string; generatedMs: number | null } {
  const schema = createHash('sha256').update(migrations.map((m) => m.up).join('\n')).update(String(PAGE_SIZE)).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `parley-bench-cold-start-c${CONVERSATIONS}-m${MESSAGES_EACH}-${schema}-g${GENERATOR_VERSION}.sqlite`);
  if (existsSync(file)) return { file, generatedMs: null };
  const partial = `${file}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  log(`  cold-start: generating ${CONVERSATIONS.toLocaleString('en')} conversations into ${file}`);
  const t0 = performance.now();
  const random = seededRandom(20261126);
  const words = ['plan', 'budget', 'trip', 'recipe', 'bug', 'query', 'essay', 'garden', 'invoice', 'lesson', 'sketch', 'review', 'draft', 'route', 'script'];
  const phrase = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!).join(' ');
  const db = new Database(partial);
  try {
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    const insertConversation = db.prepare(
      `INSERT INTO conversations (id, title, model, provider_id, origin, created_at, updated_at) VALUES (?, ?, 'gpt-4o-mini', 'openai', 'chat', ?, ?)`,
    );
    const insertMessage = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'complete', 'gpt-4o-mini', ?, ?)`,
    );
    // Two years of history, one conversation every ~1.75 hours, so every date group of the list is filled.
    const end = Date.now();
    const step = (2 * 365 * 24 * 3600 * 1000) / CONVERSATIONS;
    db.transaction(() => {
      for (let c = 0; c < CONVERSATIONS; c++) {
        const id = `conv-${String(c).padStart(5, '0')}`;
        const at = Math.round(end - (CONVERSATIONS - c) * step);
        insertConversation.run(id, `${phrase(3)} ${c}`, at, at + MESSAGES_EACH * 1000);
        let parent: string | null = null;
        for (let m = 0; m < MESSAGES_EACH; m++) {
          const mid = `${id}-m${m}`;
          const user = m % 2 === 0;
          insertMessage.run(mid, id, parent, user ? 'user' : 'assistant', user ? `${phrase(8)}?` : `${phrase(60)}.`, at + m * 1000, at + m * 1000);
          parent = mid;
        }
      }
    })();
    db.pragma('journal_mode = WAL');
    db.close();
    renameSync(partial, file);
    return { file, generatedMs: performance.now() - t0 };
  } catch (err) {
    if (db.open) db.close();
    rmSync(partial, { force: true });
    throw err;
  }
}

/** A fresh data folder holding a copy of `file` as its parley.sqlite (or nothing, for an empty start). */
export function dataDirWith(file: string | null): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-cold-'));
  mkdirSync(dir, { recursive: true });
  if (file) copyFileSync(file, path.join(dir, 'parley.sqlite'));
  return dir;
}
