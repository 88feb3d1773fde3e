/**
 * `npm test`: typecheck, lint, build the renderer, then every vitest suite
 * (unit, integration, end-to-end, Electron shell). Ends with the plain line
 * `N passed, N failed` that CI reads, and exits non-zero when anything failed.
 *
 * On Linux the suites run inside a private D-Bus session with an unlocked
 * gnome-keyring, so the keychain tests use a real Secret Service and must
 * pass (PARLEY_REQUIRE_KEYCHAIN=1) rather than skip. macOS and Windows have
 * their keychain already (the login Keychain, the Credential Manager), so
 * vitest runs directly there (GitHub Actions runs this on all three).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = r.status === 0;
  if (ok) passed++;
  else failed++;
  console.log(`── ${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

function onPath(bin: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

step('typecheck', npx, ['tsc', '-p', '.']);
step('lint', npx, ['eslint', '--max-warnings=0', '.']);
const built = step('build', npx, ['vite', 'build', '--logLevel', 'warn']) && step('build shell', npx, ['tsx', 'electron/tools/build-shell.ts']);

if (built) {
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'parley-vitest-'));
  const report = path.join(reportDir, 'report.json');
  const vitestArgs = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
  const env = { ...process.env };
  if (process.platform === 'linux') {
    let command = `${npx} ${vitestArgs.join(' ')}`;
    const useKeyring = !process.env.PARLEY_NO_KEYRING && onPath('dbus-run-session') && onPath('gnome-keyring-daemon');
    if (useKeyring) {
      env.PARLEY_REQUIRE_KEYCHAIN = '1';
      // A throwaway keyring in its own folder, unlocked with a throwaway password, inside this session only:
      // a person's own keyring is never opened, and one left by an earlier run cannot be locked against us.
      const keyringHome = mkdtempSync(path.join(os.tmpdir(), 'parley-keyring-'));
      command = `dbus-run-session -- sh -c 'echo -n parley-test | XDG_DATA_HOME=${keyringHome} gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec ${command}'`;
    } else {
      console.log('\n(no dbus-run-session/gnome-keyring-daemon: keychain tests will skip; install gnome-keyring dbus-x11)');
    }
    console.log(`\n── tests: ${command}`);
    spawnSync('sh', ['-c', command], { cwd: root, stdio: 'inherit', env });
  } else {
    const keychain = process.platform === 'darwin' ? "the login Keychain" : process.platform === 'win32' ? 'the Credential Manager' : 'no known keychain';
    console.log(`\n(${process.platform}: no throwaway D-Bus keyring to start, that is Linux only; keychain tests use ${keychain} and skip if it does not answer)`);
    console.log(`\n── tests: ${npx} ${vitestArgs.join(' ')}`);
    spawnSync(npx, vitestArgs, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  }
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number; testResults: { status: string; assertionResults: unknown[] }[] };
    passed += r.numPassedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    // A file that fails to load has no tests to count, but it is a failure all the same.
    const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    failed += r.numFailedTests + brokenFiles;
  } else {
    console.log('── tests: vitest wrote no report');
    failed++;
  }
  rmSync(reportDir, { recursive: true, force: true });
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
