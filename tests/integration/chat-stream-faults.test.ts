import { afterEach, describe, expect, it } from 'vitest';
import { type Scenario } from '../fixtures/fake-openai-server';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';

const fake = useFakeOpenAI();
afterEach(closeAllBackends);

const chunks = ['Partial ', 'answer ', 'so far', ' and the rest', ' never sent'];
const partial = 'Partial answer so far';

/** Sends one question under `scenario` and returns the finished answer, as announced and as stored. */
async function answerUnder(scenario: Scenario) {
  fake.setScenario(scenario);
  const tb = makeBackend({ baseUrl: fake.baseUrl });
  const conversation = await tb.newConversation();
  const { assistantMessage } = await tb.send(conversation.id, 'Tell me');
  const started = Date.now();
  const done = await tb.waitForDone(assistantMessage.id);
  const elapsedMs = Date.now() - started;
  const stored = (await tb.value('messages:list', { conversationId: conversation.id })).find((m) => m.id === assistantMessage.id)!;
  return { done, stored, seen: tb.deltasOf(assistantMessage.id).join(''), elapsedMs };
}

describe('an answer cut short', () => {
  it('keeps the partial answer when the stream stalls, and calls it a timeout', async () => {
    const { done, stored, seen, elapsedMs } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'stall', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'TIMEOUT' } });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
    // idleTimeoutMs is 1 s in tests: the watchdog, not some longer default (90 s), ended it.
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('keeps the partial answer when the connection is reset mid-stream, and calls it a network problem', async () => {
    const { done, stored, seen } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'reset', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'NETWORK' } });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
  });

  it('never calls an answer complete when the body ends without a finish reason or [DONE]', async () => {
    const { done, stored, seen } = await answerUnder({ kind: 'stream', chunks: chunks.slice(0, 3), delayMs: 10, endWithoutFinish: true });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'INCOMPLETE' }, finishReason: null });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
  });

  it('keeps the partial answer when a chunk is malformed, and calls it a bad response', async () => {
    const { done, stored, seen } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'malformed', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'BAD_RESPONSE' } });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
  });

  it('keeps the partial answer when the server sends an error event, and calls it a server problem', async () => {
    const { done, stored } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'error-event', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'SERVER' } });
    expect(done.error?.message).toContain('upstream overloaded');
    expect(stored).toEqual(done);
  });

  it('fails with a timeout even when the stall comes before any text', async () => {
    const { done } = await answerUnder({ kind: 'stream', chunks, fault: { type: 'stall', afterChunks: 0 } });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'TIMEOUT' }, ttftMs: null });
  });

  it('completes a slow answer whose pauses stay under the idle timeout', async () => {
    const { done } = await answerUnder({ kind: 'stream', chunks, delayMs: 100 });
    expect(done).toMatchObject({ status: 'complete', content: chunks.join(''), error: null });
  });
});
