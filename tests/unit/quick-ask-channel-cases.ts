/**
 * Valid and refused inputs of the quick-ask channels, for the router's
 * validation tests (contract-input-validation-*.test.ts, through channel-cases.ts). The accelerator's own
 * grammar is checked by the service (accelerator.test.ts), not the contract.
 */
const badIds: [string, unknown][] = [
  ['missing conversationId', {}],
  ['an empty conversationId', { conversationId: '' }],
  ['a path as conversationId', { conversationId: '../etc/passwd' }],
  ['a number as conversationId', { conversationId: 42 }],
];

export const quickAskChannelCases = {
  'settings:getQuickAsk': { valid: {}, invalid: [['an extra field', { hotkey: 'Alt+Space' }]] as [string, unknown][] },
  'settings:setQuickAsk': {
    valid: { hotkey: 'Alt+Space', closeToTray: true, openAtLogin: false, useClipboardByDefault: true },
    invalid: [
      ['an empty hotkey', { hotkey: '' }],
      ['a hotkey of spaces', { hotkey: '   ' }],
      ['a hotkey of 101 characters', { hotkey: 'A'.repeat(101) }],
      ['a number as hotkey', { hotkey: 32 }],
      ['closeToTray as a string', { closeToTray: 'yes' }],
      ['openAtLogin as a number', { openAtLogin: 1 }],
      ['the read-only hotkeyProblem', { hotkeyProblem: null }],
    ] as [string, unknown][],
  },
  'quick:clipboardText': { valid: {}, invalid: [['an extra field', { max: 10 }]] as [string, unknown][] },
  'quick:hide': { valid: {}, invalid: [['an extra field', { force: true }]] as [string, unknown][] },
  'quick:resize': {
    valid: { height: 240 },
    invalid: [
      ['missing height', {}],
      ['a height of 0', { height: 0 }],
      ['a negative height', { height: -5 }],
      ['a fractional height', { height: 10.5 }],
      ['a height over 10,000', { height: 10_001 }],
      ['a height as text', { height: '240px' }],
    ] as [string, unknown][],
  },
  'quick:setPinned': { valid: { pinned: true }, invalid: [['missing pinned', {}], ['pinned as a string', { pinned: 'true' }]] as [string, unknown][] },
  'quick:openInMain': { valid: { conversationId: 'conv-1' }, invalid: badIds },
};
