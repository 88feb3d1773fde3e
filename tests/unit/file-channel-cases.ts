/**
 * Valid and refused inputs of the dropped-file channels, for the router's
 * validation tests (contract-input-validation-*.test.ts, through channel-cases.ts). Whether a path can be
 * read is the service's business (FILE_REFUSED / FILE_UNREADABLE), not the contract's.
 */
type Cases = { valid: Record<string, unknown>; invalid: [string, unknown][] };

const pathSource = { kind: 'path', path: '/home/ada/notes.txt' };
const bytesSource = { kind: 'bytes', name: 'notes.txt', base64: 'aGVsbG8=' };
const validSettings = { maxFileBytes: 50_000_000, confirmAboveUsd: 0.5, concurrency: 3 };

export const fileChannelCases = {
  'files:prepare': {
    valid: { source: pathSource, conversationId: 'conv-1' },
    invalid: [
      ['missing source', {}],
      ['a source of an unknown kind', { source: { kind: 'url', path: 'https://example.com/x' } }],
      ['an empty path', { source: { kind: 'path', path: '' } }],
      ['a path of 4097 characters', { source: { kind: 'path', path: 'a'.repeat(4097) } }],
      ['a number as path', { source: { kind: 'path', path: 7 } }],
      ['bytes without a name', { source: { kind: 'bytes', base64: 'aGVsbG8=' } }],
      ['bytes with a blank name', { source: { ...bytesSource, name: '  ' } }],
      ['bytes that are not base64', { source: { ...bytesSource, base64: 'not base64!' } }],
      ['bytes with a path too', { source: { ...bytesSource, path: '/etc/passwd' } }],
      ['a path source with an extra field', { source: { ...pathSource, follow: true } }],
      ['a path as conversationId', { source: pathSource, conversationId: '../etc/passwd' }],
    ],
  },
  'files:explain': {
    valid: { fileId: 'file-1', confirm: true },
    invalid: [
      ['missing fileId', {}],
      ['a path as fileId', { fileId: '../x' }],
      ['a string as confirm', { fileId: 'file-1', confirm: 'yes' }],
      ['a number as regenerate', { fileId: 'file-1', regenerate: 1 }],
      ['a bad conversationId', { fileId: 'file-1', conversationId: 'conv 1' }],
    ],
  },
  'files:stop': { valid: { messageId: 'msg-2' }, invalid: [['missing messageId', {}], ['a bad messageId', { messageId: '' }]] },
  'files:attachments': { valid: { conversationId: 'conv-1' }, invalid: [['missing conversationId', {}], ['a number as conversationId', { conversationId: 42 }]] },
  'files:takeOpened': { valid: {}, invalid: [['an extra field', { all: true }]] },
  'settings:getFiles': { valid: {}, invalid: [['an extra field', { maxFileBytes: 1 }]] },
  'settings:setFiles': {
    valid: validSettings,
    invalid: [
      ['missing concurrency', { maxFileBytes: 50_000_000, confirmAboveUsd: 0.5 }],
      ['a size limit under 1 kB', { ...validSettings, maxFileBytes: 10 }],
      ['a size limit over 500 MB', { ...validSettings, maxFileBytes: 600_000_000 }],
      ['a negative threshold', { ...validSettings, confirmAboveUsd: -1 }],
      ['a concurrency of 0', { ...validSettings, concurrency: 0 }],
      ['a fractional concurrency', { ...validSettings, concurrency: 1.5 }],
    ],
  },
} satisfies Record<string, Cases>;
