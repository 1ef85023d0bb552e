/* global process, console, URL */
// Builds the Angular example with esbuild (no Angular CLI): JIT compilation in the browser, so
// templates are inline and dependencies come from `inject()`-free constructors.
//   node examples/angular/build.mjs [outDir]   (default examples/angular/dist)
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { packageEntries } from '../shared/package-alias.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildAngular(outDir = join(here, 'dist')) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = packageEntries();
  await build({
    entryPoints: { main: join(here, 'src/main.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true, // keeps xterm.js and Chart.js in lazily loaded chunks
    format: 'esm',
    target: 'es2022',
    minify: true,
    tsconfig: join(here, 'tsconfig.json'),
    logLevel: 'error', // esbuild warns about dist's bare ordering imports (see the report); real installs under node_modules do not
    plugins: [
      {
        // `libgo-vm-elements[/…]` → the package's exports map (the built dist/).
        name: 'libgo-package',
        setup(b) {
          b.onResolve({ filter: /^libgo-vm-elements(\/.*)?$/ }, (args) => {
            const path = entries[args.path];
            return path ? { path } : { errors: [{ text: `${args.path} is not exported by the package` }] };
          });
        },
      },
    ],
  });
  copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await buildAngular(process.argv[2]));
}
