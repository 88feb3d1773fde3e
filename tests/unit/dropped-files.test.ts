import { describe, expect, it } from 'vitest';
import { droppedItems, dropMessage } from '../../renderer/features/files/dropped-files';

/** What Chromium hands a drop handler for a folder: an entry whose reader answers in batches, then an empty one. */
function folder(name: string, files: File[], batch = 2) {
  let at = 0;
  return {
    isDirectory: true,
    isFile: false,
    name,
    createReader: () => ({
      readEntries(resolve: (entries: unknown[]) => void) {
        const entries = files.slice(at, at + batch).map((f) => ({ isFile: true, isDirectory: false, name: f.name, file: (ok: (f: File) => void) => ok(f) }));
        at += batch;
        resolve(entries);
      },
    }),
  };
}

function dataTransfer(items: { file: File | null; entry: unknown }[]) {
  return {
    items: items.map((i) => ({ kind: 'file', getAsFile: () => i.file, webkitGetAsEntry: () => i.entry })),
    files: items.map((i) => i.file).filter(Boolean),
    types: ['Files'],
  } as unknown as DataTransfer;
}

describe('dropped files', () => {
  it('offers the files of a dropped folder, sorted by name, next to the files dropped with it', async () => {
    const a = new File(['a'], 'a.ts');
    const b = new File(['bb'], 'b.md');
    const c = new File(['c'], 'c.log');
    const loose = new File(['x'], 'loose.txt');
    const items = await droppedItems(
      dataTransfer([
        { file: null, entry: folder('src', [c, a, b]) },
        { file: loose, entry: { isDirectory: false, isFile: true, name: 'loose.txt' } },
      ]),
    );
    expect(items[0]).toMatchObject({ kind: 'directory', name: 'src', more: 0 });
    expect(items[0]!.kind === 'directory' && items[0]!.files.map((f) => f.name)).toEqual(['a.ts', 'b.md', 'c.log']);
    expect(items[1]).toEqual({ kind: 'file', file: loose });
  });

  it('takes the files alone when the browser gives no entries (a page-made DataTransfer)', async () => {
    const f = new File(['x'], 'x.py');
    expect(await droppedItems(dataTransfer([{ file: f, entry: null }]))).toEqual([{ kind: 'file', file: f }]);
  });

  it('says what a drop will do, naming the file when the browser lets the page see it', () => {
    expect(dropMessage('window', { count: 1, name: 'a.py' })).toBe('Drop to explain a.py');
    expect(dropMessage('window', { count: 1, name: null })).toBe('Drop to explain this file');
    expect(dropMessage('window', { count: 3, name: null })).toBe('Drop to explain 3 files, each in a new conversation');
    expect(dropMessage('composer', { count: 1, name: 'a.py' })).toBe('Drop to attach a.py to this conversation');
    expect(dropMessage('quick', { count: 2, name: null })).toBe('Drop to explain 2 files here');
  });
});
