import { create } from 'zustand';
import type { BudgetStatus } from '../../shared/usage';
import { parley } from '../api/parley';

interface UsageState {
  /** Spending against the budgets, for the composer's warning; null until first read (or when reading failed). */
  status: BudgetStatus | null;
  dashboardOpen: boolean;
  /** The person chose "Send anyway": the next send carries overrideBudget, once. */
  overrideNext: boolean;
  refresh(): Promise<void>;
  setDashboardOpen(open: boolean): void;
  allowOnce(): void;
  /** Whether the next send may pass a spent budget; reading it uses it up. */
  takeOverride(): boolean;
}

export const useUsageStore = create<UsageState>((set, get) => ({
  status: null,
  dashboardOpen: false,
  overrideNext: false,

  async refresh() {
    const r = await parley.usage.status({}).catch(() => null);
    // A failed read keeps what was known: the warning is a hint, main still enforces the budget.
    if (r?.ok) set({ status: r.value });
  },
  setDashboardOpen: (open) => set({ dashboardOpen: open }),
  allowOnce: () => set({ overrideNext: true }),
  takeOverride() {
    const allowed = get().overrideNext;
    if (allowed) set({ overrideNext: false });
    return allowed;
  },
}));
