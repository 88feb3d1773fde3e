/**
 * Valid and refused inputs of the usage, budget and price channels, for the
 * router's validation tests (contract-input-validation-*.test.ts, through channel-cases.ts).
 */
type Cases = { valid: Record<string, unknown>; invalid: [string, unknown][] };

const range = { from: '2026-11-01', to: '2026-11-30' };
const budgets = { dailyUsd: 2, monthlyUsd: 40 };
const price = { model: 'gpt-4o-mini', inputPerMillion: 0.1, outputPerMillion: 0.4 };

const rangeCases: [string, unknown][] = [
  ['missing to', { from: '2026-11-01' }],
  ['a day that is not a date', { ...range, from: '2026-13-01' }],
  ['a day with a time', { ...range, to: '2026-11-30T10:00' }],
  ['a day as a number', { ...range, from: 20261101 }],
  ['a range that ends before it starts', { from: '2026-11-30', to: '2026-11-01' }],
  ['a range of more than 366 days', { from: '2024-01-01', to: '2026-01-01' }],
];

export const usageChannelCases = {
  'usage:summary': { valid: range, invalid: rangeCases },
  'usage:exportCsv': { valid: range, invalid: rangeCases },
  'usage:status': { valid: {}, invalid: [['an extra field', { today: '2026-11-01' }]] },
  'settings:getBudgets': { valid: {}, invalid: [] },
  'settings:setBudgets': {
    valid: budgets,
    invalid: [
      ['missing monthlyUsd', { dailyUsd: 2 }],
      ['a budget of $0', { ...budgets, dailyUsd: 0 }],
      ['a negative budget', { ...budgets, monthlyUsd: -5 }],
      ['a budget as a string', { ...budgets, dailyUsd: '2' }],
      ['a budget of NaN', { ...budgets, dailyUsd: Number.NaN }],
      ['a budget over a million dollars', { ...budgets, monthlyUsd: 2_000_000 }],
    ],
  },
  'settings:getPrices': { valid: {}, invalid: [] },
  'settings:setPrices': {
    valid: { overrides: [price] },
    invalid: [
      ['missing overrides', {}],
      ['a negative price', { overrides: [{ ...price, inputPerMillion: -1 }] }],
      ['a price over $10,000 per million', { overrides: [{ ...price, outputPerMillion: 10_001 }] }],
      ['an empty model', { overrides: [{ ...price, model: '  ' }] }],
      ['a model priced twice', { overrides: [price, { ...price, inputPerMillion: 1 }] }],
      ['an extra field in a price', { overrides: [{ ...price, currency: 'EUR' }] }],
      ['more than 500 prices', { overrides: Array.from({ length: 501 }, (_, i) => ({ ...price, model: `m${i}` })) }],
    ],
  },
} satisfies Record<string, Cases>;
