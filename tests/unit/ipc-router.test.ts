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
