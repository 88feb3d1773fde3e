import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers, type RouterOptions } from '../../electron/ipc/router';
import { AppError } from '../../electron/services/app-error';
import { recordingHandlers, sampleKeyStatus, sampleMessage } from '../fixtures/recording-handlers';

const ourWindow = { id: 1 };

function setup(overrides: Partial<Handlers> = {}, options: Partial<RouterOptions> = {}) {
  const { handlers, calls } = recordingHandlers(overrides);
  const internalErrors: [string, unknown][] = [];
  const invoke = createRouter(handlers, {
    isTrustedSender: (s) => s === ourWindow,
    onInternalError: (channel, err) => internalErrors.push([channel, err]),
    ...options,
  });
  return { invoke, calls, internalErrors };
}

describe('the IPC router', () => {
  it('answers a trusted sender with the handler result', async () => {
    const { invoke } = setup();
    expect(await invoke('chat:stop', { messageId: 'msg-1' }, ourWindow)).toEqual({ ok: true, value: { stopped: true } });
  });

  it('refuses an unknown sender with UNKNOWN_SENDER and runs nothing', async () => {
    const { invoke, calls } = setup();
    const answer = await invoke('conversations:list', {}, { id: 2 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    expect(calls).toHaveLength(0);
  });

  it('checks the sender before anything else, so a stranger learns nothing about channels', async () => {
    const { invoke } = setup();
    const answer = await invoke('no:such-channel', { junk: true }, undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
  });

  it.each([['conversations:drop'], ['conversations'], [''], ['__proto__'], ['constructor'], [42], [null], [{ toString: () => 'chat:send' }]])(
    'refuses the channel %s with UNKNOWN_CHANNEL',
    async (channel) => {
      const { invoke, calls } = setup();
      const answer = await invoke(channel, {}, ourWindow);
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(calls).toHaveLength(0);
    },
  );

  it('does not echo a huge unknown channel name back', async () => {
    const { invoke } = setup();
    const answer = await invoke(`x${'y'.repeat(10_000)}`, {}, ourWindow);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message.length).toBeLessThan(120);
  });

  it.each([['a Date', new Date()], ['a Map', new Map()], ['an Error', new Error('x')], ['a class instance', new (class Request {})()]])(
    'refuses %s, which zod would take for an empty record, before any handler runs',
    async (_what, input) => {
      const { invoke, calls } = setup();
      expect(await invoke('conversations:create', input, ourWindow)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'Invalid request to conversations:create: expected an object' } });
      expect(calls).toHaveLength(0);
    },
  );

  it('takes a record without a prototype, and one made in another realm', async () => {
    const { invoke, calls } = setup();
    const { runInNewContext } = await import('node:vm');
    expect(await invoke('conversations:create', Object.assign(Object.create(null) as object, { title: 'x' }), ourWindow)).toMatchObject({ ok: true });
    expect(await invoke('conversations:create', runInNewContext('({ title: "y" })'), ourWindow)).toMatchObject({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('refuses a channel given as an object with no prototype without throwing', async () => {
    const { invoke } = setup();
    expect(await invoke(Object.create(null), {}, ourWindow)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('names a short undeclared field, but never repeats a long or key-like one', async () => {
    const { invoke } = setup();
    expect(await invoke('chat:stop', { messageId: 'msg-1', force: true }, ourWindow)).toMatchObject({ error: { message: 'Invalid request to chat:stop: unknown field force' } });
    const secretName = 'sk-live-abcdefghijklmnop1234';
    const answers = [await invoke('chat:stop', { messageId: 'msg-1', [secretName]: 1 }, ourWindow), await invoke('chat:stop', { messageId: 'msg-1', ['x'.repeat(5000)]: 1 }, ourWindow)];
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'Invalid request to chat:stop: a field the contract does not declare' } });
    expect(JSON.stringify(answers)).not.toContain('abcdefghijklmnop');
  });

  it('turns a plain Error from a handler into INTERNAL without leaking its message', async () => {
    const { invoke, internalErrors } = setup({
      'conversations:list': () => {
        throw new Error('SQLITE_CORRUPT at /home/ana/.config/Parley/parley.sqlite');
      },
    });
    const answer = await invoke('conversations:list', {}, ourWindow);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toMatch(/SQLITE|home|ana/);
    expect(internalErrors).toHaveLength(1);
    expect(internalErrors[0]![0]).toBe('conversations:list');
    expect((internalErrors[0]![1] as Error).message).toContain('SQLITE_CORRUPT');
  });

  it('turns a rejected promise into INTERNAL too', async () => {
    const { invoke } = setup({ 'conversations:list': async () => Promise.reject(new TypeError('x is undefined')) });
    const answer = await invoke('conversations:list', {}, ourWindow);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('x is undefined');
  });

  it('passes an AppError through with its code, message and retry time', async () => {
    const { invoke, internalErrors } = setup({
      'chat:send': () => {
        throw new AppError('RATE_LIMITED', 'Slow down.', 3000);
      },
    });
    const answer = await invoke('chat:send', { conversationId: 'c', content: 'hi' }, ourWindow);
    expect(answer).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down.', retryAfterMs: 3000 } });
    expect(internalErrors).toHaveLength(0);
  });

  it('strips output fields the contract does not declare', async () => {
    const { invoke } = setup({
      'secrets:status': () => ({ ...sampleKeyStatus, key: 'sk-live-secret-value' }) as never,
    });
    const answer = await invoke('secrets:status', { providerId: 'openai' }, ourWindow);
    expect(answer).toEqual({ ok: true, value: sampleKeyStatus });
  });

  it('strips undeclared fields nested inside the output as well', async () => {
    const leaky = { ...sampleMessage, apiKey: 'sk-live-secret-value', filePath: '/home/ana/secret.txt' };
    const { invoke } = setup({
      'chat:send': () => ({ userMessage: leaky, assistantMessage: leaky }) as never,
    });
    const answer = await invoke('chat:send', { conversationId: 'c', content: 'hi' }, ourWindow);
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer)).not.toMatch(/sk-live|secret\.txt/);
  });

  it('answers INTERNAL when a handler returns something outside the contract', async () => {
    const { invoke, internalErrors } = setup({ 'chat:stop': () => ({ stopped: 'maybe' }) as never });
    const answer = await invoke('chat:stop', { messageId: 'm' }, ourWindow);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(internalErrors).toHaveLength(1);
  });

  it('hands the handler the parsed input, not the raw one', async () => {
    const { invoke, calls } = setup();
    await invoke('conversations:rename', { id: 'c1', title: '  Holiday  ' }, ourWindow);
    expect(calls[0]?.input).toEqual({ id: 'c1', title: 'Holiday' });
  });
});
