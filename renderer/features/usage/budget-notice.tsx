import { useEffect } from 'react';
import { parley } from '../../api/parley';
import { useChatStore } from '../../stores/chat-store';
import { useUsageStore } from '../../stores/usage-store';
import { formatUsd } from './format';

/**
 * Under the composer: a warning from 80 % of the day's or month's budget, and
 * once one is spent, that sending is stopped, with "Send anyway" for the one
 * message in the box. Main enforces the budget; this only says so in time.
 */
export function BudgetNotice({ canSend, onSendAnyway }: { canSend: boolean; onSendAnyway(): void }) {
  const status = useUsageStore((s) => s.status);
  const problem = useChatStore((s) => s.problem);

  useEffect(() => {
    const refresh = () => void useUsageStore.getState().refresh();
    refresh();
    return parley.subscribe('chat:done', refresh);
  }, []);
  // A refused send (BUDGET_EXCEEDED) shows as a problem: the notice catches up with it.
  useEffect(() => {
    if (problem) void useUsageStore.getState().refresh();
  }, [problem]);

  if (!status || status.level === 'ok' || status.period === null) return null;
  const day = status.period === 'day';
  const budget = (day ? status.budgets.dailyUsd : status.budgets.monthlyUsd) ?? 0;
  const spent = day ? status.spentTodayUsd : status.spentThisMonthUsd;
  const which = day ? 'today’s' : 'this month’s';
  // The nudge keeps 79.999… (floating-point cents) from reading as 79 %.
  const share = budget > 0 ? Math.floor((spent / budget) * 100 + 1e-6) : 100;
  const openUsage = (
    <button type="button" className="link" onClick={() => useUsageStore.getState().setDashboardOpen(true)}>
      Budgets
    </button>
  );

  if (status.level === 'warning') {
    return (
      <p className="warning budget-notice" role="status">
        <span>
          {formatUsd(spent)} of {which} {formatUsd(budget)} budget spent ({share} %).
        </span>
        {openUsage}
      </p>
    );
  }
  return (
    <div className="problem budget-notice" role="status">
      <span>
        {day ? 'Today’s' : 'This month’s'} budget of {formatUsd(budget)} is spent ({formatUsd(spent)}), so sending is stopped.
      </span>
      <button type="button" onClick={onSendAnyway} disabled={!canSend}>
        Send anyway
      </button>
      {openUsage}
    </div>
  );
}
