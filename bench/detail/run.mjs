// <vm-detail> first paint: bytes of JS (minified + gzip) fetched before the first paint of the
// Overview tab, with xterm and Chart.js deferred, and the time to that paint against a page with
// only Lit in it, measured side by side in one run. Prints numbers and ratios; never fails on them.
//
// Both pages are bundled with esbuild (splitting, esm, minify) and served from memory; headless
// Chromium loads each; the JS responses received before the element's first paint are summed
// (gzip sizes computed here, as a server with compression would send them).
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, serveStatic } from '../../scripts/serve-and-launch.mjs';
import { bundlePage as bundle, detailPageEntry as detailEntry, root, staticClosure } from '../../scripts/first-paint.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// The baseline: a page with only Lit, rendering one small element.
const litEntry = `
import { LitElement, html, css } from 'lit';
class BenchLit extends LitElement {
  static styles = css\`:host { display: block; }\`;
  render() { return html\`<h2>web-01</h2><p>Running</p>\`; }
}
customElements.define('bench-lit', BenchLit);
const el = document.createElement('bench-lit');
document.body.append(el);
await el.updateComplete;
requestAnimationFrame(() => { performance.mark('painted'); globalThis.__painted = performance.now(); });
`;

// The floor: what the page costs before the element's own code — the hub it constructs, Lit, the
// monitor controller, the context provider and the theme tokens — bundled the same way, not loaded.
const floorEntry = `
import { VmHub } from ${JSON.stringify(join(root, 'src/hub/index.ts'))};
import { VmMonitorController } from ${JSON.stringify(join(root, 'src/controllers/session-controller.ts'))};
import { themeTokens } from ${JSON.stringify(join(root, 'src/styles/theme.ts'))};
import { ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import 'lit/decorators.js';
globalThis.keep = [VmHub, VmMonitorController, themeTokens, ContextProvider, LitElement];
`;

const pages = {
  detail: await bundle('detail', detailEntry),
  lit: await bundle('lit', litEntry),
};
const floor = await bundle('floor', floorEntry);
// Only what the floor's entry imports statically: its dynamic imports (socket, REST, history) load later.
const floorGz = staticClosure(floor).reduce((n, path) => n + gzipSync(floor.files.get(path), { level: 9 }).length, 0);

// Each page: its HTML at /<page>/ and every bundled file at its own path.
const routes = {};
for (const [page, p] of Object.entries(pages)) {
  routes[`/${page}/`] = { type: 'text/html', body: `<!doctype html><meta charset="utf-8"><body><script type="module" src="/${page}/entry.js"></script>` };
  for (const [path, body] of p.files) routes[path] = { type: 'text/javascript', body };
}
const server = await serveStatic({ routes });
const base = server.url;

const chromium = await launchBrowser({ profilePrefix: 'libgo-bench-detail-' });
const { browser } = chromium;

async function measure(page) {
  const tab = await browser.newPage();
  await tab.setCacheEnabled(false);
  await tab.goto(`${base}/${page}/`);
  await tab.waitForFunction(() => globalThis.__painted !== undefined, { timeout: 20000 });
  const t = await tab.evaluate(() => globalThis.__painted);
  const js = await tab.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.responseEnd <= globalThis.__painted).map((e) => e.name),
  );
  await tab.close();
  return { t, js };
}

function gz(page, urls) {
  let min = 0;
  let gzip = 0;
  const names = [];
  for (const u of urls) {
    const path = new URL(u).pathname;
    const body = pages[page].files.get(path);
    if (!body) continue;
    names.push(path);
    min += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { min, gzip, names };
}

const results = { detail: [], lit: [] };
let firstJs = { detail: [], lit: [] };
for (let i = 0; i < RUNS; i++) {
  for (const page of i % 2 === 0 ? ['lit', 'detail'] : ['detail', 'lit']) {
    const m = await measure(page);
    if (i > 0) results[page].push(m.t); // the first run of each warms the browser
    else firstJs[page] = m.js;
  }
}
await chromium.close();
await server.close();

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const d = gz('detail', firstJs.detail);
const l = gz('lit', firstJs.lit);
const allDetail = [...pages.detail.files.entries()].filter(([p]) => p.endsWith('.js'));
const deferred = allDetail.filter(([p]) => !d.names.includes(p));
const deferredGz = deferred.reduce((n, [, b]) => n + gzipSync(b, { level: 9 }).length, 0);
// Which packages the files loaded before paint contain (from the metafile), to prove the deferral.
const outputFor = (path) => Object.entries(pages.detail.metafile.outputs).find(([k]) => k.endsWith(path))?.[1];
const inputsOf = (path) => Object.keys(outputFor(path)?.inputs ?? {});
const heavyBeforePaint = d.names.flatMap(inputsOf).filter((i) => /@xterm|chart\.js/.test(i));

console.log('vm-detail, Overview tab, first paint (esbuild splitting+esm+minify; gzip -9)');
console.log(`  JS before first paint:  ${kb(d.gzip)} gzip (${kb(d.min)} minified) in ${d.names.length} file(s)`);
console.log(`  Lit-only page:          ${kb(l.gzip)} gzip (${kb(l.min)} minified)`);
console.log(`  ratio detail / Lit:     ${(d.gzip / l.gzip).toFixed(2)}×   target ≤ 25 KB gzip: ${d.gzip <= 25 * 1024 ? 'within' : 'OVER'}`);
console.log(`  of which the floor:     ${kb(floorGz)} gzip (hub + Lit + controller + context + theme, no element); the element adds ${kb(d.gzip - floorGz)}`);
console.log(`  deferred (not fetched): ${deferred.length} chunk(s), ${kb(deferredGz)} gzip (xterm, Chart.js, vm-console, vm-metrics, Overview details, dialog)`);
for (const [path, body] of deferred) {
  const ins = inputsOf(path);
  if (ins.some((i) => /vm-detail\/(overview|confirm|texts)/.test(i))) console.log(`    after paint: ${path} ${kb(gzipSync(body, { level: 9 }).length)} gzip (${ins.map((i) => i.replace(/^src\//, '')).join(', ')})`);
}
console.log(`  time to first paint (median of ${results.detail.length}): detail ${median(results.detail).toFixed(1)} ms, Lit-only ${median(results.lit).toFixed(1)} ms, ratio ${(median(results.detail) / median(results.lit)).toFixed(2)}×`);
console.log(`  xterm / Chart.js modules loaded before paint: ${heavyBeforePaint.length} (of ${d.names.flatMap(inputsOf).length} modules)`);
for (const name of d.names) {
  const body = pages.detail.files.get(name);
  const top = Object.entries(outputFor(name)?.inputs ?? {})
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 6)
    .map(([i, v]) => `${i.replace(/^.*node_modules\//, '').replace(/^src\//, '')} ${kb(v.bytesInOutput)}`);
  console.log(`    ${name}: ${kb(gzipSync(body, { level: 9 }).length)} gzip; largest: ${top.join(', ')}`);
}
