import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/db/connection';
import { createConversationOptionsRepository } from '../electron/db/conversation-options-repository';
import { createConversationRepository } from '../electron/db/conversation-repository';
import { createMessageRepository } from '../electron/db/message-repository';
import { createSettingsRepository } from '../electron/db/settings-repository';
import { createRequestContext } from '../electron/services/chat/request-context';
import { createTokenCounter, type TokenCounter } from '../electron/services/chat/token-counter';
import { createChatDefaults } from '../electron/services/settings/chat-defaults';
import { createProviderSettings } from '../electron/services/settings/provider-settings';
import { fmt, type Scenario } from './report';
import { median, percentile } from './stats';

/** A long conversation of 400 messages, about 350k tokens, that gpt-4.1's window holds whole. */
const MESSAGES = 400;
const KEYSTROKES = 60;
const BASELINE_RUNS = 3;

/** Varied text from a seeded generator: repeated words would let the tokenizer's own merge cache flatter the baseline. */
function paragraph(i: number): string {
  let seed = (i + 1) * 2654435761;
  const next = () => (seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0);
  const syllables = ['ka', 'lo', 'mi', 'ter', 'vos', 'un', 'dra', 'pe', 'sil', 'no', 'ba', 'qui', 'zen', 'or', 'fa', 'ly'];
  const words: string[] = [];
  for (let w = 0; w < 420; w++) {
    let word = '';
    for (let k = 0; k < 1 + (next() % 4); k++) word += syllables[next() % syllables.length];
    words.push(word);
  }
  return `${words.join(' ')} (${i})`;
}

/**
 * The composer asks main for an estimate after each pause in typing. With
 * counts remembered per message, only the draft is tokenized each time; the
 * baseline tokenizes the whole conversation on every call, as a counter
 * without memory would.
 */
export const estimate: Scenario = {
  name: 'estimate',
  description: 'chat:estimate on a 400-message conversation while typing, against counting everything each time',
  async run(log) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-estimate-'));
    const { db } = openDatabase(path.join(dir, 'bench.sqlite'));
    try {
      const conversations = createConversationRepository(db);
      const messages = createMessageRepository(db);
      const settings = createSettingsRepository(db);
      const conversationId = randomUUID();
      conversations.create({ id: conversationId, title: 'Bench', providerId: 'openai', model: 'gpt-4.1', origin: 'chat', now: 1 });
      let parentId: string | null = null;
      messages.transaction(() => {
        for (let i = 0; i < MESSAGES; i++) {
          const id = randomUUID();
          messages.insert({ id, conversationId, parentId, role: i % 2 ? 'assistant' : 'user', content: paragraph(i), status: 'complete', model: null, now: 2 + i });
          parentId = id;
        }
      });
      const contextWith = (counter: TokenCounter) =>
        createRequestContext({
          options: createConversationOptionsRepository(db),
          defaults: createChatDefaults(settings),
          provider: createProviderSettings(settings),
          messages,
          counter,
        });

      const counter = createTokenCounter();
      const ours = contextWith(counter);
      const draft = 'How does the window decide what to send when the conversation grows past it';
      let t0 = performance.now();
      const first = await ours.estimate({ conversationId, content: draft.slice(0, 5) });
      const firstMs = performance.now() - t0;
      log(`first estimate (tokenizer load + all ${MESSAGES} messages): ${fmt(firstMs)} ms, ${first.promptTokens} tokens`);

      const warm: number[] = [];
      for (let k = 0; k < KEYSTROKES; k++) {
        t0 = performance.now();
        await ours.estimate({ conversationId, content: draft.slice(0, 6 + (k % (draft.length - 6))) });
        warm.push(performance.now() - t0);
      }
      const tokenizedPerEstimate = (counter.stats.tokenized - MESSAGES - 1) / KEYSTROKES;

      const cold: number[] = [];
      for (let r = 0; r < BASELINE_RUNS; r++) {
        const fresh = createTokenCounter();
        await fresh.load('o200k_base');
        t0 = performance.now();
        await contextWith(fresh).estimate({ conversationId, content: draft });
        cold.push(performance.now() - t0);
      }
      const oursP95 = percentile(warm, 95);
      const baseline = median(cold);
      return {
        metrics: { firstEstimateMs: firstMs, estimateP50Ms: median(warm), estimateP95Ms: oursP95, promptTokens: first.promptTokens, tokenizedPerEstimate },
        baseline: { countEverythingMs: baseline },
        checks: [
          {
            metric: 'estimateP50Ms',
            label: `estimate while typing, median of ${KEYSTROKES}`,
            value: median(warm),
            op: '<=',
            limit: 25,
            unit: 'ms',
            baseline: { label: 'counting every message each time (median)', value: baseline },
            ratio: { value: baseline / median(warm), reads: 'baseline/ours' },
            detail: `p95 ${fmt(oursP95)} ms (this machine is shared, so the tail is noisy); the first estimate, which loads the tokenizer and counts the conversation once, took ${fmt(firstMs)} ms`,
          },
          {
            metric: 'tokenizedPerEstimate',
            label: 'texts tokenized per estimate once warm',
            value: tokenizedPerEstimate,
            op: '<=',
            limit: 1,
            unit: '',
            detail: 'only the draft: every message count comes from memory',
          },
        ],
        notes: [`${MESSAGES} messages, ${first.promptTokens} prompt tokens, gpt-4.1 (o200k_base), SQLite file in a temp dir; the estimate reads the conversation from SQLite each time, as chat:estimate does.`],
      };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
