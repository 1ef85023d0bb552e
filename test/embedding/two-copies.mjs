/* global window -- page.evaluate callbacks run in the browser */
// Two separately bundled copies of the library on one page (the browser bundle from dist/ as
// copy A, and an esbuild bundle of src/ with another version number as copy B, loaded second):
// copy B must skip every `customElements.define` with a warning naming both versions, throw
// nothing, and the elements (copy A's) must still work, also when copy B's API creates them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serveStatic, watchPage } from '../../scripts/serve-and-launch.mjs';
import { repoRoot, startLibGoServer, stepRecorder, until, waitDeep } from './harness.mjs';

const VERSION_B = '0.0.0-copy-b';
const TAGS = ['vm-connection', 'vm-console', 'vm-metrics', 'vm-detail'];

async function buildCopyB(outdir) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { 'libgo-vm-elements': join(repoRoot, 'src/index.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    tsconfig: join(repoRoot, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins: [
      {
        name: 'other-version',
        setup(b) {
          b.onLoad({ filter: /[/\\]src[/\\]version\.ts$/ }, () => ({ contents: `export const VERSION = '${VERSION_B}';`, loader: 'ts' }));
        },
      },
    ],
  });
}

const APP = `
import * as A from '/a/libgo-vm-elements.js';
const B = await import('/b/libgo-vm-elements.js');
window.__versions = [A.VERSION, B.VERSION];
const server = new URLSearchParams(location.search).get('server');
const { token } = await new B.LazyRestClient({ serverUrl: server }).login('admin', 'admin123');
const connection = document.createElement('vm-connection');
connection.server = server;
connection.tokenProvider = () => token;
connection.innerHTML = '<vm-detail vm-name="web-01"></vm-detail><vm-console vm-name="web-01" style="height:200px"></vm-console>';
document.body.append(connection);
window.__sameClasses = ${JSON.stringify(TAGS)}.map((t) => customElements.get(t) === A[{ 'vm-connection': 'VmConnection', 'vm-console': 'VmConsole', 'vm-metrics': 'VmMetrics', 'vm-detail': 'VmDetail' }[t]]);
`;

export async function run({ browser, scratch }) {
  const checks = [];
  const step = stepRecorder(checks);
  const outB = join(scratch, 'copy-b');
  await buildCopyB(outB);
  const libgo = await startLibGoServer();
  const site = await serveStatic({
    mounts: { '/a/': join(repoRoot, 'dist/browser'), '/b/': outB },
    routes: {
      '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two copies</title><script type="module" src="/app.js"></script></head><body></body></html>' },
      '/app.js': { body: APP },
    },
  });
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.bringToFront();
    const watched = watchPage(page);
    await page.goto(`${site.url}/?server=${encodeURIComponent(libgo.url)}`, { waitUntil: 'load' });
    await step('copy B loads next to copy A without throwing; copy A keeps every tag', async () => {
      const versions = await until('both copies loaded', () => page.evaluate(() => window.__versions), 15_000);
      const same = await until('the app to run', () => page.evaluate(() => window.__sameClasses), 15_000);
      if (same.some((s) => !s)) throw new Error(`tags not defined by copy A: ${TAGS.filter((_, i) => !same[i]).join(', ')}`);
      return `versions ${versions.join(' + ')}`;
    });
    await step('one warning per tag naming both versions', async () => {
      for (const tag of TAGS) {
        const w = watched.warnings.find((text) => text.includes(`<${tag}>`));
        if (!w) throw new Error(`no warning for <${tag}> (warnings: ${watched.warnings.join(' | ') || 'none'})`);
        if (!w.includes(VERSION_B) || !w.includes('0.1.0')) throw new Error(`warning for <${tag}> does not name both versions: ${w}`);
      }
    });
    await step('elements still work (live status, console output)', async () => {
      await waitDeep(page, 'vm-detail[status="running"]', 20_000);
      await waitDeep(page, 'vm-console >>> .xterm-helper-textarea', 20_000);
      await page.click('vm-console >>> [part="terminal"]');
      await page.keyboard.press('Enter');
      await until('a login prompt', async () => /login:\s*$/.test(await page.$eval('vm-console', (el) => el.getTranscript())), 15_000);
    });
    await step('no page errors or console errors', async () => {
      if (watched.problems.length) throw new Error(watched.problems.slice(0, 5).join(' | '));
    });
  } finally {
    await context.close().catch(() => {});
    await site.close();
    await libgo.close();
  }
  return checks;
}
