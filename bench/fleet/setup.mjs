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

/**
 * Scrolls a page as a person does, for `seconds` at `pxPerS`: synthesized mouse-wheel gestures at
 * the viewport's middle (1440×900), down to the end and back. `range()` says how far it scrolls
 * and where it is ({ max, y }).
 */
export async function wheelScroll(cdp, range, { seconds, pxPerS }) {
  const end = performance.now() + seconds * 1000;
  for (let left = seconds; left > 0.25; left = (end - performance.now()) / 1000) {
    const { max, y } = await range();
    const down = y < max - 1;
    const distance = Math.min(down ? max - y : y, left * pxPerS);
    await cdp.send('Input.synthesizeScrollGesture', { x: 720, y: 450, yDistance: down ? -distance : distance, speed: pxPerS, gestureSourceType: 'mouse', preventFling: true });
  }
}

/**
 * Waits until `look()` answers with everything it counts live (`done(answer)`), looking every
 * `everyMs`, for at most 30 s; then a second more, so the page is at rest. Returns the last
 * answer and how long it took, in ms.
 */
export async function untilAtRest(look, done, everyMs) {
  const from = performance.now();
  let last;
  do {
    await new Promise((r) => setTimeout(r, everyMs));
    last = await look();
  } while (!done(last) && performance.now() - from < 30_000);
  const ms = performance.now() - from;
  await new Promise((r) => setTimeout(r, 1000));
  return { last, ms };
}
