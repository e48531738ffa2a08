// One linter, configured strictly. Product code may not turn text into markup, evaluate strings
// as code, or reach the network: only lib/crm (run by the background) talks to the organisation's CRM.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const markupAndEval = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Build DOM nodes or use Preact; never parse strings as HTML.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Build DOM nodes or use Preact; never parse strings as HTML.',
  },
  {
    selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
    message: 'document.write is forbidden.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render strings as HTML.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No code from strings.' },
  {
    selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type='Literal']",
    message: 'No code from strings.',
  },
];
const network = [
  {
    selector: "CallExpression[callee.name='fetch'], CallExpression[callee.property.name='fetch']",
    message: 'CallFirst makes no network requests.',
  },
  {
    selector: 'NewExpression[callee.name=/^(XMLHttpRequest|WebSocket|EventSource)$/]',
    message: 'CallFirst makes no network requests.',
  },
  { selector: "CallExpression[callee.property.name='sendBeacon']", message: 'CallFirst makes no network requests.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output*/',
      '.wxt/',
      'demo-output/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...network],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'CallFirst makes no network requests.' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Product code never turns text into markup (fixtures may read a page's HTML back).
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: { 'no-restricted-syntax': ['error', ...markupAndEval, ...network] },
  },
  {
    // Scripts and tests run in Node and may read files; the network rules still apply.
    files: ['scripts/**', 'tests/**', '*.config.*'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    // The one place that makes requests: the organisation's CRM, from the background only.
    files: ['lib/crm/**'],
    rules: { 'no-restricted-syntax': ['error', ...markupAndEval], 'no-restricted-globals': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
