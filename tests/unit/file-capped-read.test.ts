import { randomBytes } from 'node:crypto';
import { promises as fsp, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapped } from '../../electron/services/files/read-file-safely';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

let dir: string;
let file: string;
const content = randomBytes(300_000);

beforeAll(() => {
  dir = makeTempDir('parley-capped-');
  file = path.join(dir, 'data.bin');
  writeFileSync(file, content);
});
afterAll(() => removeTempDir(dir));

async function withHandle<T>(use: (h: fsp.FileHandle) => Promise<T>): Promise<T> {
  const handle = await fsp.open(file, 'r');
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

describe('reading by chunks up to the cap', () => {
  it('reads a whole file whose size the system does not report, growing past its first 64 KB', async () => {
    const bytes = await withHandle((h) => readCapped(h, 0, 1_000_000));
    expect(bytes.equals(content)).toBe(true);
  });

  it('stops one byte past the limit, so the caller knows the file is over it without reading the rest', async () => {
    const bytes = await withHandle((h) => readCapped(h, 0, 100_000));
    expect(bytes.length).toBe(100_001);
    expect(bytes.equals(content.subarray(0, 100_001))).toBe(true);
  });

  it('reads exactly the reported size when the system knows it', async () => {
    const bytes = await withHandle((h) => readCapped(h, content.length, 1_000_000));
    expect(bytes.equals(content)).toBe(true);
  });
});
