// The conventions `npm test` checks (README → How it is built). Kept to rules that guard
// the architecture and real bugs; formatting is Prettier's (.prettierrc.json).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Node's own modules, by either name. */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'zlib', 'stream', 'readline', 'worker_threads'];

/** `no-restricted-imports` patterns: each group says why, in the message a developer reads. */
function forbid(...groups) {
  return ['error', { patterns: groups.map(([group, message]) => ({ group, message, allowTypeImports: true })) }];
}

const NO_NODE = [NODE_BUILTINS, 'shared/ and the renderer run in the browser too: no Node modules here.'];
const NO_ELECTRON = [['electron'], "Only electron/main.ts and electron/preload.ts may import 'electron'; services run without it (tests, host, CLI)."];
const NO_STORE = [['better-sqlite3', 'kysely', '**/db/*', '**/db/**'], 'The store is the services\u2019 business: call the API through the contract.'];
const NO_SERVICES = [['**/electron/*', '**/electron/**'], 'Go through the contract (shared/contract), not the services.'];
const NO_RENDERER = [['**/renderer/*', '**/renderer/**'], 'Nothing outside the renderer imports it.'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**', '.electron-native/**', 'coverage/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // What a change leaves behind: an import, a variable or a parameter nothing reads.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // No function or component over 200 lines (blank lines and comments aside): split it into
  // named parts. Tests are exempt: a describe() is a list of cases, not logic.
  {
    files: ['shared/**/*.ts', 'db/**/*.ts', 'electron/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 200, skipBlankLines: true, skipComments: true }] },
  },
  // Layers. shared/: pure rules and the contract, for both sides.
  { files: ['shared/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': forbid(NO_NODE, NO_ELECTRON, NO_STORE, NO_SERVICES, NO_RENDERER) } },
  // The renderer: React and the contract; talks to the main process only through the API client.
  { files: ['renderer/src/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': forbid(NO_NODE, NO_ELECTRON, NO_STORE, NO_SERVICES) } },
  // The store: no Electron, no services, no renderer.
  { files: ['db/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': forbid(NO_ELECTRON, NO_SERVICES, NO_RENDERER) } },
  // Services, host and CLI: plain Node. Only main.ts and preload.ts are Electron.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': forbid(NO_ELECTRON, NO_RENDERER) },
  },
  // A refusal is made by refuse() (electron/services/refuse.ts), not built by hand with its field list.
  {
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/refuse.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='KansliError'][arguments.length=3]",
          message: 'Use refuse(path, message, code) from ./refuse for a refusal that names a field.',
        },
      ],
    },
  },
  // React: hooks in the same order on every render.
  {
    files: ['renderer/src/**/*.tsx', 'renderer/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Tests: no test left focused.
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']",
          message: 'A focused test (.only) skips the rest.',
        },
      ],
    },
  },
);
