import { useEffect, useState } from 'react';
import type { BudgetStatus } from '../../../shared/usage';
import { parley } from '../../api/parley';
import { useUsageStore } from '../../stores/usage-store';
import { formatUsd } from './format';

const toText = (v: number | null) => (v === null ? '' : String(v));

/** '' is no budget; anything else must be a positive amount. */
function parseBudget(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/^\$/, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 && n <= 1_000_000 ? n : 'invalid';
}

function describe(status: BudgetStatus): string {
  const { budgets: b } = status;
  const parts = [
    `Today ${formatUsd(status.spentTodayUsd)}${b.dailyUsd === null ? '' : ` of ${formatUsd(b.dailyUsd)}`}`,
    `this month ${formatUsd(status.spentThisMonthUsd)}${b.monthlyUsd === null ? '' : ` of ${formatUsd(b.monthlyUsd)}`}`,
  ];
  return `${parts.join(', ')}.`;
}

/**
 * The day's and the month's budget. From 80 % of either the composer warns;
 * at 100 % Parley stops sending, and the person may send one request anyway.
 */
export function BudgetForm() {
  const status = useUsageStore((s) => s.status);
  const [daily, setDaily] = useState('');
  const [monthly, setMonthly] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Disabled until the saved budgets arrive, as in Chat options: they would overwrite an edit made before,
  // and Save, which writes both, would clear the budget that was not typed.
  const [loaded, setLoaded] = useState(false);
  const loading = !loaded && problem === null;

  useEffect(() => {
    const unreadable = (why: string) => setProblem(`Could not read the saved budgets: ${why}`);
    parley.settings
      .getBudgets({})
      .then((r) => {
        if (!r.ok) return unreadable(r.error.message);
        setDaily(toText(r.value.dailyUsd));
        setMonthly(toText(r.value.monthlyUsd));
        setLoaded(true);
      })
      .catch((err: unknown) => unreadable(err instanceof Error ? err.message : String(err)));
  }, []);

  async function save() {
    const dailyUsd = parseBudget(daily);
    const monthlyUsd = parseBudget(monthly);
    if (dailyUsd === 'invalid' || monthlyUsd === 'invalid') {
      setProblem('A budget is an amount in dollars above $0, or empty for none.');
      return;
    }
    setProblem(null);
    const r = await parley.settings.setBudgets({ dailyUsd, monthlyUsd });
    if (!r.ok) return setProblem(r.error.message);
    setNote('Budgets saved.');
    await useUsageStore.getState().refresh();
  }

  return (
    <form
      className="budget-form"
      aria-labelledby="budgets-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="budgets-heading">Budgets</h3>
      {status && (
        <p className={status.level === 'ok' ? 'hint' : 'warning'} role="status">
          {describe(status)} {status.level === 'exceeded' ? 'A budget is spent: sending is stopped.' : status.level === 'warning' ? 'Over 80 % of a budget is spent.' : ''}
        </p>
      )}
      <fieldset className="budget-fields" disabled={!loaded} aria-busy={loading}>
        <label>
          Daily budget (US$)
          <input inputMode="decimal" value={daily} placeholder="No budget" onChange={(e) => (setDaily(e.target.value), setNote(null))} />
        </label>
        <label>
          Monthly budget (US$)
          <input inputMode="decimal" value={monthly} placeholder="No budget" onChange={(e) => (setMonthly(e.target.value), setNote(null))} />
        </label>
        <button type="submit">Save budgets</button>
      </fieldset>
      {loading && <p className="hint">Loading the saved budgets…</p>}
      <p className="hint">Parley warns from 80 % of a budget and stops sending at 100 %; you can still send one request at a time anyway.</p>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {note && (
        <p role="status" className="hint">
          {note}
        </p>
      )}
    </form>
  );
}
