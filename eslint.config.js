// ESLint 9 flat config. typescript-eslint's recommended rules everywhere (no type information, to
// stay fast), the Lit and Web Components plugins for browser code, Node globals for tooling.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

// The Node globals, read from the Node that runs ESLint (avoids depending on the `globals`
// package, which is only a transitive dependency here).
const nodeGlobals = Object.fromEntries(
  [
    ...Object.getOwnPropertyNames(globalThis),
    'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', '__dirname', '__filename',
    'require', 'module', 'exports',
  ]
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
    .map((name) => [name, 'readonly']),
);

const browserCode = ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'];
const nodeCode = ['server/**/*.{ts,js,mjs}', 'scripts/**/*.{ts,js,mjs}', 'bench/**/*.{ts,js,mjs}', '*.{js,mjs}', 'test/setup/*.mjs', 'test/node/*.mjs', '.ci/**/*.{js,mjs}'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'storybook-static/', 'coverage/', 'custom-elements.json', '.tmp/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter or binding that is unused on purpose (e.g. an interface signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Fine in tests and casts of validated data; `any` is still flagged.
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Rejecting control characters (`/[\u0000-\u001f]/`) is how protocol, URL and token
      // validation keeps unsafe input out; written as escapes these classes are deliberate, which
      // is the only thing this rule reports.
      'no-control-regex': 'off',
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: browserCode,
    ...lit.configs['flat/recommended'],
  },
  {
    files: browserCode,
    ...wc.configs['flat/recommended'],
  },
  {
    files: browserCode,
    ...wc.configs['flat/best-practice'],
  },
  {
    // Lit elements are not plain custom elements: tell eslint-plugin-wc about LitElement.
    files: browserCode,
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // LitElement (ReactiveElement) always defines connectedCallback & co., so the guard this
      // rule asks for around super calls would be dead code in every element.
      'wc/guard-super-call': 'off',
    },
  },
  {
    // Library code must not lean on test or Node-only APIs.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'describe', 'it'],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'src/ runs in browsers.' }] }],
    },
  },
  {
    files: nodeCode,
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Test-runner glue runs in the page as well as in Node (test-runner-html.mjs builds a script).
    files: ['test/setup/*.mjs'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
