// Lint rules, including the module arrows of docs/ARCHITECTURE.md: lower layers never
// import higher ones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: forbidden, message }] },
    ],
  },
});

const IO = ['fs', 'node:fs', 'node:fs/promises', 'fs/promises', 'node:net', 'node:http', 'node:https', 'kysely', 'better-sqlite3', 'pg', 'fastify'];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'coverage/', '.tmp/', 'test-results/', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  { files: ['web/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // domain: pure, imports nothing of the project outside itself and no I/O
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO.map((name) => ({ name, message: 'src/domain is pure: no I/O.' })),
          patterns: [{ group: ['**/store/**', '**/server/**', '**/cli/**', '**/federation/**', '**/linkage/**', '**/network/**', '**/demo/**', '**/web/**'], message: 'src/domain imports nothing of the project.' }],
        },
      ],
    },
  },
  // linkage: pure, over domain only
  {
    files: ['src/linkage/**/*.ts'],
    ignores: ['src/linkage/**/*.test.ts', 'src/linkage/**/*worker*.ts', 'src/linkage/**/*.node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO.map((name) => ({ name, message: 'src/linkage is pure: file and network I/O belong to cli or server.' })),
          patterns: [{ group: ['**/store/**', '**/server/**', '**/cli/**', '**/federation/**', '**/demo/**', '**/web/**'], message: 'src/linkage may import only src/domain.' }],
        },
      ],
    },
  },
  // store: domain only
  layer(['src/store/**/*.ts'], ['**/server/**', '**/cli/**', '**/federation/**', '**/linkage/**', '**/demo/**', '**/web/**'], 'src/store may import only src/domain.'),
  // federation, demo: domain and store ports only
  layer(['src/federation/**/*.ts', 'src/demo/**/*.ts'], ['**/server/**', '**/cli/**', '**/web/**', '**/store/**', '!**/store/ports'], 'may import only src/domain and src/store/ports.'),
  // server never reaches into the CLI
  layer(['src/server/**/*.ts'], ['**/cli/**', '**/web/src/**'], 'src/server must not import src/cli or web.'),
  // web: API types only
  layer(['web/src/**/*.{ts,tsx}'], ['**/src/store/**', '**/src/server/!(api-types)*', '**/src/cli/**', '**/src/linkage/**', '**/src/federation/**'], 'web may import only API types.'),
);
