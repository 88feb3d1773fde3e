import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import type { Message } from '../../shared/domain';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { makeTestKey, trustedSender, type RecordedEvent } from '../fixtures/test-backend';

/**
 * A disk that really fills up: Parley's data folder on a 16 MB tmpfs, filled
 * by another file while an answer streams. database-faults.test.ts simulates
 * the same with max_page_count everywhere; this one needs the right to mount
 * (root, as on the CI machine) and says so when it cannot.
 */
const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'parley-tmpfs-'));
let mountProblem: string | null = null;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'pipe' });
} catch (err) {
  mountProblem = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  console.log(`[disk-full-tmpfs] skipped: cannot mount a tmpfs here (${mountProblem}); the max_page_count test in database-faults covers the same path`);
}

afterAll(() => {
  if (!mountProblem) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes zeros until the file system refuses: every byte left is taken. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

const fake = useFakeOpenAI();

describe.skipIf(mountProblem !== null)('a real disk (tmpfs) that fills up mid-answer', () => {
  it('ends the answer with DISK_FULL, keeps what was stored, and leaves the database intact', async () => {
    const dataDir = path.join(mountPoint, 'data');
    fake.setScenario({ kind: 'stream', chunks: Array.from({ length: 400 }, (_, i) => `piece ${i} ${'of a long answer '.repeat(60)}`), delayMs: 10 });
    const backend = createBackend({
      dataDir,
      secrets: createSessionSecretStore(),
      isTrustedSender: (s) => s === trustedSender,
      env: { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: makeTestKey() },
      timings: { idleTimeoutMs: 5000, connectTimeoutMs: 5000 },
      localProbeUrls: {},
    });
    const events: RecordedEvent[] = [];
    backend.subscribe((event, payload) => events.push({ event, payload } as RecordedEvent));
    const filler = path.join(mountPoint, 'filler');
    let answerId = '';
    try {
      const created = await backend.invoke('conversations:create', {}, trustedSender);
      if (!created.ok) throw new Error(created.error.message);
      const sent = await backend.invoke('chat:send', { conversationId: (created.value as { id: string }).id, content: 'Write at length' }, trustedSender);
      if (!sent.ok) throw new Error(sent.error.message);
      answerId = (sent.value as { assistantMessage: Message }).assistantMessage.id;
      await expect.poll(() => events.filter((e) => e.event === 'chat:delta').length, { timeout: 15_000 }).toBeGreaterThan(20);

      fillDisk(filler);

      await expect.poll(() => events.some((e) => e.event === 'chat:done'), { timeout: 20_000 }).toBe(true);
      const done = events.find((e) => e.event === 'chat:done')!.payload as { message: Message };
      const arrived = events.flatMap((e) => (e.event === 'chat:delta' ? [e.payload.text] : [])).join('');
      expect(done.message).toMatchObject({ id: answerId, status: 'error', error: { code: 'DISK_FULL' } });
      expect(done.message.error!.message).toMatch(/disk is full/);
      // Everything that reached the window is in the answer it ends with.
      expect(done.message.content).toBe(arrived);
    } finally {
      // Room again before closing, as a person freeing space would.
      rmSync(filler, { force: true });
      await backend.close();
    }

    const check = new Database(path.join(dataDir, 'parley.sqlite'));
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = check.prepare<[string], { content: string }>('SELECT content FROM messages WHERE id = ?').get(answerId)!;
      expect(stored.content.length).toBeGreaterThan(0);
    } finally {
      check.close();
    }
  });
});
