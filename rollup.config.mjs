// Two builds of src/:
//  1. the npm library: ESM in dist/, one module per source module (preserveModules), with .d.ts,
//     every dependency left external — the entries map to the `exports` paths in package.json;
//  2. a self-contained browser bundle, dist/browser/libgo-vm-elements.js, for a plain HTML page
//     with no build step: everything bundled and minified, Lit in production mode; xterm and
//     Chart.js stay in their own lazily loaded chunks because the elements `import()` them.
// Entry files that do not exist (yet) are skipped, so the build works at every stage.
// No source maps are emitted: they would point at src/, which the package does not ship.
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Library entries: output name (relative to dist/, no extension) → source file. */
function libraryEntries() {
  const entries = {
    index: 'src/index.ts',
    'hub/index': 'src/hub/index.ts',
    'hub/console': 'src/hub/console.ts',
    localize: 'src/localize.ts',
    'transport/index': 'src/transport/index.ts',
    'testing/index': 'src/testing/index.ts',
    'react/index': 'src/react/index.ts',
    'vue/index': 'src/vue/index.ts',
  };
  // One define module per element folder: src/elements/<tag>/<tag>.define.ts (the exports map
  // lists vm-console, vm-metrics, vm-detail, vm-connection; any other element is built too).
  if (existsSync('src/elements')) {
    for (const dir of readdirSync('src/elements', { withFileTypes: true })) {
      if (dir.isDirectory()) {
        entries[`elements/${dir.name}/${dir.name}.define`] = `src/elements/${dir.name}/${dir.name}.define.ts`;
      }
    }
  }
  return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}

const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  '@lit/react',
  'react',
  'vue',
];
const isExternal = (id) => externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

/** Unresolved bare imports are undeclared dependencies: fail instead of shipping a broken import. */
function strictWarnings(warning, warn) {
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`${warning.message} (not a dependency in package.json)`);
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
}

/** TypeScript for the build: src/ only, the settings of tsconfig.json (Lit's legacy decorators). */
function ts(declarations) {
  return typescript({
    tsconfig: './tsconfig.json',
    filterRoot: process.cwd(),
    include: ['src/**/*.ts'],
    exclude: ['**/*.test.ts', 'test/**', 'server/**', 'stories/**', 'bench/**', 'scripts/**'],
    compilerOptions: {
      noEmit: false,
      sourceMap: false,
      inlineSources: false,
      declaration: declarations,
      declarationMap: false,
      ...(declarations ? { declarationDir: 'dist', outDir: 'dist', rootDir: 'src' } : { outDir: 'dist/browser' }),
      plugins: [],
    },
    noForceEmit: false,
  });
}

const library = libraryEntries();
const configs = [];

if (Object.keys(library).length > 0) {
  configs.push({
    input: Object.fromEntries(Object.entries(library).map(([name, file]) => [name, file])),
    external: isExternal,
    onwarn: strictWarnings,
    plugins: [
      {
        // Start from an empty dist/ so files of deleted modules do not linger.
        name: 'clean-dist',
        buildStart() {
          rmSync('dist', { recursive: true, force: true });
        },
      },
      nodeResolve({ extensions: ['.ts', '.js'] }),
      ts(true),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      // The TypeScript plugin always imports its helpers (__decorate) from tslib; that one module
      // is bundled under dist/vendor/ (npm never packs a folder called node_modules).
      entryFileNames: (chunk) =>
        chunk.name.includes('node_modules/')
          ? `vendor/${chunk.name.slice(chunk.name.lastIndexOf('node_modules/') + 'node_modules/'.length)}.js`
          : '[name].js',
      sourcemap: false,
    },
  });
}

if (existsSync('src/index.ts')) {
  configs.push({
    input: { 'libgo-vm-elements': 'src/index.ts' },
    onwarn: strictWarnings,
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      // Default export conditions (no "development"): Lit's production build.
      nodeResolve({ browser: true, extensions: ['.ts', '.js'] }),
      ts(false),
      terser({ module: true, format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: {
      dir: 'dist/browser',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: false,
    },
  });
}

if (configs.length === 0) {
  throw new Error('Nothing to build yet: none of the entry modules (src/index.ts, src/elements/*/*.define.ts, src/hub/index.ts, src/testing/index.ts, src/react/index.ts) exists.');
}

export default configs;
