import type { BuildOptions, Plugin } from 'esbuild';
import path from 'node:path';

/**
 * Packages main needs only after start-up, each bundled into its own file
 * under vendor/ and required the first time it is used. In main.cjs they
 * were 4 of its 5.3 MB, and V8 reads all of a script before running any of
 * it: loading main.cjs took about 240 ms, most of it compiling code for a
 * first request or a dropped file (issue 7, start-up).
 *
 * `exports` names what main's code takes from a package by a static import;
 * main.cjs then holds a small stand-in whose exports are getters, so the
 * package is required at the first use of one of them (`new OpenAI(…)`,
 * `err instanceof APIError`), not when main starts. Main's code must use
 * named imports of these: a default import of a CommonJS stand-in is the
 * stand-in itself, not a class (tests/electron/lazy-vendor.test.ts runs the
 * bundle's first request). A package that main's code only imports with
 * `await import()` needs no names.
 */
const lazyPackages: { name: string; exports: string[] }[] = [
  { name: 'openai', exports: ['OpenAI', 'AzureOpenAI', 'APIError', 'APIConnectionError', 'APIConnectionTimeoutError'] },
  { name: 'unpdf', exports: [] },
  { name: 'mammoth', exports: [] },
];

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
  const names = new Set(lazyPackages.map((p) => p.name));
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
      build.onLoad({ filter: /.*/, namespace: 'parley-lazy' }, (args) => {
        const pkg = lazyPackages.find((p) => p.name === args.path)!;
        return { contents: standIn(pkg.name, pkg.exports), loader: 'js', resolveDir };
      });
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
  return lazyPackages.map((p) => ({
    ...common,
    entryPoints: { [p.name]: p.name },
    outdir: path.join(outDir, 'vendor'),
    outExtension: { '.js': '.cjs' },
    target: 'node20',
  }));
}

export const lazyPackageNames = lazyPackages.map((p) => p.name);
