import { useCallback, useEffect, useState } from 'react';
import type { UsageRange, UsageSummary } from '../../../shared/usage';
import { parley } from '../../api/parley';
import { ModalDialog } from '../../components/modal-dialog';
import { useUsageStore } from '../../stores/usage-store';
import { downloadFile } from '../conversations/download-file';
import { BarChart } from './bar-chart';
import { BudgetForm } from './budget-form';
import { formatCount, formatUsd, plural, shortDay } from './format';
import { PriceTable } from './price-table';
import { rangeFor, rangePresets, type RangePreset } from './usage-range';
import { DaysTable, ErrorsTable, GroupTable, MonthsTable, SpeedTable, TotalsList } from './usage-tables';
import './usage.css';

function busiest(summary: UsageSummary, pick: (d: UsageSummary['days'][number]) => number, format: (n: number) => string): string {
  const top = summary.days.reduce((best, d) => (pick(d) > pick(best) ? d : best), summary.days[0]!);
  return pick(top) === 0 ? 'Nothing in this period.' : `Highest on ${shortDay(top.day)}: ${format(pick(top))}.`;
}

/**
 * The usage dashboard: requests and cost per day, speed, errors, and who
 * they went to, from the local database; budgets and prices; CSV export.
 */
export function UsageDialog() {
  const [preset, setPreset] = useState<RangePreset>('last30');
  const [range, setRange] = useState<UsageRange>(() => rangeFor('last30'));
  const [summary, setSummary] = useState<UsageSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => useUsageStore.getState().setDashboardOpen(false);

  const load = useCallback(async () => {
    const r = await parley.usage.summary(range);
    if (r.ok) {
      setSummary(r.value);
      setProblem(null);
      useUsageStore.setState({ status: r.value.budget });
    } else setProblem(r.error.message);
  }, [range]);

  useEffect(() => {
    void load();
  }, [load]);

  function choose(p: RangePreset) {
    setPreset(p);
    if (p !== 'custom') setRange(rangeFor(p));
  }

  async function exportCsv() {
    const r = await parley.usage.exportCsv(range);
    if (!r.ok) return setProblem(r.error.message);
    downloadFile(r.value.fileName, r.value.mimeType, r.value.content);
  }

  return (
    <ModalDialog title="Usage" onClose={close}>
      <div className="usage-dashboard">
        <div className="usage-controls">
          <label>
            Period
            <select value={preset} onChange={(e) => choose(e.target.value as RangePreset)}>
              {rangePresets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {preset === 'custom' && (
            <>
              <label>
                From
                <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })} />
              </label>
              <label>
                To
                <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })} />
              </label>
            </>
          )}
          <span className="usage-spacer" />
          <button type="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        {summary && (
          <>
            <section aria-label="Totals">
              <TotalsList summary={summary} />
              {summary.totals.unpricedRequests > 0 && (
                <p className="hint">{formatCount(summary.totals.unpricedRequests)} requests went to models without a price and are not in the cost: give them a price below.</p>
              )}
            </section>
            <section className="usage-charts" aria-label="Per day">
              <BarChart
                caption="Requests per day"
                bars={summary.days.map((d) => ({ label: shortDay(d.day), value: d.requests, text: plural(d.requests, 'request') }))}
                summary={`${plural(summary.totals.requests, 'request')} in ${plural(summary.days.length, 'day')}. ${busiest(summary, (d) => d.requests, (n) => plural(n, 'request'))}`}
              />
              <BarChart
                caption="Cost per day"
                bars={summary.days.map((d) => ({ label: shortDay(d.day), value: d.costUsd, text: formatUsd(d.costUsd) }))}
                summary={`${formatUsd(summary.totals.costUsd)} in ${plural(summary.days.length, 'day')}. ${busiest(summary, (d) => d.costUsd, formatUsd)}`}
              />
            </section>
            <div className="usage-columns">
              <DaysTable summary={summary} />
              <div>
                <MonthsTable summary={summary} />
                <SpeedTable summary={summary} />
                <ErrorsTable summary={summary} />
              </div>
            </div>
            <GroupTable caption="By model" first="Model" groups={summary.byModel} withProvider />
            <GroupTable caption="By provider" first="Provider" groups={summary.byProvider} />
            <GroupTable caption="Costliest conversations" first="Conversation" groups={summary.byConversation} />
          </>
        )}
        <BudgetForm />
        <details className="usage-prices">
          <summary>Prices per model</summary>
          <PriceTable onSaved={() => void load()} />
        </details>
      </div>
    </ModalDialog>
  );
}
