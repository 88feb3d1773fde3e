/**
 * Valid and refused inputs of the update channels, for the router's
 * validation tests (contract-input-validation-*.test.ts, through channel-cases.ts).
 */
type Cases = { valid: Record<string, unknown>; invalid: [string, unknown][] };

export const updateChannelCases = {
  'settings:getUpdates': { valid: {}, invalid: [['an extra field', { channel: 'beta' }]] },
  'settings:setUpdates': {
    valid: { checkAutomatically: false },
    invalid: [
      ['missing checkAutomatically', {}],
      ['a string for checkAutomatically', { checkAutomatically: 'yes' }],
      ['an extra field', { checkAutomatically: true, feedUrl: 'https://evil.example/' }],
    ],
  },
  'app:restartToUpdate': { valid: {}, invalid: [['an extra field', { installer: 'C:\\evil.exe' }]] },
} satisfies Record<string, Cases>;
