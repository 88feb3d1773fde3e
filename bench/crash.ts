import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultStreamTimings } from '../electron/services/chat/answer-stream';
import { allowedLossMs, runCrashCycles } from '../tests/fixtures/crash-cycles';
import { startFakeOpenAI } from '../tests/fixtures/fake-openai-server';
import { fmt, type Scenario } from './report';
import { max, median, percentile } from './stats';

/** 200 by the issue; PARLEY_CRASH_KILLS runs fewer (or more) when trying the scenario out. */
const KILLS = Number(process.env.PARLEY_CRASH_KILLS ?? 200);

export const crash: Scenario = {
  name: 'crash',
  description: `${KILLS} SIGKILLs of a backend in a child process at random moments (a fifth during start-up, the rest mid-answer), each followed by checks and a restart`,
  async run(log) {
    const fake = await startFakeOpenAI();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-crash-'));
    try {
      const cycles = await runCrashCycles({ fake, dataDir, kills: KILLS, log: (line) => log(`  crash: ${line}`) });
      const answers = cycles.flatMap((c) => (c.answer ? [{ ...c.answer, finished: c.reached.includes('done') }] : []));
      const cut = answers.filter((a) => !a.finished);
      const integrityFailures = cycles.filter((c) => c.integrity !== 'ok').length;
      const ftsFailures = cycles.filter((c) => !c.ftsConsistent).length;
      const conversationsLost = new Set(cycles.flatMap((c) => c.missingConversations)).size;
      const notPrefix = answers.filter((a) => !a.storedIsPrefix).length;
      const notInterrupted = cut.filter((a) => a.statusAfterRestart !== 'interrupted').length;
      const notContinued = cut.filter((a) => a.stored !== '' && a.continued !== true).length;
      const losses = answers.map((a) => a.lossMs);
      const worstLossMs = max(losses);
      const worst = answers.find((a) => a.lossMs === worstLossMs);
      const received = answers.map((a) => a.receivedLossMs);
      const worstReceivedLossMs = max(received);
      const inMemoryWorstMs = max(answers.map((a) => a.streamedMs));
      const flushMs = defaultStreamTimings.flushIntervalMs;
      const zero = (metric: string, label: string, value: number, detail?: string) => ({
        metric,
        label,
        value,
        op: '==' as const,
        limit: 0,
        unit: '',
        ...(detail ? { detail } : {}),
      });
      return {
        metrics: {
          kills: cycles.length,
          answersCut: cut.length,
          integrityFailures,
          ftsFailures,
          conversationsLost,
          answersNotPrefix: notPrefix,
          answersNotInterrupted: notInterrupted,
          answersNotContinued: notContinued,
          worstLossMs,
          p95LossMs: percentile(losses, 95),
          medianLossMs: median(losses),
          worstReceivedLossMs,
          p95ReceivedLossMs: percentile(received, 95),
          worstLostChars: max(answers.map((a) => a.lostChars)),
          worstLossVsFlushInterval: worstLossMs / flushMs,
        },
        baseline: { inMemoryWorstLossMs: inMemoryWorstMs },
        checks: [
          zero('integrityFailures', 'integrity_check failures', integrityFailures, `${cycles.length} kills, ${cut.length} mid-answer; the search index disagreed ${ftsFailures} time(s) after a restart`),
          zero('conversationsLost', 'conversations lost', conversationsLost, `${new Set(cycles.flatMap((c) => c.reached)).size} kinds of step reached before a kill`),
          {
            metric: 'worstLossMs',
            label: "worst loss, by the server's clock",
            value: worstLossMs,
            op: '<=' as const,
            limit: allowedLossMs,
            unit: 'ms',
            baseline: { label: 'answer kept in memory until it ends, worst', value: inMemoryWorstMs },
            ratio: { value: worstLossMs / flushMs, reads: `worst loss ÷ the ${flushMs} ms flush interval` },
            detail:
              `p50 ${fmt(median(losses))} ms · p95 ${fmt(percentile(losses, 95))} ms · worst ${worst ? `${worst.lostChars} chars where the server wrote ${worst.flushIntervalChars} in the last flush interval` : 'n/a'}` +
              ` · limit = flush interval ${flushMs} ms + coalescing window ${defaultStreamTimings.coalesceIntervalMs} ms, measured by the server's clock`,
          },
          {
            metric: 'worstReceivedLossMs',
            label: 'worst loss, as the app received the text',
            value: worstReceivedLossMs,
            op: '<=' as const,
            limit: allowedLossMs,
            unit: 'ms',
            baseline: { label: 'answer kept in memory until it ends, worst (server clock)', value: inMemoryWorstMs },
            ratio: { value: worstReceivedLossMs / flushMs, reads: `worst loss ÷ the ${flushMs} ms flush interval` },
            detail: `p50 ${fmt(median(received))} ms · p95 ${fmt(percentile(received, 95))} ms · from the moment the first unstored text reached the window (a chat:delta in the child) to the kill`,
          },
          zero('answersNotInterrupted', 'cut answers not interrupted after restart', notInterrupted),
          zero('answersNotContinued', 'cut answers that would not continue', notContinued, `stored text not a prefix of what was sent: ${notPrefix}`),
        ],
        notes: [
          "The loss by the server's clock is the time between the first piece it wrote that is not stored and the kill: it includes the time the piece spent in the socket and waiting for a busy event loop, so on a loaded machine it can exceed the flush interval by that much. The loss as received starts when that text reached the app.",
          'Each kill is followed by integrity_check on the database as the child left it, a start of the backend in this process (which marks the answer interrupted), a chat:continue, and FTS5\'s own integrity check.',
        ],
      };
    } finally {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
