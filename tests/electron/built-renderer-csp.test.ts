import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The CSP as it ships: read from the HTML that `vite build` wrote, not from
 * the source pages, because a plugin or a build option can rewrite, move or
 * drop the meta tag, and only the built page is what Electron loads. This
 * file does not build: `npm test` builds before it runs the suites.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const builtDir = path.join(repoRoot, 'out', 'renderer');
const sourceDir = path.join(repoRoot, 'renderer');

const notBuilt = `${path.relative(repoRoot, builtDir)} is missing or has no HTML: run the build first (npm run build, or npm test, which builds before testing)`;

function htmlPagesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
}

function builtPages(): string[] {
  const pages = htmlPagesIn(builtDir);
  if (pages.length === 0) throw new Error(notBuilt);
  return pages;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** `default-src 'self'; img-src 'self' data:` → { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] }. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // A repeated directive is ignored by browsers after its first appearance; so here.
    if (!directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function decodeEntities(s: string): string {
  return s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function tags(html: string, name: string): { tag: string; index: number }[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => ({ tag: m[0], index: m.index }));
}

function cspMetas(html: string): { policy: string; index: number }[] {
  return tags(html, 'meta')
    .filter(({ tag }) => attribute(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy')
    .map(({ tag, index }) => ({ policy: attribute(tag, 'content') ?? '', index }));
}

/** A source that lets the page reach beyond its own files: a scheme, a host, or a wildcard. */
function isRemoteSource(source: string): boolean {
  return /^(https?|wss?|ftp):/i.test(source) || source.includes('*') || /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i.test(source);
}

const isRemoteUrl = (url: string) => /^\s*(https?:)?\/\//i.test(url);

/** How a built script or stylesheet could pull code from the network at run time. */
const remoteCodeLoads: [string, RegExp][] = [
  ['a dynamic import of a remote URL', /\bimport\s*\(\s*["'`](https?:)?\/\//i],
  ['a static import of a remote URL', /\b(from|import)\s*["'`](https?:)?\/\//i],
  ['importScripts of a remote URL', /\bimportScripts\s*\(\s*["'`](https?:)?\/\//i],
  ['a worker from a remote URL', /\bnew\s+(Shared)?Worker\s*\(\s*(new\s+URL\s*\(\s*)?["'`](https?:)?\/\//i],
  ['a script element with a remote src', /<script[^>]*\bsrc\s*=\s*\\?["'](https?:)?\/\//i],
  ['a stylesheet import of a remote URL', /@import\s+(url\()?\s*["']?(https?:)?\/\//i],
];

describe('the built renderer', () => {
  it('has a built page for every page of the renderer', () => {
    expect(htmlPagesIn(builtDir), notBuilt).toEqual(htmlPagesIn(sourceDir));
    expect(htmlPagesIn(builtDir)).toEqual(expect.arrayContaining(['index.html', 'quick.html']));
  });

  describe.each(htmlPagesIn(sourceDir).map((p) => [p]))('%s as built', (page) => {
    const read = () => {
      const file = path.join(builtDir, page);
      if (!existsSync(file)) throw new Error(notBuilt);
      return readFileSync(file, 'utf8');
    };

    it('declares one Content-Security-Policy, before anything it loads', () => {
      const html = read();
      const metas = cspMetas(html);
      expect(metas).toHaveLength(1);
      // A CSP meta governs only what comes after it in the document.
      const firstLoad = Math.min(...[...tags(html, 'script'), ...tags(html, 'link'), ...tags(html, 'style')].map((t) => t.index), Infinity);
      expect(metas[0]!.index).toBeLessThan(firstLoad);
      expect(html.indexOf('</head>')).toBeGreaterThan(metas[0]!.index);
    });

    it("allows only the page's own files: no eval, no remote script, no remote connections", () => {
      const csp = parseCsp(cspMetas(read())[0]?.policy ?? '');
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      // Without a script-src, default-src ('self', checked above) governs scripts.
      const scriptSources = csp.get('script-src') ?? csp.get('default-src') ?? [];
      expect(scriptSources).toEqual(["'self'"]);
      for (const [directive, sources] of csp) {
        expect(sources, `${directive} allows eval`).not.toContain("'unsafe-eval'");
        expect(sources, `${directive} allows WebAssembly eval`).not.toContain("'wasm-unsafe-eval'");
        expect(sources.filter(isRemoteSource), `${directive} allows a remote source`).toEqual([]);
        // blob: and data: scripts are as good as inline ones.
        if (directive === 'script-src' || directive === 'worker-src') expect(sources.filter((s) => /^(data|blob|filesystem):$/i.test(s))).toEqual([]);
      }
    });

    it('loads only its own files, and each of them exists', () => {
      const html = read();
      const scripts = tags(html, 'script');
      expect(scripts.length).toBeGreaterThan(0);
      for (const { tag } of scripts) {
        const src = attribute(tag, 'src');
        expect(src, `an inline script (${tag}) that the CSP would block`).not.toBeNull();
      }
      const urls = [...scripts.map(({ tag }) => attribute(tag, 'src')), ...tags(html, 'link').map(({ tag }) => attribute(tag, 'href'))].filter((u): u is string => u !== null);
      for (const url of urls) {
        expect(isRemoteUrl(url) || /^[a-z][a-z0-9+.-]*:/i.test(url), `${page} loads ${url}`).toBe(false);
        expect(existsSync(path.join(builtDir, url.split(/[?#]/)[0]!)), `${page} loads ${url}, which the build did not write`).toBe(true);
      }
    });
  });

  it('has no script or stylesheet that loads code from the network', () => {
    builtPages();
    const files = filesUnder(builtDir).filter((f) => /\.(m?js|css|html)$/.test(f));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [what, pattern] of remoteCodeLoads) {
        const m = pattern.exec(text);
        if (m) found.push(`${path.relative(builtDir, file)}: ${what}: …${text.slice(Math.max(0, m.index - 40), m.index + 80)}…`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the CSP parser of this test', () => {
  it('reads directives and their sources', () => {
    const csp = parseCsp("default-src 'self'; img-src 'self' data: ;; connect-src 'self' https://api.openai.com");
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')?.filter(isRemoteSource)).toEqual(['https://api.openai.com']);
  });

  it('takes hosts and wildcards for remote sources, and keywords and data: for local ones', () => {
    for (const s of ['https:', 'http://x.test', '*', '*.example.com', 'cdn.example.com', 'example.com:443', 'wss://x']) expect(isRemoteSource(s), s).toBe(true);
    for (const s of ["'self'", "'none'", 'data:', "'unsafe-inline'"]) expect(isRemoteSource(s), s).toBe(false);
  });

  it('finds a remote script however a bundle spells it', () => {
    const samples = ['import("https://cdn.example/x.js")', "import x from 'https://esm.sh/x'", 'importScripts("//cdn.example/w.js")', 'new Worker(new URL("https://x.test/w.js"))', 'el.innerHTML = "<script src=\\"https://x.test/a.js\\">"', '@import url("https://fonts.example/css")'];
    for (const s of samples) expect(remoteCodeLoads.some(([, p]) => p.test(s)), s).toBe(true);
    expect(remoteCodeLoads.some(([, p]) => p.test('const ns = "http://www.w3.org/1999/xhtml"; import("./assets/x.js")'))).toBe(false);
  });
});
