import { expect, it } from 'vitest';
import type { KeyStatus, Message } from '../../shared/domain';
import type { Result } from '../../shared/error-codes';
import { uniqueServiceName } from '../fixtures/keychain';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { filesContaining } from '../fixtures/temp-dir';
import { makeTestKey } from '../fixtures/test-backend';
import { exited, firstJsonLine, spawnFixture } from '../fixtures/ts-child-process';

interface Report {
  statusBefore: Result<KeyStatus>;
  keychainSave: Result<KeyStatus>;
  sessionSave: Result<KeyStatus>;
  send: Result<unknown> | null;
  chatDone: { message: Message } | null;
}

const fake = useFakeOpenAI({ kind: 'echo' });
const data = freshDataDirEachTest();

it.skipIf(process.platform !== 'linux')(
  'refuses to save a key with KEYCHAIN_UNAVAILABLE when no Secret Service answers, and works with a session-only key',
  async () => {
    const key = makeTestKey();
    // A session bus address that leads nowhere: keytar's real libsecret call fails as on a desktop without a keyring.
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/parley-test-bus' };
    delete env.DISPLAY;
    delete env.OPENAI_API_KEY;
    const child = spawnFixture('keychainless-backend.ts', [data.dir, fake.baseUrl, uniqueServiceName(), key], env);
    let report: Report;
    try {
      report = await firstJsonLine<Report>(child, 30_000);
    } finally {
      child.kill();
      await exited(child);
    }

    expect(report.statusBefore).toMatchObject({ ok: true, value: { hasKey: false, keychainAvailable: false } });
    if (report.statusBefore.ok) expect(report.statusBefore.value.keychainProblem).toMatch(/No system keychain is available/);

    expect(report.keychainSave).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    if (!report.keychainSave.ok) {
      expect(report.keychainSave.error.message).toMatch(/Secret Service/);
      expect(report.keychainSave.error.message).toMatch(/this session only/);
    }

    expect(report.sessionSave).toEqual({
      ok: true,
      value: { providerId: 'openai', hasKey: true, last4: key.slice(-4), source: 'session', keychainAvailable: false, keychainProblem: expect.any(String) },
    });
    expect(report.send?.ok).toBe(true);
    expect(report.chatDone?.message).toMatchObject({ status: 'complete', content: 'You said: Hello' });
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${key}`);

    expect(JSON.stringify(report)).not.toContain(key);
    expect(filesContaining(data.dir, key)).toEqual([]);
  },
);
