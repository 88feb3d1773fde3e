import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { unknownChannelNames } from '../fixtures/contract-fuzz';
import { describeInput, expectNoPrototypePolluted, expectRefused, fcOptions, runsPerChannel, useFuzzedBackend } from '../fixtures/fuzzed-backend';
import { trustedSender } from '../fixtures/test-backend';

/**
 * What the IPC fuzz tests of every area (ipc-fuzz-<area>.test.ts) stand on,
 * and the requests that belong to no channel of the contract.
 */
const fuzz = useFuzzedBackend();

describe('the seeded requests', () => {
  it('are each valid, so a refusal below is due to what the fuzzer changed', () => {
    for (const channel of channelNames) expect(contract[channel].input.safeParse(fuzz.valid[channel]).success, channel).toBe(true);
  });
});

describe('channels that do not exist', () => {
  it('are refused with UNKNOWN_CHANNEL, whatever their name and input, and change nothing', async () => {
    const inputs = fc.oneof(fc.constantFrom(...Object.values(fuzz.valid)), fc.anything({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(unknownChannelNames(channelNames), inputs, async (channel, input) => {
        fuzz.sent++;
        expectRefused(await fuzz.tb.backend.invoke(channel, input, trustedSender), 'UNKNOWN_CHANNEL');
        fuzz.expectNothingHappened(`channel ${describeInput(channel)}`);
      }),
      fcOptions(runsPerChannel * 10),
    );
    expect(fuzz.dump()).toEqual(fuzz.before);
  });

  it('are refused for an unknown sender too, with UNKNOWN_SENDER first', async () => {
    expectRefused(await fuzz.tb.backend.invoke('no:such', {}, null), 'UNKNOWN_SENDER');
    fuzz.expectNothingHappened('an unknown channel from an unknown sender');
  });
});

describe('objects that zod would take for an empty record', () => {
  const lookalikes: [string, unknown][] = [
    ['a Date', new Date()],
    ['a Map', new Map()],
    ['a Set', new Set()],
    ['a RegExp', /x/],
    ['an Error', new Error('x')],
    ['a Promise', Promise.resolve({})],
    ['an instance of a class', new (class Request {})()],
  ];
  it.each(lookalikes)('refuses %s as the input of a channel that takes none or only optional fields', async (_what, input) => {
    for (const channel of ['conversations:create', 'conversations:list', 'settings:setQuickAsk', 'data:exportAll', 'templates:reset'] as const) {
      expectRefused(await fuzz.tb.backend.invoke(channel, input, trustedSender), 'BAD_INPUT');
    }
    fuzz.expectNothingHappened('a record lookalike');
  });

  it('still takes a record made without a prototype, as a parsed message may be', async () => {
    const answer = await fuzz.tb.backend.invoke('conversations:listArchived', Object.create(null), trustedSender);
    expect(answer).toMatchObject({ ok: true });
  });
});

describe('after all of it', () => {
  it('the database is exactly as seeded and still whole', () => {
    fuzz.expectAsSeededAndWhole();
    expect(fuzz.sent).toBeGreaterThan(1000);
  });

  it('no __proto__ or constructor key polluted a prototype of this process', () => {
    expectNoPrototypePolluted();
  });
});
