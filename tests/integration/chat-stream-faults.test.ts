import { afterEach, describe, expect, it } from 'vitest';
import { type Scenario } from '../fixtures/fake-openai-server';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { closeAllBackends, makeBackend } from '../fixtures/test-backend';
import type { StreamTimings } from '../../electron/services/chat/answer-stream';

const fake = useFakeOpenAI();
afterEach(closeAllBackends);
afterEach(() => fake.setScenarioHandler(null));

const streamedRequests = () => fake.requests.filter((r) => r.body.stream === true).length;

const chunks = ['Partial ', 'answer ', 'so far', ' and the rest', ' never sent'];
const partial = 'Partial answer so far';

/** Sends one question under `scenario` and returns the finished answer, as announced and as stored. */
async function answerUnder(scenario: Scenario | ((nth: number) => Scenario), timings?: Partial<StreamTimings>) {
  if (typeof scenario === 'function') fake.setScenarioHandler((_, nth) => scenario(nth));
  else fake.setScenario(scenario);
  const tb = makeBackend({ baseUrl: fake.baseUrl, ...(timings ? { timings } : {}) });
  const conversation = await tb.newConversation();
  const before = streamedRequests();
  const { assistantMessage } = await tb.send(conversation.id, 'Tell me');
  const started = Date.now();
  const done = await tb.waitForDone(assistantMessage.id, 20_000);
  const elapsedMs = Date.now() - started;
  const messages = await tb.value('messages:list', { conversationId: conversation.id });
  const stored = messages.find((m) => m.id === assistantMessage.id)!;
  return { done, stored, seen: tb.deltasOf(assistantMessage.id).join(''), elapsedMs, attempts: streamedRequests() - before, messages };
}

describe('an answer cut short', () => {
  it('keeps the partial answer when the stream stalls, and calls it a timeout', async () => {
    const { done, stored, seen, elapsedMs, attempts } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'stall', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'TIMEOUT' } });
    expect(stored).toEqual(done);
    // Text was shown: never tried again behind the person's back (Continue is offered instead).
    expect(attempts).toBe(1);
    expect(seen).toBe(partial);
    // idleTimeoutMs is 1 s in tests: the watchdog, not some longer default (90 s), ended it.
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('keeps the partial answer when the connection is reset mid-stream, and calls it a network problem', async () => {
    const { done, stored, seen, attempts, messages } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'reset', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'NETWORK' } });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
    expect(attempts).toBe(1);
    expect(messages).toHaveLength(2);
  });

  it('never calls an answer complete when the body ends without a finish reason or [DONE]', async () => {
    const { done, stored, seen } = await answerUnder({ kind: 'stream', chunks: chunks.slice(0, 3), delayMs: 10, endWithoutFinish: true });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'INCOMPLETE' }, finishReason: null });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
  });

  it('keeps the partial answer when a chunk is malformed, and calls it a bad response', async () => {
    const { done, stored, seen, attempts } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'malformed', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'BAD_RESPONSE' } });
    expect(stored).toEqual(done);
    expect(seen).toBe(partial);
    expect(attempts).toBe(1);
  });

  it('keeps the partial answer when the server sends an error event, and calls it a server problem', async () => {
    const { done, stored } = await answerUnder({ kind: 'stream', chunks, delayMs: 10, fault: { type: 'error-event', afterChunks: 3 } });
    expect(done).toMatchObject({ status: 'error', content: partial, error: { code: 'SERVER' } });
    expect(done.error?.message).toContain('upstream overloaded');
    expect(stored).toEqual(done);
  });

  it('calls a stream that stalls before any text a timeout, without sending it again', async () => {
    // The server took the request and may still be working (and billing) on it; another try would cost the idle timeout again.
    const { done, attempts, messages } = await answerUnder({ kind: 'stream', chunks, fault: { type: 'stall', afterChunks: 0 } }, { idleTimeoutMs: 500 });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'TIMEOUT', message: expect.stringContaining('before sending any text') }, ttftMs: null });
    expect(attempts).toBe(1);
    expect(messages).toHaveLength(2);
  });

  it('gives up on a server that sends no headers after the connect timeout, three times', async () => {
    const { done, attempts } = await answerUnder({ kind: 'stream', chunks, headersDelayMs: 30_000 }, { connectTimeoutMs: 400, idleTimeoutMs: 60_000 });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'TIMEOUT' } });
    expect(attempts).toBe(3);
  });

  it('gives up on a first token that never comes after the idle timeout', async () => {
    const { done, attempts } = await answerUnder({ kind: 'stream', chunks, firstDelayMs: 30_000 }, { connectTimeoutMs: 60_000, idleTimeoutMs: 400 });
    // Headers come at once, the first chunk never: the idle watchdog covers the wait for the first token too.
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'TIMEOUT' } });
    expect(attempts).toBe(1);
  });

  it('tries a connection reset before the first token again, and keeps one answer', async () => {
    const { done, attempts, messages, seen } = await answerUnder((nth) =>
      nth === 1 ? { kind: 'stream', chunks, fault: { type: 'reset', afterChunks: 0 } } : { kind: 'stream', chunks: ['All ', 'there'] },
    );
    expect(done).toMatchObject({ status: 'complete', content: 'All there', error: null });
    expect(seen).toBe('All there');
    expect(attempts).toBe(2);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('tries a reset before the first token three times, then calls it a network problem', async () => {
    const { done, attempts } = await answerUnder({ kind: 'stream', chunks, fault: { type: 'reset', afterChunks: 0 } });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'NETWORK' } });
    expect(attempts).toBe(3);
  });

  it('does not try malformed data again: it is the provider’s bug, and a second request would be paid for too', async () => {
    const { done, attempts } = await answerUnder({ kind: 'stream', chunks, fault: { type: 'malformed', afterChunks: 0 } });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'BAD_RESPONSE' } });
    expect(attempts).toBe(1);
  });

  it('calls an empty answer an error, not a blank success', async () => {
    const { done, stored, attempts } = await answerUnder({ kind: 'stream', chunks: [] });
    expect(done).toMatchObject({ status: 'error', content: '', error: { code: 'BAD_RESPONSE', message: expect.stringContaining('empty answer') } });
    expect(stored).toEqual(done);
    expect(attempts).toBe(1);
  });

  it('completes a slow answer whose pauses stay under the idle timeout', async () => {
    const { done } = await answerUnder({ kind: 'stream', chunks, delayMs: 100 });
    expect(done).toMatchObject({ status: 'complete', content: chunks.join(''), error: null });
  });
});
