import type { UsageRange } from '../../../shared/usage';
import { addDays, localDay } from '../../../shared/usage-days';

export const rangePresets = [
  { id: 'last7', label: 'Last 7 days' },
  { id: 'last30', label: 'Last 30 days' },
  { id: 'thisMonth', label: 'This month' },
  { id: 'lastMonth', label: 'Last month' },
  { id: 'last365', label: 'Last 365 days' },
  { id: 'custom', label: 'Custom' },
] as const;
export type RangePreset = (typeof rangePresets)[number]['id'];

/** The range a preset means today (local days, as the usage table stores them). */
export function rangeFor(preset: Exclude<RangePreset, 'custom'>, now = Date.now()): UsageRange {
  const today = localDay(now);
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: monthStart, to: today };
    case 'lastMonth': {
      const lastDay = addDays(monthStart, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
    case 'last365':
      return { from: addDays(today, -364), to: today };
  }
}
