// ESLint 9 flat config. typescript-eslint's recommended rules everywhere (no type information, to
// stay fast), the Lit and Web Components plugins for browser code, Node globals for tooling.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
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

/**
 * Each layer with the folders it must not import from (everything above it). A zone per layer, so
 * the message names the rule that was broken.
 */
function layerZones() {
  const above = {
    protocol: ['transport', 'metrics', 'hub', 'context.ts', 'controllers', 'internal', 'events', 'styles', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    transport: ['metrics', 'hub', 'context.ts', 'controllers', 'internal', 'events', 'styles', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    metrics: ['transport', 'hub', 'context.ts', 'controllers', 'internal', 'events', 'styles', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    hub: ['context.ts', 'controllers', 'internal', 'events', 'styles', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    controllers: ['elements', 'react', 'vue', 'testing', 'index.ts'],
    internal: ['controllers', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    events: ['controllers', 'internal', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    styles: ['controllers', 'internal', 'elements', 'react', 'vue', 'testing', 'index.ts'],
    elements: ['react', 'vue', 'testing', 'index.ts'],
    testing: ['hub', 'metrics', 'context.ts', 'controllers', 'internal', 'events', 'styles', 'elements', 'react', 'vue', 'index.ts'],
  };
  return Object.entries(above).map(([layer, from]) => ({
    target: `./src/${layer}`,
    from: from.map((name) => `./src/${name}`),
    message: `src/${layer}/ is below ${from.map((name) => `src/${name}`).join(', ')} (DESIGN.md, "Layers and rooms"): move the shared piece down or pass it in.`,
  }));
}

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
    // The layers of DESIGN.md ("Layers and rooms"): an import points down, never up or in a
    // circle. metrics/ is a leaf beside the hub (it needs only protocol/; the hub's history
    // keeps its series), so the hub may use it and metrics/ may use nothing above protocol/.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses each imported module to follow its imports: .ts files with the TS parser.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Sources import each other as `./x.js`; the files are `./x.ts`.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
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
