import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanTitle } from '../../electron/services/chat/title-writer';
import { estimateCostUsd } from '../../shared/model-catalogue';
import { localDay } from '../../shared/usage';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend, type TestBackend } from '../fixtures/test-backend';

const model = useFakeOpenAI();
let b: TestBackend;
beforeEach(() => {
  model.setScenario({ kind: 'echo' });
  model.setCompletionReply(null);
  model.completions.length = 0;
  b = makeBackend({ baseUrl: model.baseUrl });
});
afterEach(closeAllBackends);

const titleOf = async (id: string) => (await b.value('conversations:list', {})).find((c) => c.id === id)!.title;

describe('the automatic title', () => {
  it('is written by the model after the first answer, with one short non-streamed request', async () => {
    model.setCompletionReply('"Lisbon in three days."');
    const c = await b.newConversation();
    const { assistantMessage } = await b.send(c.id, 'Plan a three-day trip to Lisbon for me, with food tips');
    expect(await titleOf(c.id)).toBe('Plan a three-day trip to Lisbon for me, with food tips');
    await b.waitForDone(assistantMessage.id);
    await expect.poll(() => titleOf(c.id)).toBe('Lisbon in three days');
    expect(b.events.some((e) => e.event === 'conversations:changed' && e.payload.conversation.title === 'Lisbon in three days')).toBe(true);

    const request = model.completions.at(-1)!.body;
    expect(request.stream).toBeUndefined();
    expect(request.max_tokens).toBe(24);
    expect(request.messages!.at(-1)!.content).toContain('Plan a three-day trip');
    expect(request.messages!.at(-1)!.content).toContain('You said:');
  });

  it('is counted in usage like any request: its tokens and cost, not its time', async () => {
    model.setCompletionReply('Counted title');
    const c = await b.newConversation();
    const { assistantMessage } = await b.send(c.id, 'Count the title too');
    const answer = await b.waitForDone(assistantMessage.id);
    await expect.poll(() => titleOf(c.id)).toBe('Counted title');
    const day = localDay(Date.now());
    const summary = await b.value('usage:summary', { from: day, to: day });
    // The fake server reports 20 + 5 tokens for every non-streamed completion.
    expect(summary.totals).toMatchObject({ requests: 2, promptTokens: answer.usage!.promptTokens + 20, completionTokens: answer.usage!.completionTokens + 5 });
    expect(summary.totals.costUsd).toBeCloseTo(answer.costUsd! + estimateCostUsd(answer.model!, 20, 5)!, 12);
    expect(summary.byConversation).toEqual([expect.objectContaining({ key: c.id, requests: 2 })]);
    // The answer's time alone: a title is not an answer to wait for.
    expect(summary.totalMs.p50).toBe(answer.totalMs);
  });

  it('is not asked for once the answer has spent the budget: nobody asked for that request', async () => {
    await b.value('settings:setPrices', { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 1000, outputPerMillion: 1000 }] });
    await b.value('settings:setBudgets', { dailyUsd: 0.001, monthlyUsd: null });
    const c = await b.newConversation();
    await b.waitForDone((await b.send(c.id, 'Spend it all')).assistantMessage.id);
    expect(await b.value('usage:status', {})).toMatchObject({ level: 'exceeded' });
    await new Promise((r) => setTimeout(r, 200));
    expect(model.completions).toHaveLength(0);
    expect(await titleOf(c.id)).toBe('Spend it all');
  });

  it('is asked for once: later answers leave the title alone', async () => {
    const c = await b.newConversation();
    await b.waitForDone((await b.send(c.id, 'First question')).assistantMessage.id);
    await expect.poll(() => model.completions.length).toBe(1);
    model.setCompletionReply('Something else entirely');
    await b.waitForDone((await b.send(c.id, 'Second question')).assistantMessage.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(model.completions).toHaveLength(1);
    expect(await titleOf(c.id)).toBe('First question');
  });

  it('never overwrites a title the person chose', async () => {
    model.setScenario({ kind: 'stream', chunks: ['slow ', 'answer'], delayMs: 150 });
    model.setCompletionReply('Model title');
    const c = await b.newConversation();
    const { assistantMessage } = await b.send(c.id, 'Name me');
    await b.value('conversations:rename', { id: c.id, title: 'My own name' });
    await b.waitForDone(assistantMessage.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(model.completions).toHaveLength(0);
    expect(await titleOf(c.id)).toBe('My own name');
  });

  it('keeps the first-line title when the model gives nothing usable, or the answer failed', async () => {
    model.setCompletionReply('   ');
    const c = await b.newConversation();
    await b.waitForDone((await b.send(c.id, 'Keep this title')).assistantMessage.id);
    await expect.poll(() => model.completions.length).toBe(1);
    expect(await titleOf(c.id)).toBe('Keep this title');

    model.setScenario({ kind: 'status', status: 500 });
    const d = await b.newConversation();
    await b.waitForDone((await b.send(d.id, 'This one fails')).assistantMessage.id);
    expect(model.completions).toHaveLength(1);
    expect(await titleOf(d.id)).toBe('This one fails');
  });
});

describe('cleaning what the model wrote', () => {
  it('keeps one line without quotes, a "Title:" prefix or a final full stop', () => {
    expect(cleanTitle('"Sourdough rescue."')).toBe('Sourdough rescue');
    expect(cleanTitle('Title: Fixing a race\nbecause...')).toBe('Fixing a race');
    expect(cleanTitle('**Bold idea**')).toBe('Bold idea');
    expect(cleanTitle('')).toBeNull();
    expect(cleanTitle('x'.repeat(100))).toHaveLength(60);
  });
});
