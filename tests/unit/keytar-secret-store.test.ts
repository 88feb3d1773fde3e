import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/app-error';
import { createKeytarSecretStore, lockedMessage } from '../../electron/services/secrets/keytar-secret-store';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

/** A stand-in for keytar that records every call: what a locked Secret Service does is reproduced from the real one. */
interface FakeKeytar {
  calls: string[];
  saved: Map<string, string>;
  locked: boolean;
}
const dir = makeTempDir('parley-fake-keytar-');
afterAll(() => removeTempDir(dir));
const modulePath = path.join(dir, 'fake-keytar.cjs');
writeFileSync(
  modulePath,
  `const state = { calls: [], saved: new Map(), locked: false };
module.exports = {
  state,
  async getPassword(service, account) { state.calls.push('get ' + service); return state.locked ? null : state.saved.get(account) ?? null; },
  async setPassword(service, account, secret) { state.calls.push('set ' + service); if (state.locked) throw new Error('Cannot create an item in a locked collection'); state.saved.set(account, secret); },
  async deletePassword(service, account) { state.calls.push('delete ' + service); return state.locked ? false : state.saved.delete(account); },
  async findCredentials(service) {
    state.calls.push('find ' + service);
    // The real keytar dies with SIGSEGV here when a locked item matches.
    if (state.locked && service === 'Parley' && state.saved.size) throw new Error('would have crashed');
    return [];
  },
};`,
);
const fake = (createRequire(import.meta.url)(modulePath) as { state: FakeKeytar }).state;

const store = () => createKeytarSecretStore('Parley', modulePath, { isLocked: async () => fake.locked });

beforeEach(() => {
  fake.calls.length = 0;
  fake.saved.clear();
  fake.locked = false;
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('the keychain store when the keyring is locked', () => {
  it('does not take the null a locked keyring answers for "no key saved"', async () => {
    fake.saved.set('openai', 'sk-test-saved');
    fake.locked = true;
    const err = await refusal(store().get('openai'));
    expect(err.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(err.message).toBe(lockedMessage);
  });

  it('writes nothing and deletes nothing', async () => {
    fake.saved.set('openai', 'sk-test-saved');
    fake.locked = true;
    expect((await refusal(store().set('openai', 'sk-test-new'))).message).toBe(lockedMessage);
    expect((await refusal(store().delete('openai'))).message).toBe(lockedMessage);
    expect(fake.calls.filter((c) => c.startsWith('set') || c.startsWith('delete'))).toEqual([]);
    fake.locked = false;
    expect(await store().get('openai')).toBe('sk-test-saved');
  });

  it('never lists its own items to see whether a keychain answers (keytar crashes on a locked one)', async () => {
    fake.saved.set('openai', 'sk-test-saved');
    fake.locked = true;
    const s = store();
    await s.problem();
    await s.get('openai').catch(() => undefined);
    await s.set('openai', 'sk-test-new').catch(() => undefined);
    expect(fake.calls.filter((c) => c.startsWith('find')).length).toBeGreaterThan(0);
    expect(fake.calls.filter((c) => c === 'find Parley')).toEqual([]);
  });
});

describe('the keychain store when the keyring is open', () => {
  it('answers null for a key that is not there, and saves and deletes', async () => {
    const s = store();
    expect(await s.problem()).toBeNull();
    expect(await s.get('openai')).toBeNull();
    await s.set('openai', 'sk-test-new');
    expect(await s.get('openai')).toBe('sk-test-new');
    expect(await s.delete('openai')).toBe(true);
  });

  it('believes a null when the lock cannot be told (no dbus-send)', async () => {
    const s = createKeytarSecretStore('Parley', modulePath, { isLocked: async () => null });
    expect(await s.get('openai')).toBeNull();
    expect(await s.problem()).toBeNull();
  });
});
