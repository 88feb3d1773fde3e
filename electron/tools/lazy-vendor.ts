import type { BuildOptions, Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Packages main needs only after start-up, each bundled into its own file
 * under vendor/ and required the first time it is used. In main.cjs they
 * were 4 of its 5.3 MB, and V8 reads all of a script before running any of
 * it: loading main.cjs took about 240 ms, most of it compiling code for a
 * first request or a dropped file (issue 7, start-up).
 *
 * Where main's code imports one of them statically, main.cjs holds a small
 * stand-in with a getter for each of the package's exports (read from the
 * package at build time), so the package is required at the first use of
 * one (`new OpenAI(…)`, `err instanceof APIError`), not when main starts.
 * Main's code must use named imports: a default import of a CommonJS
 * stand-in is the stand-in itself, not a class (tests/electron/lazy-vendor.test.ts
 * runs the bundle's first request). An `await import()` of one becomes a
 * require of its vendor file when it runs.
 */
export const lazyPackages = ['openai', 'unpdf', 'mammoth'];
const buildRequire = createRequire(import.meta.url);

/** What a package exports, as main's bundle would see it. */
function exportsOf(name: string): string[] {
  return Object.keys(buildRequire(name) as object).filter((k) => k !== 'default' && k !== '__esModule');
}

const vendorFile = (name: string) => `./vendor/${name}.cjs`;

function standIn(name: string, exports: string[]): string {
  const getters = exports.map((e) => `  ${JSON.stringify(e)}: { enumerable: true, get: () => load()[${JSON.stringify(e)}] },`).join('\n');
  return [
    `let loaded;`,
    `const load = () => (loaded ??= require(${JSON.stringify(vendorFile(name))}));`,
    `Object.defineProperties(module.exports, {`,
    `  __esModule: { value: true },`,
    getters,
    `});`,
  ].join('\n');
}

/** For main's bundle: each lazy package becomes a stand-in that requires its vendor file when first used. */
export function lazyVendorPlugin(): Plugin {
  const names = new Set(lazyPackages);
  return {
    name: 'parley-lazy-vendor',
    setup(build) {
      build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (!names.has(args.path)) return undefined;
        // An `await import()` becomes a require when it runs: esbuild wraps the module it names in a function
        // called at that moment, and a require works inside the asar archive where an import() of a file may not.
        return { path: args.path, namespace: args.kind === 'dynamic-import' ? 'parley-lazy-dynamic' : 'parley-lazy' };
      });
      const resolveDir = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onLoad({ filter: /.*/, namespace: 'parley-lazy' }, (args) => ({ contents: standIn(args.path, exportsOf(args.path)), loader: 'js', resolveDir }));
      build.onLoad({ filter: /.*/, namespace: 'parley-lazy-dynamic' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(vendorFile(args.path))});`,
        loader: 'js',
        resolveDir,
      }));
    },
  };
}

/** The vendor files themselves: each package bundled whole, CommonJS, beside main.cjs. */
export function vendorBuilds(common: BuildOptions, outDir: string): BuildOptions[] {
  return lazyPackages.map((name) => ({
    ...common,
    entryPoints: { [name]: name },
    outdir: path.join(outDir, 'vendor'),
    outExtension: { '.js': '.cjs' },
    target: 'node20',
  }));
}
