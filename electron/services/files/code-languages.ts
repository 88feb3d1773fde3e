/**
 * Source languages by file extension or well-known file name, so code is
 * explained as code (purpose, structure, risks) and split on its functions.
 */
const byExtension: Record<string, string> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  py: 'python', pyw: 'python', pyi: 'python', ipynb: 'python',
  rb: 'ruby', php: 'php', pl: 'perl', pm: 'perl', lua: 'lua', r: 'r', jl: 'julia',
  java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala', groovy: 'groovy', gradle: 'groovy', clj: 'clojure',
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', hxx: 'cpp', m: 'objective-c', mm: 'objective-c',
  cs: 'csharp', fs: 'fsharp', vb: 'vbnet', go: 'go', rs: 'rust', swift: 'swift', dart: 'dart', zig: 'zig', nim: 'nim',
  hs: 'haskell', ml: 'ocaml', mli: 'ocaml', ex: 'elixir', exs: 'elixir', erl: 'erlang', elm: 'elm',
  sh: 'shell', bash: 'shell', zsh: 'shell', fish: 'shell', ps1: 'powershell', psm1: 'powershell', bat: 'batch', cmd: 'batch',
  sql: 'sql', graphql: 'graphql', gql: 'graphql', proto: 'protobuf',
  html: 'html', htm: 'html', xml: 'xml', xsl: 'xml', svg: 'xml', vue: 'vue', svelte: 'svelte', astro: 'astro',
  css: 'css', scss: 'scss', sass: 'sass', less: 'less',
  yaml: 'yaml', yml: 'yaml', toml: 'toml', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'properties', env: 'dotenv',
  tf: 'terraform', hcl: 'hcl', nix: 'nix', cmake: 'cmake', mk: 'make', dockerfile: 'dockerfile',
  sol: 'solidity', asm: 'assembly', s: 'assembly', f90: 'fortran', pas: 'pascal', tex: 'latex',
};

const byName: Record<string, string> = {
  makefile: 'make', gnumakefile: 'make', dockerfile: 'dockerfile', containerfile: 'dockerfile', jenkinsfile: 'groovy',
  rakefile: 'ruby', gemfile: 'ruby', vagrantfile: 'ruby', 'cmakelists.txt': 'cmake', '.bashrc': 'shell', '.zshrc': 'shell',
  '.profile': 'shell', '.gitignore': 'gitignore', '.editorconfig': 'ini',
};

const byInterpreter: Record<string, string> = {
  node: 'javascript', deno: 'typescript', bun: 'javascript', tsx: 'typescript', 'ts-node': 'typescript',
  python: 'python', python3: 'python', python2: 'python', ruby: 'ruby', perl: 'perl', php: 'php',
  sh: 'shell', bash: 'shell', zsh: 'shell', dash: 'shell', ksh: 'shell', fish: 'shell', lua: 'lua', Rscript: 'r', pwsh: 'powershell',
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The language of a file, from its name or its `#!` line; undefined for prose and data. */
export function codeLanguageOf(name: string, firstLine: string): string | undefined {
  const lower = name.toLowerCase();
  const named = byName[lower] ?? (lower.startsWith('dockerfile.') ? 'dockerfile' : undefined);
  if (named) return named;
  const ext = byExtension[extensionOf(name)];
  if (ext) return ext;
  const shebang = /^#!\s*(?:\/usr\/bin\/env\s+(?:-\S+\s+)*)?(?:\S*\/)?([\w.-]+)/.exec(firstLine);
  if (shebang?.[1]) return byInterpreter[shebang[1].replace(/[\d.]+$/, '')] ?? byInterpreter[shebang[1]] ?? 'shell';
  return undefined;
}

// Lines that end like statements or blocks, or start with a keyword most languages share.
const codeLine = /[;{}]\s*$|^\s*(import|export|from|def|class|function|const|let|var|return|if|elif|else|for|while|public|private|protected|package|#include|using|namespace|fn|func|struct|impl|module|require)\b/;

const markers: [RegExp, string][] = [
  [/^<\?php/m, 'php'],
  [/^<!doctype html|^<html\b/im, 'html'],
  [/^<\?xml\b/m, 'xml'],
  [/^#include\s*[<"]/m, 'c'],
  [/^package\s+main\s*$|^func\s+\w+\(/m, 'go'],
  [/^package\s+[\w.]+;\s*$|^\s*public\s+(final\s+)?class\s/m, 'java'],
  [/^\s*fn\s+\w+\s*\(|^\s*impl\b|^use\s+\w+::/m, 'rust'],
  [/^\s*def\s+\w+\s*\(.*\)\s*(->\s*[\w[\], ]+)?:\s*$|^from\s+[\w.]+\s+import\s/m, 'python'],
  [/^\s*(interface|type)\s+\w+.*[={]\s*$|:\s*(string|number|boolean)\b/m, 'typescript'],
  [/^\s*(import|export)\s.+\sfrom\s+['"]|\brequire\(['"]|^\s*(const|let)\s+\w+\s*=/m, 'javascript'],
];

/**
 * For text with no telling name (notes.txt, a pasted snippet saved without
 * an extension): code when many of its first lines read like code, in the
 * language its markers point to, if any.
 */
export function codeFromContent(lines: readonly string[]): { language?: string } | null {
  if (lines.length < 3) return null;
  const codeLike = lines.filter((l) => codeLine.test(l)).length;
  if (codeLike / lines.length < 0.4) return null;
  const head = lines.join('\n');
  const language = markers.find(([pattern]) => pattern.test(head))?.[1];
  return language ? { language } : {};
}
