import { formatHuman, formatJson, toResult, type ScenarioResult } from './report';
import { scenarios } from './scenarios';

/**
 * npm run bench [-- [--json] [--strict] [scenario …]]
 *
 * Human text goes to stdout, or with --json one JSON object per scenario per
 * line goes to stdout and progress goes to stderr. A missed target prints FAIL
 * and still exits 0 unless --strict; a scenario that crashes exits 1.
 */

const usage = `usage: npm run bench -- [--json] [--strict] [scenario …]
  scenarios: ${scenarios.map((s) => s.name).join(', ')} (default: all)
  --json     one JSON object per scenario per line on stdout; progress on stderr
  --strict   exit 1 when any target is missed
  --list     print the scenario names
  --electron cold-start: also the Electron app's checks (skipped, said so, when its binary is absent)
  (npm prints its own banner on stdout: use \`npm run -s bench -- --json\` for JSON lines only)`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const names = args.filter((a) => !a.startsWith('-'));
  for (const f of flags) {
    if (!['--json', '--strict', '--list', '--electron', '--help', '-h'].includes(f)) {
      process.stderr.write(`unknown option ${f}\n${usage}\n`);
      return 2;
    }
  }
  if (flags.has('--help') || flags.has('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (flags.has('--list')) {
    for (const s of scenarios) process.stdout.write(`${s.name}\t${s.description}\n`);
    return 0;
  }
  const unknown = names.filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length) {
    process.stderr.write(`unknown scenario ${unknown.join(', ')}\n${usage}\n`);
    return 2;
  }
  const json = flags.has('--json');
  const selected = names.length ? scenarios.filter((s) => names.includes(s.name)) : scenarios;
  const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);

  say(`Parley bench · node ${process.version} · ${process.platform}/${process.arch} · ${selected.length} scenario(s)`);
  const results: ScenarioResult[] = [];
  let crashed = false;
  for (const s of selected) {
    progress(`running ${s.name}…`);
    const t0 = performance.now();
    try {
      const out = await s.run(progress);
      const result = toResult(s, out, performance.now() - t0);
      results.push(result);
      if (json) process.stdout.write(`${formatJson(result)}\n`);
      else say(`\n${formatHuman(result)}`);
    } catch (err) {
      crashed = true;
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`${s.name}: CRASHED: ${message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ scenario: s.name, metrics: {}, target: {}, pass: false, error: String(err) })}\n`);
    }
  }
  const failed = results.filter((r) => !r.pass);
  say('');
  say(
    `SUMMARY: ${results.map((r) => `${r.scenario} ${r.pass ? 'PASS' : 'FAIL ✗'}`).join(', ')}` +
      (crashed ? ' (and a scenario CRASHED)' : '') +
      (failed.length ? ` — ${failed.length} scenario(s) missed a target${flags.has('--strict') ? '' : ' (exit 0; use --strict to fail)'}` : ''),
  );
  if (crashed) return 1;
  return flags.has('--strict') && failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
