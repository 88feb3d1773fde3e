/**
 * The router's input validation, channel by channel, for the
 * contract-input-validation-<area>.test.ts files, each of which runs it over
 * its area's table of cases (channel-cases.ts): the valid request reaches its
 * handler; anything else is refused with BAD_INPUT before any handler runs.
 */
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/ipc/router';
import type { ChannelName } from '../../shared/channels';
import { recordingHandlers } from '../fixtures/recording-handlers';
import type { ChannelCases } from './channel-case-helpers';

const notObjects: [string, unknown][] = [
  ['a string', 'conv-1'],
  ['a number', 7],
  ['a boolean', true],
  ['an array', []],
];

/** An object literal cannot hold an own `__proto__`; a parsed message can. */
function withOwnField(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return Object.defineProperty({ ...base }, key, { value, enumerable: true, configurable: true, writable: true });
}

/** A router that trusts every sender, over handlers that only note each call. */
export function recordingRouter() {
  const { handlers, calls } = recordingHandlers();
  const invoke = createRouter(handlers, { isTrustedSender: () => true });
  return { invoke, calls };
}

/** A describe block for each channel of `cases`, named for the channel. */
export function describeChannelValidation(cases: Partial<Record<ChannelName, ChannelCases>>): void {
  describe.each(Object.entries(cases) as [ChannelName, ChannelCases][])('%s', (channel, { valid, invalid }) => {
    it('passes a valid request to its handler', async () => {
      const { invoke, calls } = recordingRouter();
      const answer = await invoke(channel, valid, null);
      expect(answer.ok).toBe(true);
      expect(calls).toHaveLength(1);
    });

    const refusals: [string, unknown][] = [
      ...notObjects.map(([what, input]): [string, unknown] => [`${what} instead of an object`, input]),
      ['a field the contract does not declare', { ...valid, extra: 1 }],
      ['a __proto__ field as JSON.parse makes it', withOwnField(valid, '__proto__', { admin: true })],
      ['a constructor field', withOwnField(valid, 'constructor', 'x')],
      ...invalid,
    ];
    it.each(refusals)('refuses %s with BAD_INPUT before any handler runs', async (_what, input) => {
      const { invoke, calls } = recordingRouter();
      const answer = await invoke(channel, input, null);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!answer.ok) expect(answer.error.message).toContain(channel);
      expect(calls).toHaveLength(0);
    });
  });
}
