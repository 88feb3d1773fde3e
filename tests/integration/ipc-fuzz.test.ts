import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { createSessionSecretStore } from '../../electron/services/secrets/session-secret-store';
import { channelNames, type ChannelName } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { malformedInputs, unknownChannelNames } from '../fixtures/contract-fuzz';
import { fakeDesktopShell, type FakeDesktopShell } from '../fixtures/fake-desktop-shell';
import { useFakeOpenAI } from '../fixtures/suite-hooks';
import { makeBackend, sleep, trustedSender, type TestBackend } from '../fixtures/test-backend';

/**
 * Thousands of malformed requests, on every channel, through the router of a
 * real backend on a real SQLite file that holds conversations, messages,
 * providers, templates and settings: each one is refused with BAD_INPUT (or
 * UNKNOWN_SENDER, UNKNOWN_CHANNEL), nothing throws, no handler runs, and not
 * one row of the database changes.
 *
 * FUZZ_RUNS scales the number of requests per channel (CI default below);
 * FUZZ_SEED replays a failure that fast-check reported.
 */
const runsPerChannel = Number(process.env.FUZZ_RUNS ?? 120);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const fcOptions = (numRuns: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

const fake = useFakeOpenAI({ kind: 'stream', chunks: ['Seeded ', 'answer.'] });

interface Seeded {
  conversationId: string;
  questionId: string;
  answerId: string;
  providerId: string;
  templateId: string;
}

let tb: TestBackend;
let desktop: FakeDesktopShell;
let secretWrites: string[];
let seeded: Seeded;
let reader: Database.Database;

/** A session store that notes every write, so a refused secrets:setKey can be shown to have reached no store. */
function watchedSecrets(): SecretStore {
  const store = createSessionSecretStore();
  return {
    kind: store.kind,
    get: (account) => store.get(account),
    set: (account, secret) => (secretWrites.push(`set ${account}`), store.set(account, secret)),
    delete: (account) => (secretWrites.push(`delete ${account}`), store.delete(account)),
    problem: () => store.problem(),
  };
}

/** Every row of every table (FTS shadow tables included) and the schema, from a separate read-only connection. */
function dump(): Record<string, string[]> {
  const tables = reader.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  const out: Record<string, string[]> = {
    sqlite_master: reader.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all().map((r) => JSON.stringify(r)),
    user_version: [String(reader.pragma('user_version', { simple: true }))],
  };
  for (const { name } of tables) {
    const rows = reader.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all();
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v))).sort();
  }
  return out;
}

/** Moves whenever any other connection commits: a cheap per-request "nothing was written". */
const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;

async function quiet(): Promise<void> {
  // The seeding answer's last flush and any title request settle within a few hundred ms on the slowest CI machine.
  let version = dataVersion();
  for (let stableFor = 0; stableFor < 400; ) {
    await sleep(100);
    const now = dataVersion();
    stableFor = now === version ? stableFor + 100 : 0;
    version = now;
  }
}

async function seed_(): Promise<Seeded> {
  const conversation = await tb.value('conversations:create', { title: 'Seeded conversation' });
  const sent = await tb.send(conversation.id, 'Hello there');
  await tb.waitForDone(sent.assistantMessage.id);
  const second = await tb.value('conversations:create', { title: 'Pinned one', origin: 'quick' });
  await tb.value('conversations:setPinned', { id: second.id, pinned: true });
  const third = await tb.value('conversations:create', { title: 'Archived one' });
  await tb.value('conversations:setArchived', { id: third.id, archived: true });
  const provider = await tb.value('providers:add', { kind: 'compatible', name: 'Local', baseUrl: fake.baseUrl, model: 'local-model' });
  await tb.value('secrets:setKey', { providerId: provider.id, key: 'sk-seeded-key-12345678' });
  await tb.value('templates:save', { template: { id: 'tpl-seeded', name: 'Seeded', prompt: 'Summarise:', temperature: 0.3 } });
  await tb.value('settings:setAppearance', { theme: 'dark' });
  await tb.value('settings:setChatDefaults', { systemPrompt: 'Be brief.', temperature: 0.7, maxOutputTokens: 500 });
  await tb.value('settings:setQuickAsk', { closeToTray: true, useClipboardByDefault: true });
  return { conversationId: conversation.id, questionId: sent.userMessage.id, answerId: sent.assistantMessage.id, providerId: provider.id, templateId: 'tpl-seeded' };
}

/** A request each channel accepts, naming rows that exist: were any refused request let through, it would change something. */
function validRequests(s: Seeded): Record<ChannelName, Record<string, unknown>> {
  const conv = s.conversationId;
  return {
    'conversations:list': { limit: 10, offset: 0 },
    'conversations:get': { id: conv },
    'conversations:create': { title: 'Fuzz', origin: 'chat' },
    'conversations:rename': { id: conv, title: 'Renamed' },
    'conversations:delete': { id: conv },
    'conversations:getOptions': { id: conv },
    'conversations:setOptions': { id: conv, model: 'gpt-4o', systemPrompt: 'Be long.', temperature: 1.5, maxOutputTokens: 100 },
    'conversations:setPinned': { id: conv, pinned: true },
    'conversations:setArchived': { id: conv, archived: true },
    'conversations:listArchived': {},
    'conversations:export': { id: conv, format: 'json' },
    'messages:list': { conversationId: conv, before: s.answerId, limit: 10 },
    'search:messages': { query: 'hello', order: 'relevance', limit: 10 },
    'chat:send': { conversationId: conv, parentId: s.answerId, content: 'More please', temperature: 1 },
    'chat:stop': { messageId: s.answerId },
    'chat:estimate': { conversationId: conv, parentId: s.answerId, content: 'How much?' },
    'chat:regenerate': { messageId: s.answerId },
    'chat:edit': { messageId: s.questionId, content: 'Edited' },
    'chat:continue': { messageId: s.answerId },
    'settings:getProvider': {},
    'settings:setProvider': { baseUrl: 'https://example.com/v1', model: 'other-model' },
    'settings:getAppearance': {},
    'settings:setAppearance': { theme: 'light' },
    'settings:getChatDefaults': {},
    'settings:setChatDefaults': { systemPrompt: 'Be long.', temperature: 1, maxOutputTokens: 100 },
    'templates:list': {},
    'templates:save': { template: { id: s.templateId, name: 'Changed', prompt: 'Changed:', temperature: null } },
    'templates:delete': { id: s.templateId },
    'templates:reset': {},
    'data:exportAll': {},
    'data:import': { content: '[]' },
    'secrets:status': { providerId: s.providerId },
    'secrets:setKey': { providerId: s.providerId, key: 'sk-another-key-87654321', sessionOnly: false },
    'secrets:deleteKey': { providerId: s.providerId },
    'providers:list': {},
    'providers:add': { kind: 'compatible', name: 'Other', baseUrl: 'https://other.example/v1', model: 'm' },
    'providers:update': { id: s.providerId, name: 'Renamed', baseUrl: 'https://renamed.example/v1', model: null },
    'providers:remove': { id: s.providerId },
    'providers:setDefault': { id: s.providerId },
    'providers:models': { providerId: s.providerId },
    'providers:test': { providerId: s.providerId },
    'providers:detectLocal': {},
    'conversations:setProvider': { id: conv, providerId: s.providerId },
    'settings:getQuickAsk': {},
    'settings:setQuickAsk': { hotkey: 'Alt+Space', closeToTray: false, openAtLogin: true, useClipboardByDefault: false },
    'quick:clipboardText': {},
    'quick:hide': {},
    'quick:resize': { height: 300 },
    'quick:setPinned': { pinned: true },
    'quick:openInMain': { conversationId: conv },
    'app:startupNotices': {},
    'files:prepare': { source: { kind: 'bytes', name: 'fuzz.txt', base64: 'aGVsbG8gZnV6eg==' }, conversationId: conv },
    'files:explain': { fileId: 'file-fuzz', conversationId: conv, confirm: true, regenerate: true },
    'files:stop': { messageId: s.answerId },
    'files:attachments': { conversationId: conv },
    'files:takeOpened': {},
    'settings:getFiles': {},
    'settings:setFiles': { maxFileBytes: 1_000_000, confirmAboveUsd: 1, concurrency: 2 },
    'usage:summary': { from: '2026-01-01', to: '2026-12-31' },
    'usage:exportCsv': { from: '2026-01-01', to: '2026-12-31' },
    'usage:status': {},
    'settings:getBudgets': {},
    'settings:setBudgets': { dailyUsd: 5, monthlyUsd: 50 },
    'settings:getPrices': {},
    'settings:setPrices': { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 1, outputPerMillion: 2 }] },
    'settings:getUpdates': {},
    'settings:setUpdates': { checkAutomatically: false },
    'app:restartToUpdate': {},
  };
}

/** Own property names of the built-in prototypes a polluting merge would write to. */
const prototypeNames = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort());
const prototypesBefore = prototypeNames();

let before: Record<string, string[]>;
let version0: number;
let valid: Record<ChannelName, Record<string, unknown>>;
let sent = 0;

beforeAll(async () => {
  secretWrites = [];
  desktop = fakeDesktopShell();
  tb = makeBackend({ baseUrl: fake.baseUrl, secrets: watchedSecrets(), desktop });
  reader = new Database(tb.databaseFile, { readonly: true, fileMustExist: true });
  seeded = await seed_();
  valid = validRequests(seeded);
  await quiet();
  before = dump();
  version0 = dataVersion();
  tb.events.length = 0;
  desktop.calls.length = 0;
  secretWrites.length = 0;
});

afterAll(async () => {
  reader?.close();
  await tb?.close();
  console.log(`ipc fuzz: ${sent} malformed or unauthorised requests sent`);
});

/** What every refused request must leave behind: no write, no event, no desktop call, no keychain call. */
function expectNothingHappened(what: string): void {
  expect(dataVersion(), `${what} wrote to the database`).toBe(version0);
  expect(tb.events, `${what} emitted an event`).toEqual([]);
  expect(desktop.calls, `${what} reached the desktop`).toEqual([]);
  expect(secretWrites, `${what} reached the keychain`).toEqual([]);
}

function expectRefused(answer: unknown, code: string): void {
  expect(answer).toMatchObject({ ok: false, error: { code } });
  const message = (answer as { error: { message: unknown } }).error.message;
  // Never the request echoed back: a 1 MB string or a key stays out of the answer.
  expect(typeof message === 'string' && message.length < 400, `a message of ${String(message).length} characters`).toBe(true);
  expect(() => JSON.stringify(answer)).not.toThrow();
}

const describeInput = (input: unknown) => {
  try {
    return fc.stringify(input).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(input);
  }
};

describe('the seeded requests', () => {
  it('are each valid, so a refusal below is due to what the fuzzer changed', () => {
    for (const channel of channelNames) expect(contract[channel].input.safeParse(valid[channel]).success, channel).toBe(true);
  });
});

describe('malformed requests, channel by channel', () => {
  it.each(channelNames.map((c) => [c]))('%s refuses every one with BAD_INPUT and changes nothing', async (channel) => {
    const arb = malformedInputs(contract[channel].input, valid[channel]);
    await fc.assert(
      fc.asyncProperty(arb, async ({ family, input }) => {
        sent++;
        const answer = await tb.backend.invoke(channel, input, trustedSender);
        if ((answer as { ok: boolean }).ok || (answer as { error?: { code: string } }).error?.code !== 'BAD_INPUT') {
          throw new Error(`${channel} (${family}) answered ${JSON.stringify(answer).slice(0, 300)} to ${describeInput(input)}`);
        }
        expectRefused(answer, 'BAD_INPUT');
        expectNothingHappened(`${channel} (${family})`);
      }),
      fcOptions(runsPerChannel),
    );
    expect(dump()).toEqual(before);
  });
});

describe('requests from a sender that is not a Parley window', () => {
  const senders = fc.oneof(
    fc.constantFrom(null, undefined, {}, { id: trustedSender.id }, trustedSender.id, 0, [trustedSender], Object.create(trustedSender) as object, { ...trustedSender }),
    fc.anything({ maxDepth: 2 }),
  );

  it.each(channelNames.map((c) => [c]))('%s refuses valid and malformed requests alike with UNKNOWN_SENDER', async (channel) => {
    const inputs = fc.oneof(fc.constant(valid[channel]), malformedInputs(contract[channel].input, valid[channel]).map((m) => m.input));
    await fc.assert(
      fc.asyncProperty(senders, inputs, async (sender, input) => {
        sent++;
        expectRefused(await tb.backend.invoke(channel, input, sender), 'UNKNOWN_SENDER');
        expectNothingHappened(`${channel} from ${describeInput(sender)}`);
      }),
      fcOptions(Math.max(10, Math.round(runsPerChannel / 4))),
    );
    expect(dump()).toEqual(before);
  });
});

describe('channels that do not exist', () => {
  it('are refused with UNKNOWN_CHANNEL, whatever their name and input, and change nothing', async () => {
    const inputs = fc.oneof(fc.constantFrom(...Object.values(valid)), fc.anything({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(unknownChannelNames(channelNames), inputs, async (channel, input) => {
        sent++;
        expectRefused(await tb.backend.invoke(channel, input, trustedSender), 'UNKNOWN_CHANNEL');
        expectNothingHappened(`channel ${describeInput(channel)}`);
      }),
      fcOptions(runsPerChannel * 10),
    );
    expect(dump()).toEqual(before);
  });

  it('are refused for an unknown sender too, with UNKNOWN_SENDER first', async () => {
    expectRefused(await tb.backend.invoke('no:such', {}, null), 'UNKNOWN_SENDER');
    expectNothingHappened('an unknown channel from an unknown sender');
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
      expectRefused(await tb.backend.invoke(channel, input, trustedSender), 'BAD_INPUT');
    }
    expectNothingHappened('a record lookalike');
  });

  it('still takes a record made without a prototype, as a parsed message may be', async () => {
    const answer = await tb.backend.invoke('conversations:listArchived', Object.create(null), trustedSender);
    expect(answer).toMatchObject({ ok: true });
  });
});

describe('after all of it', () => {
  it('the database is exactly as seeded and still whole', () => {
    expect(dump()).toEqual(before);
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sent).toBeGreaterThan(1000);
  });

  it('no __proto__ or constructor key polluted a prototype of this process', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(prototypeNames()).toEqual(prototypesBefore);
  });
});
