// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Config files, scripts and shims are plain CommonJS run by Node.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The check engine is pure: it runs in the browser, in Excel and in Node alike.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'stream', 'worker_threads'], message: 'src/core is pure: no I/O.' },
          { group: ['react', 'react-dom', '@fluentui/*'], message: 'src/core knows no UI.' },
          { group: ['exceljs', 'office-js', 'office-addin-*', 'fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg'], message: 'src/core knows no workbook library, server or store.' },
          { group: ['**/io', '**/io/*', '**/excel/*', '**/server/*', '**/taskpane/*', '**/cli/*'], message: 'src/core imports nothing outside src/core.' },
        ],
      }],
    },
  },
  {
    // Only the Office.js adapter talks to Excel.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/excel/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Only src/excel touches Excel.*' }],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts', 'src/site/**/*.tsx', 'src/site/**/*.ts', 'src/analysis/**/*.tsx', 'src/analysis/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
