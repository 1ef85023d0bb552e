/** Bundles the demo page's script in memory once, so `npm start` needs no build step. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

export interface DemoAssets {
  html: string;
  script: string;
}

export async function bundleDemo(): Promise<DemoAssets> {
  const [html, result] = await Promise.all([
    readFile(`${DEMO_DIR}index.html`, 'utf8'),
    build({
      entryPoints: [`${DEMO_DIR}main.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      sourcemap: 'inline',
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      logLevel: 'silent',
    }),
  ]);
  return { html, script: result.outputFiles[0]!.text };
}
