import { describe, expect, it } from 'vitest';
import { rangeFor } from '../../renderer/features/usage/usage-range';
import { UsageRange } from '../../shared/usage';

const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10, 0).getTime();

describe('the dashboard’s periods', () => {
  it('ends each rolling period today, today included', () => {
    expect(rangeFor('last7', at(2026, 3, 2))).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(rangeFor('last30', at(2026, 3, 2))).toEqual({ from: '2026-02-01', to: '2026-03-02' });
  });

  it('takes calendar months, last month across a new year', () => {
    expect(rangeFor('thisMonth', at(2026, 11, 26))).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(rangeFor('lastMonth', at(2027, 1, 5))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(rangeFor('lastMonth', at(2028, 3, 31))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('asks main only for ranges the contract takes, a leap year’s 365 days included', () => {
    for (const preset of ['last7', 'last30', 'thisMonth', 'lastMonth', 'last365'] as const) {
      expect(UsageRange.safeParse(rangeFor(preset, at(2028, 12, 31))).success, preset).toBe(true);
    }
  });
});
