// Lint, including the process boundaries of ARCHITECTURE.md: a mistake here fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const mainOnly = ['electron', 'openai', 'openai/*', 'keytar', 'better-sqlite3'];

const restrict = (paths, patterns, message) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message })),
    patterns: [{ group: patterns, message }],
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"][callee.object.name=/^(it|describe|test)$/]', message: '.only hides the rest of the suite' },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...mainOnly, ...nodeBuiltins],
        ['**/electron/**', '../electron/*', 'node:*', ...mainOnly],
        'The renderer owns presentation only: keys, model calls, files and the database belong to main (ARCHITECTURE.md).',
      ),
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...mainOnly, 'react', 'react-dom', ...nodeBuiltins],
        ['**/electron/**', '**/renderer/**', 'node:*', 'react', 'react-dom/*', ...mainOnly],
        'shared/ is the contract both sides import: no Electron, React, Node built-ins or main-only libraries.',
      ),
    },
  },
  {
    files: ['electron/services/**', 'electron/db/**', 'electron/ipc/**', 'electron/backend.ts', 'electron/browser-host/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron'],
        ['**/shell/**', '**/main', '**/preload'],
        'Services do not know Electron: the shell adapts them (ARCHITECTURE.md).',
      ),
    },
  },
);
