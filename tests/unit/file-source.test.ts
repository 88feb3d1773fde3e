import { describe, expect, it } from 'vitest';
import { fileSourceFrom, refusalError } from '../../electron/services/files/file-source';
import { refusal } from '../../electron/services/files/file-refusal';

describe('the contract’s file source', () => {
  it('passes a path through and decodes dropped bytes from base64', () => {
    expect(fileSourceFrom({ kind: 'path', path: '/tmp/a.txt' })).toEqual({ path: '/tmp/a.txt' });
    const source = fileSourceFrom({ kind: 'bytes', name: 'a.txt', base64: Buffer.from('héllo').toString('base64') });
    expect('bytes' in source && Buffer.from(source.bytes).toString()).toBe('héllo');
  });

  it('turns a refusal into an error with its code and message', () => {
    const error = refusalError(refusal('not-found', 'Parley cannot find /x.'));
    expect(error.toShape()).toEqual({ code: 'FILE_UNREADABLE', message: 'Parley cannot find /x.' });
    expect(refusalError(refusal('empty', 'a.txt is empty.')).code).toBe('FILE_REFUSED');
  });
});
