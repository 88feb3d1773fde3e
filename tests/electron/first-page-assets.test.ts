import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What each built page fetches before its first paint: its stylesheets are
 * inline (a linked one holds the paint back for its request) and its first
 * scripts leave out markdown, math and highlighting, which come with the
 * first answer, and there is no zod. Read from the build `npm test` makes
 * before the suites.
 */
const builtDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');
const lazyChunk = /(^|\/)(markdown|katex|highlight|lowlight|math)[-.]/i;

function firstAssets(page: string): { stylesheets: string[]; scripts: string[] } {
  const file = path.join(builtDir, page);
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing: run the build first (npm test builds before testing)`);
  const html = readFileSync(file, 'utf8');
  const hrefs = (rel: string) => [...html.matchAll(new RegExp(`<link[^>]*rel="${rel}"[^>]*href="([^"]+)"`, 'g'))].map((m) => m[1]!);
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  return { stylesheets: hrefs('stylesheet'), scripts: [...scripts, ...hrefs('modulepreload')] };
}

describe.each(['index.html', 'quick.html'])('the built %s before its first paint', (page) => {
  it('links no stylesheet: its first styles are inline', () => {
    expect(firstAssets(page).stylesheets).toEqual([]);
    expect(readFileSync(path.join(builtDir, page), 'utf8')).toMatch(/<style>[^<]{200,}<\/style>/);
  });

  it('loads no markdown, math or highlighting code', () => {
    const { scripts } = firstAssets(page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => lazyChunk.test(s))).toEqual([]);
  });

  it('bundles no zod: the schemas are for main, and a value import from a schema file drags in all of it', () => {
    const withZod = firstAssets(page).scripts.filter((s) => /\$ZodType|ZodError/.test(readFileSync(path.join(builtDir, s), 'utf8')));
    expect(withZod).toEqual([]);
  });
});
