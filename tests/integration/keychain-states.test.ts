import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockedMessage } from '../../electron/services/secrets/keytar-secret-store';
import type { KeyStatus, Message } from '../../shared/domain';
import type { Result } from '../../shared/error-codes';
import { keychainGate, uniqueServiceName } from '../fixtures/keychain';
import { freshDataDirEachTest, useFakeOpenAI } from '../fixtures/suite-hooks';
import { filesContaining, makeTempDir } from '../fixtures/temp-dir';
import { makeTestKey } from '../fixtures/test-backend';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Report {
  statusBefore: Result<KeyStatus>;
  send: Result<unknown> | null;
  chatDone: { message: Message } | null;
  save: Result<KeyStatus>;
  statusAfterSave: Result<KeyStatus>;
  remove: Result<KeyStatus>;
  statusAfter: Result<KeyStatus>;
}

interface ItemState {
  count: number;
  /** path and Modified time of each item of the service, as the Secret Service reports them (without unlocking). */
  items: string[];
}

interface StateRun {
  report: Report | null;
  before: ItemState;
  after: ItemState;
  exit: number | null;
  output: string;
}

/**
 * The shell run inside the child's own session bus: optionally a fresh
 * gnome-keyring holding a saved key, optionally locked, then the backend
 * fixture, with the Secret Service's view of the saved item before and after
 * (read over D-Bus, which needs no unlock). Each state gets its own bus and
 * keyring, so locking one never disturbs the keyring other test files use.
 */
const stateScript = String.raw`
export XDG_DATA_HOME="$P_HOME/data" XDG_RUNTIME_DIR="$P_HOME/run"
unset GNOME_KEYRING_CONTROL
if [ "$P_KEYRING" = 1 ]; then
  echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # A daemon just started can still be coming up on a loaded machine: try the seed a few times.
  seeded=0
  for attempt in 1 2 3 4 5 6; do
    if "$P_NODE" -e "require(process.env.P_KEYTAR).setPassword(process.env.P_SVC, 'openai', process.env.P_SEEDKEY).catch((e) => { console.error(e); process.exit(1); })"; then seeded=1; break; fi
    sleep 0.5
  done
  [ "$seeded" = 1 ] || echo "SEED_FAILED"
fi
item() {
  out=$(dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.SearchItems "dict:string:string:service,$P_SVC,account,openai" 2>/dev/null)
  paths=$(echo "$out" | sed -n 's/.*object path "\(.*\)".*/\1/p')
  n=0
  for p in $paths; do
    n=$((n + 1))
    mod=$(dbus-send --session --print-reply --dest=org.freedesktop.secrets "$p" org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Item string:Modified 2>/dev/null | sed -n 's/.*uint64 \([0-9]*\).*/\1/p')
    echo "ITEM $1 $p@$mod"
  done
  echo "ITEMS $1 $n"
}
if [ "$P_LOCK" = 1 ]; then
  dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/aliases/default >/dev/null
fi
[ "$P_KEYRING" = 1 ] && item BEFORE
"$P_NODE" --import "$P_LOADER" "$P_FIXTURE" "$P_DATA" "$P_BASE" "$P_SVC" "$P_NEWKEY"
echo "FIXTURE_EXIT $?"
[ "$P_KEYRING" = 1 ] && item AFTER
exit 0
`;

/** A session bus with no service files: nothing answers for org.freedesktop.secrets, and nothing gets activated. */
function busWithoutServicesConfig(dir: string): string {
  const file = path.join(dir, 'bare-session.conf');
  writeFileSync(
    file,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  return file;
}

type Bus = 'keyring' | 'locked-keyring' | 'bus-without-secret-service' | 'no-bus';

function runState(bus: Bus, dataDir: string, baseUrl: string, seedKey: string, newKey: string): Promise<StateRun> {
  const home = makeTempDir('parley-keychain-state-');
  mkdirSync(path.join(home, 'run'), { mode: 0o700 });
  mkdirSync(path.join(home, 'data'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    P_HOME: home,
    P_KEYRING: bus === 'keyring' || bus === 'locked-keyring' ? '1' : '0',
    P_LOCK: bus === 'locked-keyring' ? '1' : '0',
    P_NODE: process.execPath,
    P_LOADER: pathToFileURL(require.resolve('tsx')).href,
    P_FIXTURE: path.join(repoRoot, 'tests/fixtures/keychain-state-backend.ts'),
    P_KEYTAR: require.resolve('keytar'),
    P_DATA: dataDir,
    P_BASE: baseUrl,
    P_SVC: uniqueServiceName(),
    P_SEEDKEY: seedKey,
    P_NEWKEY: newKey,
  };
  // Set here, not only inside the script: the state's bus starts before the script runs and passes its own
  // environment to what it activates. A gnome-keyring the bus activated (when a call came before the
  // script's daemon had claimed its name, on a loaded machine) found the outer run's keyring through the
  // outer runtime dir, and the locked state then locked the keyring every other test file uses.
  env.XDG_RUNTIME_DIR = path.join(home, 'run');
  env.XDG_DATA_HOME = path.join(home, 'data');
  delete env.GNOME_KEYRING_CONTROL;
  // No display either way: libsecret must not pop up (or try to autolaunch a bus through X11).
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.OPENAI_API_KEY;
  let command: string;
  let args: string[];
  if (bus === 'no-bus') {
    delete env.DBUS_SESSION_BUS_ADDRESS;
    // And no $XDG_RUNTIME_DIR/bus to fall back on: the fresh runtime dir is empty.
    command = 'sh';
    args = ['-c', stateScript];
  } else {
    command = 'dbus-run-session';
    const config = bus === 'bus-without-secret-service' ? ['--config-file', busWithoutServicesConfig(home)] : [];
    args = [...config, '--', 'sh', '-c', stateScript];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The ${bus} child did not finish in time. Output: ${output}`));
    }, 90_000);
    child.on('exit', () => {
      clearTimeout(timer);
      const lines = output.split('\n');
      const reportLine = lines.find((l) => l.startsWith('{"statusBefore"'));
      const exitLine = lines.find((l) => l.startsWith('FIXTURE_EXIT '));
      const itemState = (when: string): ItemState => ({
        count: Number(lines.find((l) => l.startsWith(`ITEMS ${when} `))?.split(' ')[2] ?? NaN),
        items: lines.filter((l) => l.startsWith(`ITEM ${when} `)).map((l) => l.split(' ')[2]!),
      });
      resolve({
        report: reportLine ? (JSON.parse(reportLine) as Report) : null,
        before: itemState('BEFORE'),
        after: itemState('AFTER'),
        exit: exitLine ? Number(exitLine.split(' ')[1]) : null,
        output,
      });
    });
  });
}

const gate = keychainGate();
const fake = useFakeOpenAI({ kind: 'echo' });
const data = freshDataDirEachTest();

const keychainError = (r: Result<unknown> | null | undefined) => (r && !r.ok ? r.error : null);

describe.skipIf(process.platform !== 'linux' || gate.skip)('the keychain, in each state it can be in', { timeout: 120_000 }, () => {
  it('working: the saved key is found and used, a new one replaces it, and deleting removes it', async () => {
    const seedKey = makeTestKey();
    const newKey = makeTestKey();
    const run = await runState('keyring', data.dir, fake.baseUrl, seedKey, newKey);
    expect(run.report, run.output).not.toBeNull();
    const r = run.report!;
    expect(r.statusBefore).toEqual({ ok: true, value: { providerId: 'openai', hasKey: true, last4: seedKey.slice(-4), source: 'keychain', keychainAvailable: true, keychainProblem: null } });
    expect(r.chatDone?.message).toMatchObject({ status: 'complete', content: 'You said: Hello' });
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${seedKey}`);
    expect(r.save).toMatchObject({ ok: true, value: { hasKey: true, source: 'keychain', last4: newKey.slice(-4) } });
    expect(r.remove).toMatchObject({ ok: true, value: { hasKey: false, keychainAvailable: true } });
    expect(run.before.count).toBe(1);
    expect(run.after.count).toBe(0);
    expect(run.exit).toBe(0);
  });

  it('locked: reported as locked, never taken as "no key", nothing written or deleted, and Parley does not crash', async () => {
    const seedKey = makeTestKey();
    const newKey = makeTestKey();
    const requestsBefore = fake.requests.length;
    const run = await runState('locked-keyring', data.dir, fake.baseUrl, seedKey, newKey);
    expect(run.report, run.output).not.toBeNull();
    const r = run.report!;
    // keytar answers null for a locked item, as for no key: Parley must say "locked", not "add a key".
    expect(r.statusBefore).toEqual({ ok: true, value: { providerId: 'openai', hasKey: false, last4: null, source: null, keychainAvailable: false, keychainProblem: lockedMessage } });
    expect(keychainError(r.send)).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: lockedMessage });
    expect(fake.requests).toHaveLength(requestsBefore);
    expect(keychainError(r.save)).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: lockedMessage });
    expect(keychainError(r.remove)).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: lockedMessage });
    expect(r.statusAfter).toEqual(r.statusBefore);
    // The saved key is still there, untouched: same item, same modification time.
    expect(run.before.count).toBe(1);
    expect(run.after).toEqual(run.before);
    // keytar's findCredentials on a locked item crashes the process; Parley never calls it on its own items.
    expect(run.exit).toBe(0);
    expect(run.output).not.toMatch(/Segmentation fault|secret_value_get_text/);
    expect(lockedMessage).toMatch(/locked/);
    expect(lockedMessage).toMatch(/Unlock it/);
    expect(filesContaining(data.dir, newKey)).toEqual([]);
  });

  it('D-Bus without a Secret Service: no keychain, said so, keys only for this session', async () => {
    const newKey = makeTestKey();
    const run = await runState('bus-without-secret-service', data.dir, fake.baseUrl, makeTestKey(), newKey);
    expect(run.report, run.output).not.toBeNull();
    const r = run.report!;
    expect(r.statusBefore).toMatchObject({ ok: true, value: { hasKey: false, keychainAvailable: false } });
    const problem = r.statusBefore.ok ? r.statusBefore.value.keychainProblem : null;
    expect(problem).toMatch(/No system keychain is available/);
    expect(problem).toMatch(/org\.freedesktop\.secrets/);
    expect(keychainError(r.send)).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/this session only/) });
    expect(keychainError(r.save)).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/Secret Service/) });
    expect(keychainError(r.remove)?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(run.exit).toBe(0);
    expect(filesContaining(data.dir, newKey)).toEqual([]);
  });

  it('no D-Bus at all: no keychain, said so, keys only for this session', async () => {
    const newKey = makeTestKey();
    const requestsBefore = fake.requests.length;
    const run = await runState('no-bus', data.dir, fake.baseUrl, makeTestKey(), newKey);
    expect(run.report, run.output).not.toBeNull();
    const r = run.report!;
    expect(r.statusBefore).toMatchObject({ ok: true, value: { hasKey: false, keychainAvailable: false } });
    const problem = r.statusBefore.ok ? r.statusBefore.value.keychainProblem : null;
    expect(problem).toMatch(/No system keychain is available/);
    expect(keychainError(r.send)).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/this session only/) });
    expect(keychainError(r.save)).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/Secret Service/) });
    expect(run.exit).toBe(0);
    expect(fake.requests).toHaveLength(requestsBefore);
    expect(filesContaining(data.dir, newKey)).toEqual([]);
  });
});
