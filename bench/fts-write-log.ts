import type Database from 'better-sqlite3';

/**
 * Counts the writes the schema's own triggers make to the FTS index.
 *
 * `total_changes()` cannot be used on its own: FTS5 writes its shadow tables
 * with statements of its own, and those count too (about 6 row changes for one
 * FTS insert here). So, for every trigger in the schema that writes
 * `messages_fts`, a TEMP trigger is added with the same event and the same
 * WHEN clause, copied from sqlite_master, whose body logs one row per FTS
 * statement it mirrors. The log triggers are dropped afterwards; timed runs
 * never have them.
 */
export interface FtsWrite {
  trigger: string;
  kind: 'index' | 'unindex';
  messageRowid: number;
}

export function withFtsWriteLog<T>(db: Database.Database, fn: () => T): { result: T; writes: FtsWrite[] } {
  const triggers = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%messages_fts%'")
    .all();
  if (triggers.length === 0) throw new Error('no trigger writes messages_fts: the schema changed, update bench/fts-write-log.ts');
  db.exec('CREATE TEMP TABLE bench_fts_writes (trigger TEXT NOT NULL, kind TEXT NOT NULL, message_rowid INTEGER NOT NULL)');
  const created: string[] = [];
  try {
    for (const t of triggers) {
      const m = /^CREATE\s+TRIGGER\s+\S+\s+([\s\S]*?)\s+BEGIN\s+([\s\S]*)\bEND\s*;?\s*$/i.exec(t.sql.trim());
      if (!m) throw new Error(`cannot read trigger ${t.name}: ${t.sql}`);
      const head = m[1]!.replace(/\bON\s+messages\b/i, 'ON main.messages');
      const rowid = /\bINSERT\s+ON\b/i.test(head) ? 'new.rowid' : 'old.rowid';
      const logs = m[2]!
        .split(';')
        .filter((stmt) => /INSERT\s+INTO\s+messages_fts\b/i.test(stmt))
        .map((stmt) => {
          const kind = /'delete'/i.test(stmt) ? 'unindex' : 'index';
          return `INSERT INTO temp.bench_fts_writes (trigger, kind, message_rowid) VALUES ('${t.name}', '${kind}', ${rowid});`;
        });
      const name = `bench_log_${t.name}`;
      db.exec(`CREATE TEMP TRIGGER ${name} ${head} BEGIN ${logs.join(' ')} END`);
      created.push(name);
    }
    const result = fn();
    const writes = db
      .prepare<[], { trigger: string; kind: FtsWrite['kind']; message_rowid: number }>('SELECT trigger, kind, message_rowid FROM temp.bench_fts_writes ORDER BY rowid')
      .all()
      .map((w) => ({ trigger: w.trigger, kind: w.kind, messageRowid: w.message_rowid }));
    return { result, writes };
  } finally {
    for (const name of created) db.exec(`DROP TRIGGER temp.${name}`);
    db.exec('DROP TABLE temp.bench_fts_writes');
  }
}
