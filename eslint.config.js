// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Process boundaries (style.md §1, design.md): an import from the wrong process is a lint error.
 * Each area gets ONE no-restricted-imports rule (a later flat-config entry replaces, not merges).
 */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const group = (regex, message) => ({ regex, message });

const electron = group('^electron(/|$)', 'Only src-main/app may import electron (design.md: services run in plain Node).');
const mainCode = group('(^|/)src-main(/|$)', 'This process may not import src-main.');
const rendererCode = group('(^|/)src-renderer(/|$)', 'This process may not import src-renderer.');
const serverCode = group('(^|/)src-server(/|$)', 'Only the central server may import src-server.');
const database = group('^(better-sqlite3|drizzle-orm|drizzle-kit|@electric-sql/pglite|pg)(/|$)', 'Database code lives in src-main (or src-server), not here.');
const dom = group('^(react|react-dom)(/|$)', 'src-shared is pure: no DOM or UI code.');
const nodeBuiltins = (message) => ({ paths: NODE_BUILTINS.map((name) => ({ name, message })) });

const restrict = (message, ...patterns) => ['error', { ...(message === null ? {} : nodeBuiltins(message)), patterns }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', '.electron-native/**', 'tests/lint/fixtures/**', 'src-main/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: 'error',
      // Everything outside the areas below (tests, bench, scripts): no electron.
      'no-restricted-imports': restrict(null, electron),
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('src-shared is pure TypeScript: no node:* (design.md).', electron, database, dom, mainCode, rendererCode, serverCode) },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: { 'no-restricted-imports': restrict('The renderer is sandboxed: no node:*; talk to main through window.ebill.', electron, database, mainCode, serverCode) },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**'],
    rules: { 'no-restricted-imports': restrict(null, electron, rendererCode, serverCode) },
  },
  {
    files: ['src-main/app/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(null, rendererCode, serverCode) },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(null, electron, mainCode, rendererCode) },
  },
  {
    // Tests may read anything they check, but never electron.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(null, electron),
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
