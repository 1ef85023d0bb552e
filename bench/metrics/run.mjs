#!/usr/bin/env node
// <vm-metrics> benchmark: main-thread busy % of dashboards fed at 1 Hz per VM, and heap after one
// simulated hour vs one simulated minute, side by side with a naive panel (4 Chart.js charts
// updated on every sample, no batching, no visibility gating). Prints; never asserts.
//
// Feed: samples pushed through the `metrics` property from one 1 Hz timer per element, and (the
// "hub + reference server" case) as a portal runs it: 100 VMs on the reference server sampling at
// 1 Hz, each element on the page-wide hub with its own monitor socket; and that case's floor:
// 100 bare WebSockets to the same server whose messages are only parsed.
// Busy % = Δ CDP Performance.getMetrics TaskDuration / Δ wall time.
// Flags: `--only <label text>` (repeatable) runs only the matching cases; `--trace` also prints the
// main thread's self time per timeline event (Layerize, Commit, Paint, Layout…) for each case;
// `--profile` prints the JavaScript functions with the most self time (V8 CPU profile);
// `--only "keeping histories"` runs only the cost of writing kept histories (IndexedDB);
// `--renderers` runs the compact ×100 cases once per way of drawing a tile (renderers.ts), side by
// side, `--rounds=N` times interleaved, and prints the ratios to the shipped renderer;
// `--experiments` adds what-if variants of the shipped renderer to that list, and
// `--renderer-names=a,b` keeps only those named; `--interval-ms N` samples every N ms instead of
// every second (timers and reference server alike; LibGo's own default is 5000).
// Besides TaskDuration (wall time of tasks, which other load on the machine inflates many times
// over), every case prints CPU time from /proc: the renderer's main thread and all of Chromium.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';
import { launchBrowser, serveStatic } from '../../scripts/serve-and-launch.mjs';
import { printTrace } from '../trace-summary.mjs';
import { cpuClock } from '../cpu-time.mjs';

// The reference server (TypeScript) for the hub-mode case: 100 VMs sampled at 1 Hz (or
// `--interval-ms`), started only when that case runs.
let live = null;
const intervalArg = process.argv.indexOf('--interval-ms');
const intervalMs = intervalArg >= 0 ? Number(process.argv[intervalArg + 1]) : 1000;
if (!(Number.isInteger(intervalMs) && intervalMs >= 100)) throw new Error('--interval-ms: a whole number of ms, 100 or more');
async function liveServer() {
  if (live) return live;
  register();
  const { createLibGoServer } = await import('../../server/create-server.ts');
  const { DEFAULT_VMS } = await import('../../src/testing/sim/vm-fixtures.ts');
  const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running');
  const vms = Array.from({ length: 100 }, (_, i) => ({
    ...template,
    name: `vm-${String(i).padStart(3, '0')}`,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    initialStatus: 'running',
    initialUptimeSeconds: 3600 + i * 97,
    load: template.load && { ...template.load, cpu: 10 + ((i * 37) % 80) },
  }));
  const server = await createLibGoServer({ port: 0, vms, metricsIntervalMs: intervalMs });
  const token = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'viewer', password: 'viewer123' }),
  })
    .then((r) => r.json())
    .then((body) => body.token);
  live = { server, token };
  return live;
}

const here = dirname(fileURLToPath(import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'bench-metrics-'));
await build({
  entryPoints: [join(here, 'page.ts')],
  bundle: true,
  format: 'esm',
  outfile: join(outDir, 'page.js'),
  tsconfig: join(here, '..', '..', 'tsconfig.json'),
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});

const server = await serveStatic({
  mounts: { '/': outDir },
  routes: { '/': { type: 'text/html', body: await readFile(join(here, 'index.html')) } },
});
const url = `${server.url}/`;

const chromium = await launchBrowser({ profilePrefix: 'libgo-bench-metrics-', args: ['--enable-precise-memory-info'] });
const { browser } = chromium;
const page = await browser.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
const cdp = await page.createCDPSession();
await cdp.send('Performance.enable');
await page.goto(url);
await page.waitForFunction('window.bench');
await page.evaluate((ms) => globalThis.bench.sampleEvery(ms), intervalMs);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function taskDuration() {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}
async function heapAfterGc() {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}
const cpuTime = cpuClock(browser);

const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;

// `--only <text>`: run only the busy/heap cases whose label contains <text> (repeatable).
const only = process.argv.flatMap((a, i, all) => (a === '--only' && all[i + 1] ? [all[i + 1]] : []));
const selected = (label) => only.length === 0 || only.some((o) => label.includes(o));

// `--trace`: also record a trace of each measured window and print where the main thread went
// (self time of the top timeline events, ms per second).
const tracing = process.argv.includes('--trace');
// `--profile`: a V8 CPU profile of each measured window; prints the functions with most self time.
const profiling = process.argv.includes('--profile');
function printProfile({ nodes, samples, timeDeltas }, seconds) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (timeDeltas[i] ?? 0));
  });
  const top = [...self].filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(top.map(([k, us]) => `    ${k.slice(0, 70).padEnd(70)} ${(us / 1000 / seconds).toFixed(2).padStart(6)} ms/s`).join('\n'));
}

async function busy({ label, kind, n, compact = false, viewport, columns, seconds, renderer = 'shipped', monitorsInWorker = false }) {
  if (!selected(label)) return null;
  await page.setViewport(viewport);
  await page.evaluate((r) => globalThis.bench.useRenderer(r), renderer);
  if (kind === 'raw sockets') {
    const { server: libgo, token } = await liveServer();
    await page.evaluate((n, o) => globalThis.bench.mountRawSockets(n, o), n, { serverUrl: libgo.url, token });
    await sleep(6000);
  } else if (kind === 'live') {
    const { server: libgo, token } = await liveServer();
    await page.evaluate((n, o) => globalThis.bench.mountLive(n, o), n, { serverUrl: libgo.url, token, compact, columns, monitorsInWorker });
    // Sockets open, a few samples arrive, the page settles.
    await sleep(6000);
  } else {
    await page.evaluate((k, n, o) => globalThis.bench.mount(k, n, o), kind, n, { compact, columns });
    // A minute of history first, so charts have data; then let the page settle.
    await page.evaluate(() => globalThis.bench.fill(0, 60));
    await sleep(1500);
    await page.evaluate(() => globalThis.bench.startFeed());
    await sleep(1200);
  }
  const draws0 = await page.evaluate(() => globalThis.bench.drawCounts());
  if (tracing) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const t0 = await taskDuration();
  const c0 = cpuTime.snapshot();
  const w0 = performance.now();
  await sleep(seconds * 1000);
  const t1 = await taskDuration();
  const c1 = cpuTime.snapshot();
  const w1 = performance.now();
  const draws1 = await page.evaluate(() => globalThis.bench.drawCounts());
  if (tracing) printTrace(await page.tracing.stop(), seconds);
  if (profiling) printProfile((await cdp.send('Profiler.stop')).profile, seconds);
  await page.evaluate(() => globalThis.bench.clear());
  await page.evaluate(() => globalThis.bench.useRenderer('shipped'));
  const pct = ((t1 - t0) / ((w1 - w0) / 1000)) * 100;
  const cpu = cpuTime.between(c0, c1);
  const cpuPct = (ms) => ((ms / (w1 - w0)) * 100).toFixed(1).padStart(5);
  const drawInfo = kind !== 'naive' && kind !== 'raw sockets' ? `, ${((draws1 - draws0) / seconds).toFixed(1)} chart passes/s` : '';
  console.log(
    `${label.padEnd(58)} ${pct.toFixed(1).padStart(5)} % busy over ${seconds} s${drawInfo}; CPU: main thread ${cpuPct(cpu.main)} %, all Chromium ${cpuPct(cpu.all)} %`,
  );
  const passes = (draws1 - draws0) / seconds;
  return { pct, main: (cpu.main / (w1 - w0)) * 100, all: (cpu.all / (w1 - w0)) * 100, perPass: passes > 0 ? cpu.main / seconds / passes : NaN };
}

async function heap({ label, kind, n, compact }) {
  if (!selected(label)) return;
  await page.setViewport({ width: 1920, height: 1080 });
  await page.evaluate((k, n, o) => globalThis.bench.mount(k, n, o), kind, n, { compact, columns: 10 });
  await page.evaluate(() => globalThis.bench.fill(0, 60));
  await sleep(500);
  const minute = await heapAfterGc();
  for (let from = 60; from < 3600; from += 300) {
    await page.evaluate((a, b) => globalThis.bench.fill(a, b), from, Math.min(3600, from + 300));
    await sleep(50);
  }
  await sleep(500);
  const hour = await heapAfterGc();
  await page.evaluate(() => globalThis.bench.clear());
  console.log(
    `${label.padEnd(58)} ${intervalMs === 1000 ? '1 min' : '60 samples'} ${mb(minute)} → ${intervalMs === 1000 ? '1 h' : '3600'} ${mb(hour)} (${(((hour - minute) / minute) * 100).toFixed(1)} %)`,
  );
}

const all = { width: 1920, height: 2900 };
const screen = { width: 1920, height: 1080 };
console.log(`Chromium ${await browser.version()}; ${intervalMs === 1000 ? '1 Hz' : `a sample every ${intervalMs} ms`} per VM; viewport ${all.width}×${all.height} for "all visible", ${screen.width}×${screen.height} for scroll pages.`);
console.log('\nMain-thread busy (TaskDuration):');
await busy({ label: '<vm-metrics> ×1 (full panel)', kind: 'element', n: 1, viewport: screen, columns: 1, seconds: 15 });
await busy({ label: 'naive panel ×1', kind: 'naive', n: 1, viewport: screen, columns: 1, seconds: 15 });
await busy({ label: '<vm-metrics compact> ×25, all visible', kind: 'element', n: 25, compact: true, viewport: all, columns: 10, seconds: 30 });
await busy({ label: 'naive panel ×25, all visible', kind: 'naive', n: 25, viewport: all, columns: 10, seconds: 30 });
await busy({ label: '<vm-metrics compact> ×100, all visible', kind: 'element', n: 100, compact: true, viewport: all, columns: 10, seconds: 30 });
await busy({ label: '<vm-metrics compact> ×100, all visible, hub + reference server', kind: 'live', n: 100, compact: true, viewport: all, columns: 10, seconds: 30 });
// What a fleet page would configure: the monitor sockets in one worker, their frames batched.
await busy({ label: '<vm-metrics compact> ×100, all visible, hub + reference server, monitorsInWorker', kind: 'live', n: 100, compact: true, viewport: all, columns: 10, seconds: 30, monitorsInWorker: true });
await busy({ label: 'bare WebSockets ×100, messages parsed only (the hub case\'s floor)', kind: 'raw sockets', n: 100, viewport: all, seconds: 30 });
await busy({ label: '<vm-metrics compact> ×100, realistic scroll page', kind: 'element', n: 100, compact: true, viewport: screen, columns: 10, seconds: 30 });
await busy({ label: '<vm-metrics> ×100 full panels, scroll page (4 per row)', kind: 'element', n: 100, viewport: screen, columns: 4, seconds: 30 });
await busy({ label: 'naive panel ×100, all visible', kind: 'naive', n: 100, viewport: all, columns: 10, seconds: 30 });

// `--renderers`: the compact ×100 cases again, once per way of drawing a tile (renderers.ts),
// interleaved so that a change in the machine's load hits every renderer alike.
if (process.argv.includes('--renderers')) {
  let names = await page.evaluate(() => Object.keys(globalThis.bench.renderers));
  if (process.argv.includes('--experiments')) names.push(...(await page.evaluate(() => globalThis.bench.experiments)));
  // `--renderer-names=shipped,svg polylines`: only these (the shipped one is the ratios' base).
  const picked = process.argv.find((a) => a.startsWith('--renderer-names='));
  if (picked) {
    const wanted = picked.slice('--renderer-names='.length).split(',');
    const unknown = wanted.filter((w) => !names.includes(w));
    if (unknown.length > 0) throw new Error(`--renderer-names: unknown ${unknown.join(', ')}; one of ${names.join(', ')}`);
    names = names.filter((r) => wanted.includes(r));
  }
  const cases = [
    { what: 'all visible', kind: 'element', viewport: all },
    { what: 'all visible, hub + reference server', kind: 'live', viewport: all },
    { what: 'realistic scroll page', kind: 'element', viewport: screen },
  ];
  // `--rounds=N`: every renderer N times per case, interleaved; the ratios use the medians.
  const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
  const rounds = roundsArg ? Math.max(1, Number(roundsArg.slice('--rounds='.length)) || 1) : 1;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nCompact ×100 by renderer (${rounds} round(s), interleaved; ratios of medians to the shipped renderer):`);
  for (const c of cases) {
    const figures = new Map();
    for (let round = 0; round < rounds; round++) {
      for (const r of names) {
        const f = await busy({ label: `compact ×100, ${c.what} [${r}]`, kind: c.kind, n: 100, compact: true, viewport: c.viewport, columns: 10, seconds: 20, renderer: r });
        if (f !== null) figures.set(r, [...(figures.get(r) ?? []), f]);
      }
    }
    const base = figures.get('shipped');
    if (base) {
      const ratio = (k) => [...figures].map(([r, fs]) => `${r} ${(median(fs.map((f) => f[k])) / median(base.map((f) => f[k]))).toFixed(2)}`).join(', ');
      console.log(`  busy (TaskDuration):  ${ratio('pct')}`);
      console.log(`  main-thread CPU:      ${ratio('main')}`);
      console.log(`  all Chromium CPU:     ${ratio('all')}`);
      console.log(`  main CPU per pass:    ${ratio('perPass')}`);
    }
  }
}

console.log(
  intervalMs === 1000
    ? '\nJS heap after GC, 1 simulated minute vs 1 simulated hour (3600 samples/VM, capacity 3600):'
    : `\nJS heap after GC, 60 vs 3600 samples/VM (capacity 3600; a sample every ${intervalMs} ms, so ${intervalMs / 1000} simulated minutes vs hours):`,
);
await heap({ label: '<vm-metrics compact> ×100', kind: 'element', n: 100, compact: true });
await heap({ label: '<vm-metrics> ×1', kind: 'element', n: 1 });
await heap({ label: 'naive panel ×25 (keeps 3600 points per line)', kind: 'naive', n: 25 });

// What the hub's write of kept histories (every 15 s) costs: 100 VMs that held an hour at 1 Hz,
// and at LibGo's 5 s; this release's appended chunks, the previous release's whole history as
// typed arrays, and 0.1's arrays, interleaved, medians of 3.
if (selected('keeping histories')) {
  console.log('\nKeeping histories (one IndexedDB write of every watched VM, as the hub does every 15 s), median of 3:');
  for (const [vms, rows, what] of [[100, 3600, '1 h at 1 Hz'], [100, 720, '1 h at 5 s']]) {
    const runs = { 'appended chunks': [], 'whole, typed arrays': [], '0.1 arrays': [] };
    for (let round = 0; round < 3; round++) {
      for (const format of Object.keys(runs)) runs[format].push(await page.evaluate((v, r, f) => globalThis.bench.keepingCost(v, r, f), vms, rows, format));
    }
    const med = (xs, k) => [...xs.map((x) => x[k])].sort((a, b) => a - b)[1];
    console.log(`  ${vms} VMs × ${what} (${rows} rows):`);
    for (const [format, xs] of Object.entries(runs)) {
      console.log(`    ${format.padEnd(20)} main thread ${med(xs, 'main').toFixed(1).padStart(6)} ms, until written ${med(xs, 'total').toFixed(0).padStart(4)} ms, ${(med(xs, 'bytes') / 2 ** 20).toFixed(2).padStart(6)} MiB of samples`);
    }
    // The hub's timed write gives the page a turn between slices: the longest wait for one.
    const timed = [];
    for (let round = 0; round < 3; round++) timed.push(await page.evaluate((v, r) => globalThis.bench.timedWriteGaps(v, r), vms, rows));
    console.log(`    a whole write in slices (after an upgrade from 0.1 or a failed write): longest wait for a turn ${med(timed, 'longestGap').toFixed(0)} ms, over ${med(timed, 'span').toFixed(0)} ms`);
  }
}

await chromium.close();
await server.close();
await live?.server.close();
await rm(outDir, { recursive: true, force: true });
