/**
 * What a scenario hands back, and how it is printed: a human table on stdout,
 * or one JSON object per scenario per line with `--json`.
 */

export type Op = '<=' | '>=' | '==';

/** One target: a measured figure, its limit, and the baseline measured in the same run. */
export interface Check {
  /** Key into the result's `metrics`. */
  metric: string;
  label: string;
  value: number;
  op: Op;
  limit: number;
  unit: string;
  /** The same figure for the baseline, measured in the same run. */
  baseline?: { label: string; value: number; unit?: string };
  /** How the ratio reads: `ours/baseline` (lower is better) or `baseline/ours` (higher is better). */
  ratio?: { value: number; reads: string };
  /** One line of supporting figures. */
  detail?: string;
  pass: boolean;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  pass: boolean;
  metrics: Record<string, number>;
  baseline: Record<string, number>;
  /** metric key → the target as text, e.g. "<= 50 µs". */
  target: Record<string, string>;
  checks: Check[];
  notes: string[];
  durationMs: number;
}

export interface Scenario {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<ScenarioOutput>;
}

export interface ScenarioOutput {
  /** Every figure the scenario measured, keyed with its unit in the name (e.g. `ttftAddedMs`). */
  metrics: Record<string, number>;
  /** The baseline's figures, measured in the same run. */
  baseline: Record<string, number>;
  checks: Omit<Check, 'pass'>[];
  notes: string[];
}

export function holds(value: number, op: Op, limit: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (op === '<=') return value <= limit;
  if (op === '>=') return value >= limit;
  return value === limit;
}

export function toResult(s: Scenario, out: ScenarioOutput, durationMs: number): ScenarioResult {
  const checks = out.checks.map((c) => ({ ...c, pass: holds(c.value, c.op, c.limit) }));
  return {
    scenario: s.name,
    description: s.description,
    pass: checks.every((c) => c.pass),
    metrics: out.metrics,
    baseline: out.baseline,
    target: Object.fromEntries(checks.map((c) => [c.metric, `${c.op} ${c.limit} ${c.unit}`.trim()])),
    checks,
    notes: out.notes,
    durationMs: Math.round(durationMs),
  };
}

/** Three significant figures, without exponent noise for the ranges we print. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a === 0) return '0';
  if (Number.isInteger(n) && a < 1e7) return String(n);
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

const opText: Record<Op, string> = { '<=': '≤', '>=': '≥', '==': '=' };

export function formatHuman(r: ScenarioResult): string {
  const lines: string[] = [];
  lines.push(`▶ ${r.scenario}: ${r.description}`);
  const width = Math.max(...r.checks.map((c) => c.label.length));
  for (const c of r.checks) {
    const value = `${fmt(c.value)} ${c.unit}`.padStart(12);
    const target = `target ${opText[c.op]} ${fmt(c.limit)} ${c.unit}`.padEnd(22);
    lines.push(`  ${c.label.padEnd(width)}  ${value}   ${target}  ${c.pass ? 'PASS' : 'FAIL ✗'}`);
    const parts: string[] = [];
    if (c.baseline) parts.push(`baseline (${c.baseline.label}): ${fmt(c.baseline.value)} ${c.baseline.unit ?? c.unit}`.trimEnd());
    if (c.ratio) parts.push(`ratio ${fmt(c.ratio.value)}× (${c.ratio.reads})`);
    if (parts.length) lines.push(`      ${parts.join(' · ')}`);
    if (c.detail) lines.push(`      ${c.detail}`);
  }
  for (const n of r.notes) lines.push(`  note: ${n}`);
  const missed = r.checks.filter((c) => !c.pass).length;
  lines.push(
    r.pass
      ? `  ${r.scenario}: PASS (${r.checks.length}/${r.checks.length} targets met, ${fmt(r.durationMs / 1000)} s)`
      : `  ${r.scenario}: FAIL ✗ (${missed} of ${r.checks.length} targets missed: ${r.checks.filter((c) => !c.pass).map((c) => c.metric).join(', ')})`,
  );
  return lines.join('\n');
}

export function formatJson(r: ScenarioResult): string {
  return JSON.stringify(r);
}
