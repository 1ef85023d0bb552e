// What the fleet benchmarks share: their page bundled (esbuild, code-split) and served on
// loopback, and a viewer's token from the reference server.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveStatic } from '../../scripts/serve-and-launch.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles `entry` (a file of this folder) and serves it under the page `html`; `close()` removes both. */
export async function servePage(entry, html) {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-fleet-'));
  await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: outDir,
    tsconfig: join(here, '..', '..', 'tsconfig.json'),
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const server = await serveStatic({ mounts: { '/': outDir }, routes: { '/': { type: 'text/html', body: await readFile(join(here, html)) } } });
  return {
    url: `${server.url}/`,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** The reference server's viewer (monitor permission only), signed in. */
export async function viewerToken(libgo) {
  const res = await fetch(`${libgo.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'viewer', password: 'viewer123' }),
  });
  return (await res.json()).token;
}
