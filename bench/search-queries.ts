import type Database from 'better-sqlite3';

/** A word of the corpus and how many messages hold it. */
export interface QueryTerm {
  term: string;
  hits: number;
}

/** Hit counts the query set spans: from a word in a handful of messages to one in a third of them. */
export const HIT_BANDS = [3, 10, 100, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000];
const TERMS_PER_BAND = 4;

/**
 * Words whose message counts sit closest to each band, read from the index's
 * own vocabulary so the counts are exact. Picked the same way every run, so
 * runs on the same corpus time the same queries.
 */
export function pickTerms(db: Database.Database): QueryTerm[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, 'messages_fts', 'row')");
  try {
    const vocab = db.prepare<[], { term: string; doc: number }>('SELECT term, doc FROM temp.bench_vocab').all();
    const picked: QueryTerm[] = [];
    for (const band of HIT_BANDS) {
      const nearest = vocab
        .filter((v) => v.term.length >= 4 && !picked.some((p) => p.term === v.term))
        .sort((a, b) => Math.abs(Math.log(a.doc / band)) - Math.abs(Math.log(b.doc / band)) || (a.term < b.term ? -1 : 1))
        .slice(0, TERMS_PER_BAND);
      picked.push(...nearest.map((v) => ({ term: v.term, hits: v.doc })));
    }
    return picked;
  } finally {
    db.exec('DROP TABLE temp.bench_vocab');
  }
}

/** What a person types on the way to a word: every prefix from the first letter. */
export function asTyped(term: string): string[] {
  return Array.from({ length: term.length }, (_, i) => term.slice(0, i + 1));
}

/** Milliseconds for each run of `fn`, after one untimed run that warms the page cache and the statement. */
export function timeRuns<T>(runs: number, fn: () => T): { ms: number[]; result: T } {
  let result = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ms, result };
}

export function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((a, v) => a + Math.log(v), 0) / values.length);
}
