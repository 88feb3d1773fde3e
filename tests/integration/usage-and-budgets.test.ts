import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDay } from '../../shared/usage';
import type { RecordedRequest } from '../fixtures/fake-openai-server';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend, type TestBackend } from '../fixtures/test-backend';

const fake = useFakeOpenAI({ kind: 'echo' });
// A conversation's first answer is followed by a title request, counted like any other (automatic-title.test.ts).
// Here it fails, unbilled, so that the figures are the answers' alone.
beforeEach(() => fake.setCompletionHandler(() => ({ status: 503 })));
afterEach(() => fake.setCompletionHandler(null));
afterEach(closeAllBackends);

const today = () => localDay(Date.now());

/** How OpenAI bills a chat prompt: each message's tokens plus 3 for its framing and 1 for its role, and 3 to prime the reply. */
const o200k = createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as { countTokens(text: string): number };
function billedPromptTokens(request: RecordedRequest): number {
  return (request.body.messages ?? []).reduce((sum, m) => sum + 3 + o200k.countTokens(m.role) + o200k.countTokens(m.content), 3);
}

async function ask(tb: TestBackend, conversationId: string, content: string, overrideBudget?: boolean) {
  const { assistantMessage } = await tb.value('chat:send', { conversationId, content, ...(overrideBudget ? { overrideBudget } : {}) });
  return tb.waitForDone(assistantMessage.id);
}

/** Every answer has 100 prompt and 100 answer tokens, billed at $1,000 per million each: $0.20 a request. */
async function twentyCentRequests(tb: TestBackend): Promise<string> {
  fake.setScenario({ kind: 'stream', chunks: ['Fine.'], usage: { prompt_tokens: 100, completion_tokens: 100 } });
  await tb.value('settings:setPrices', { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 1000, outputPerMillion: 1000 }] });
  return (await tb.newConversation()).id;
}

describe('tokens and cost', () => {
  it('stores the usage the provider reported and its cost at list price, on the message and per request', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['Hello ', 'there.'], usage: { prompt_tokens: 1_000, completion_tokens: 500 } });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    const answer = await ask(tb, id, 'Hi');
    const listCost = (1_000 * 0.15 + 500 * 0.6) / 1_000_000;
    expect(answer.usage).toEqual({ promptTokens: 1_000, completionTokens: 500 });
    expect(answer.costUsd).toBeCloseTo(listCost, 12);

    const summary = await tb.value('usage:summary', { from: today(), to: today() });
    expect(summary.totals).toMatchObject({ requests: 1, errors: 0, promptTokens: 1_000, completionTokens: 500, estimatedRequests: 0 });
    expect(summary.totals.costUsd).toBeCloseTo(listCost, 12);
    expect(summary.byConversation).toEqual([expect.objectContaining({ key: id, requests: 1 })]);
    expect(summary.byModel[0]).toMatchObject({ label: 'gpt-4o-mini', provider: 'OpenAI', requests: 1 });
  });

  it('counts the tokens itself when the provider sends no usage, and marks them estimated', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['Counted ', 'by ', 'Parley.'], usage: null });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    const answer = await ask(tb, id, 'Say something short');
    expect(answer.usage).toMatchObject({ estimated: true });
    expect(answer.usage!.promptTokens).toBe(billedPromptTokens(fake.requests.at(-1)!));
    expect(answer.usage!.completionTokens).toBe(o200k.countTokens('Counted by Parley.'));
    expect(answer.costUsd).toBeGreaterThan(0);
    // Read back from the database, not just the event.
    const stored = (await tb.value('messages:list', { conversationId: id })).find((m) => m.id === answer.id)!;
    expect(stored.usage).toMatchObject({ estimated: true });

    const summary = await tb.value('usage:summary', { from: today(), to: today() });
    expect(summary.totals).toMatchObject({ requests: 1, estimatedRequests: 1 });
  });

  it('estimates a request within 10 % of the tokens the server bills, before sending and when the server reports none', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const { id } = await tb.newConversation();
    await tb.value('conversations:setOptions', { id, systemPrompt: 'You are a careful assistant. Answer in plain English.' });
    const billed: number[] = [];
    // A server that bills what it was sent, counted the way OpenAI counts.
    fake.setScenarioHandler((request) => {
      billed.push(billedPromptTokens(request));
      return { kind: 'stream', chunks: ['Paris ', 'is ', 'the ', 'capital ', 'of ', 'France.'], usage: { prompt_tokens: billed.at(-1)!, completion_tokens: 7 } };
    });
    try {
      const questions = ['What is the capital of France?', 'And of Japan — and why did it move there from Kyoto in 1869?', 'Naïve café prices: €3.50 vs ¥400, which is cheaper? 🤔'];
      for (const q of questions) {
        const estimate = await tb.value('chat:estimate', { conversationId: id, content: q });
        const answer = await ask(tb, id, q);
        expect(answer.usage!.promptTokens).toBe(billed.at(-1));
        expect(Math.abs(estimate.promptTokens - billed.at(-1)!) / billed.at(-1)!).toBeLessThanOrEqual(0.1);
      }
      // The same conversation against a server that reports nothing: Parley's own count stands in, within 10 %.
      fake.setScenarioHandler((request) => {
        billed.push(billedPromptTokens(request));
        return { kind: 'stream', chunks: ['Counted.'], usage: null };
      });
      const unreported = await ask(tb, id, 'One more question, please.');
      expect(unreported.usage!.estimated).toBe(true);
      expect(Math.abs(unreported.usage!.promptTokens - billed.at(-1)!) / billed.at(-1)!).toBeLessThanOrEqual(0.1);
    } finally {
      fake.setScenarioHandler(null);
    }
  });

  it('uses the price the person set, for the composer’s estimate and for what is spent', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const prices = await tb.value('settings:setPrices', { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 3, outputPerMillion: 6 }, { model: 'my-local-model', inputPerMillion: 0, outputPerMillion: 0 }] });
    expect(prices.prices.find((p) => p.model === 'gpt-4o-mini')).toMatchObject({ inputPerMillion: 3, outputPerMillion: 6, listInputPerMillion: 0.15, edited: true });
    expect(prices.prices.find((p) => p.model === 'my-local-model')).toMatchObject({ listInputPerMillion: null, edited: true });
    expect(prices.prices.find((p) => p.model === 'gpt-4o')).toMatchObject({ inputPerMillion: 2.5, edited: false });

    const { id } = await tb.newConversation();
    const estimate = await tb.value('chat:estimate', { conversationId: id, content: 'How much?' });
    expect(estimate.estimatedCostUsd).toBeCloseTo((estimate.promptTokens * 3) / 1_000_000, 12);
    fake.setScenario({ kind: 'stream', chunks: ['Ok.'], usage: { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 } });
    expect((await ask(tb, id, 'How much?')).costUsd).toBeCloseTo(9, 9);

    // Back to the list: a model left out of the overrides follows the catalogue again; the stored cost stays as billed.
    await tb.value('settings:setPrices', { overrides: [] });
    expect((await tb.value('settings:getPrices', {})).prices.every((p) => !p.edited)).toBe(true);
    expect((await tb.value('usage:summary', { from: today(), to: today() })).totals.costUsd).toBeCloseTo(9, 9);
  });
});

describe('a dropped file’s explanation', () => {
  it('is priced at the person’s prices, under the answer as on the dashboard', async () => {
    fake.setScenario({ kind: 'stream', chunks: ['It greets.'], usage: { prompt_tokens: 1_000, completion_tokens: 1_000 } });
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    await tb.value('settings:setPrices', { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 1000, outputPerMillion: 1000 }] });
    const source = { kind: 'bytes' as const, name: 'greet.py', base64: Buffer.from('print("hello")\n').toString('base64') };
    const started = await tb.value('files:explain', { fileId: (await tb.value('files:prepare', { source })).fileId });
    const answer = await tb.waitForDone(started.assistantMessage.id);
    expect(answer).toMatchObject({ status: 'complete', model: 'gpt-4o-mini', usage: { promptTokens: 1_000, completionTokens: 1_000 } });
    expect(answer.costUsd).toBeCloseTo(2, 9);
    expect((await tb.value('usage:summary', { from: today(), to: today() })).totals.costUsd).toBeCloseTo(2, 9);
  });
});

describe('budgets', () => {
  it('warns from 80 % of the day’s budget, stops at 100 %, lets one request through when asked, then stops again', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const id = await twentyCentRequests(tb);
    await tb.value('settings:setBudgets', { dailyUsd: 0.5, monthlyUsd: null });

    await ask(tb, id, 'one');
    expect(await tb.value('usage:status', {})).toMatchObject({ level: 'ok', period: null });
    await ask(tb, id, 'two');
    const warned = await tb.value('usage:status', {});
    expect(warned).toMatchObject({ level: 'warning', period: 'day' });
    expect(warned.spentTodayUsd).toBeCloseTo(0.4, 9);
    await ask(tb, id, 'three'); // 80 % only warns: this one is sent
    expect(await tb.value('usage:status', {})).toMatchObject({ level: 'exceeded', period: 'day' });

    const requestsBefore = fake.requests.length;
    const refused = await tb.call('chat:send', { conversationId: id, content: 'four' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Today’s budget of \$0\.50 is spent \(\$0\.60 so far\)/);
    expect(fake.requests.length).toBe(requestsBefore);
    // Nothing was written for the refused question: the box keeps the text, the conversation stays as it was.
    expect((await tb.value('messages:list', { conversationId: id })).filter((m) => m.content === 'four')).toEqual([]);

    const overridden = await ask(tb, id, 'four', true);
    expect(overridden.status).toBe('complete');
    expect(fake.requests.length).toBe(requestsBefore + 1);

    expect(await tb.call('chat:send', { conversationId: id, content: 'five' })).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
    expect(await tb.call('chat:regenerate', { messageId: overridden.id })).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
    expect(fake.requests.length).toBe(requestsBefore + 1);

    // Raising the budget lets sending go on.
    await tb.value('settings:setBudgets', { dailyUsd: 5, monthlyUsd: null });
    expect((await ask(tb, id, 'five')).status).toBe('complete');
  });

  it('stops at the month’s budget too, and counts a deleted conversation’s spending', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const id = await twentyCentRequests(tb);
    await ask(tb, id, 'one');
    await ask(tb, id, 'two');
    await tb.value('conversations:delete', { id });
    await tb.value('settings:setBudgets', { dailyUsd: null, monthlyUsd: 0.4 });
    const status = await tb.value('usage:status', {});
    expect(status).toMatchObject({ level: 'exceeded', period: 'month' });
    expect(status.spentThisMonthUsd).toBeCloseTo(0.4, 9);
    const other = await tb.newConversation();
    const refused = await tb.call('chat:send', { conversationId: other.id, content: 'more' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
    if (!refused.ok) expect(refused.error.message).toContain('This month’s budget of $0.40');
  });

  it('keeps the budgets across a restart', async () => {
    const first = makeBackend({ baseUrl: fake.baseUrl });
    await first.value('settings:setBudgets', { dailyUsd: 1.5, monthlyUsd: 30 });
    await first.value('settings:setPrices', { overrides: [{ model: 'gpt-4o', inputPerMillion: 1, outputPerMillion: 2 }] });
    const dataDir = first.dataDir;
    await first.backend.close();
    const again = makeBackend({ baseUrl: fake.baseUrl, dataDir });
    expect(await again.value('settings:getBudgets', {})).toEqual({ dailyUsd: 1.5, monthlyUsd: 30 });
    expect((await again.value('settings:getPrices', {})).prices.find((p) => p.model === 'gpt-4o')).toMatchObject({ inputPerMillion: 1, edited: true });
  });
});

describe('the dashboard’s figures', () => {
  it('counts requests, errors by kind, times and speed for the day, and exports them as CSV', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    const id = await twentyCentRequests(tb);
    fake.setScenario({ kind: 'stream', chunks: ['a ', 'b ', 'c ', 'd.'], delayMs: 20, usage: { prompt_tokens: 100, completion_tokens: 100 } });
    await ask(tb, id, 'first');
    await ask(tb, id, 'second');
    fake.setScenario({ kind: 'status', status: 401 });
    const failed = await ask(tb, id, 'third');
    expect(failed.status).toBe('error');

    const day = today();
    const summary = await tb.value('usage:summary', { from: day, to: day });
    expect(summary.totals).toMatchObject({ requests: 3, errors: 1, promptTokens: 200, completionTokens: 200 });
    expect(summary.totals.costUsd).toBeCloseTo(0.4, 9);
    expect(summary.days).toEqual([expect.objectContaining({ day, requests: 3, errors: 1 })]);
    expect(summary.months).toEqual([expect.objectContaining({ month: day.slice(0, 7), requests: 3 })]);
    expect(summary.errors).toEqual([{ code: 'INVALID_KEY', count: 1 }]);
    expect(summary.ttftMs.p50).toBeGreaterThan(0);
    expect(summary.totalMs.p99).toBeGreaterThanOrEqual(summary.totalMs.p50!);
    expect(summary.tokensPerSecond.p50).toBeGreaterThan(0);
    expect(summary.byProvider).toEqual([expect.objectContaining({ key: 'openai', label: 'OpenAI', requests: 3, errors: 1 })]);

    const csv = await tb.value('usage:exportCsv', { from: day, to: day });
    expect(csv).toMatchObject({ mimeType: 'text/csv', fileName: `Parley usage ${day} to ${day}.csv` });
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,day,provider,model,conversation,status,error_code,prompt_tokens,completion_tokens,tokens_estimated,cost_usd,ttft_ms,total_ms');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^,]+,${day},OpenAI,gpt-4o-mini,first,complete,,100,100,false,0\\.2,\\d+,\\d+$`));
    expect(lines[3]).toMatch(/,gpt-4o-mini,first,error,INVALID_KEY,0,0,false,0,,\d+$/);

    // A range with no requests yet: every day there, zeros.
    const empty = await tb.value('usage:summary', { from: '2025-01-30', to: '2025-02-02' });
    expect(empty.days.map((d) => [d.day, d.requests])).toEqual([['2025-01-30', 0], ['2025-01-31', 0], ['2025-02-01', 0], ['2025-02-02', 0]]);
    expect(empty.months.map((m) => m.month)).toEqual(['2025-01', '2025-02']);
  });
});

describe('explaining a dropped file', () => {
  it('counts towards the day’s spending and the dashboard like a chat answer, and is stopped by a spent budget', async () => {
    const tb = makeBackend({ baseUrl: fake.baseUrl });
    await twentyCentRequests(tb);
    const source = { kind: 'bytes' as const, name: 'notes.txt', base64: Buffer.from('The quick brown fox jumps over the lazy dog.\n').toString('base64') };
    const prepared = await tb.value('files:prepare', { source });
    const started = await tb.value('files:explain', { fileId: prepared.fileId, confirm: true });
    const done = await tb.waitForDone(started.assistantMessage.id);
    expect(done.status).toBe('complete');

    const summary = await tb.value('usage:summary', { from: today(), to: today() });
    expect(summary.byConversation).toEqual([expect.objectContaining({ key: started.conversation.id, requests: 1 })]);
    expect(summary.totals.costUsd).toBeCloseTo(0.2, 9);

    await tb.value('settings:setBudgets', { dailyUsd: 0.2, monthlyUsd: null });
    const again = await tb.value('files:prepare', { source: { ...source, name: 'other.txt', base64: Buffer.from('Another file entirely.\n').toString('base64') } });
    expect(await tb.call('files:explain', { fileId: again.fileId, confirm: true })).toMatchObject({ ok: false, error: { code: 'BUDGET_EXCEEDED' } });
  });
});
