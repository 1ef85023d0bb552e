#!/usr/bin/env node
// Fleet benchmark: 1,000 compact <vm-metrics> tiles in a grid under one <vm-connection>, the
// reference server running 1,000 VMs sampled at 1 Hz, the page scrolled top → bottom → top at a
// steady pace. Printed side by side: the page-wide socket budget off (every tile asks for its
// socket, as before budgets), the default budget (64), the budget with a 1 s linger, and that with
// `monitor-worker` (every socket in one Worker, frames batched). Prints; never asserts.
//
// Sockets: most open at once as the page counts them (constructed, not yet closed) and as the
// server counts them (sampled every 50 ms). Live within 2 s: of the tiles that scrolled into view,
// the share whose badge said "Live" within 2 s (a tile that left view sooner is not counted), and
// the median time until live of the tiles live within 10 s (how far the others missed), and for
// tiles whose socket was made after they entered view, the median of each step: entering view →
// socket made (lease and budget), → socket open, → first metrics sample, → badge says Live.
// Busy % = Δ CDP TaskDuration / Δ wall time, while scrolling and while idle at the top (measured once every tile in view is live again, then a second more).
// `--scroll wheel` scrolls as a person does instead (or `--scroll script,wheel`, both in turn).
// Heap after GC at the end of each case. Console errors: console.error + page errors.
// Flags: `--renderer <name>` (bench/metrics/renderers.ts), `--trace` (main-thread self time per event, scrolling and idle), `--alloc` (what the idle phase allocates, per function), `--profile` (script self time while idle, per function), `--scroll script|wheel|script,wheel`, `--quick` (20 s of scrolling, 10 s idle; default 120 s and 30 s), `--seconds N`,
// `--pace <px/s>` (default 150: about one 100 px row of tiles every 0.7 s; top to bottom of the
// 1,000 tiles takes about two minutes), `--only <label text>` (repeatable), `--vms N` (default 1000),
// `--interval-ms N` (the server's sampling, default 1000). With `--trace`: BENCH_TRACE_DIR=<dir>
// keeps each trace as JSON, BENCH_TRACE_INVALIDATIONS=1 records what invalidated layout and style,
// BENCH_TRACE_TOPLEVEL=1 which Chromium task ran (its source function), BENCH_TRACE_CATEGORIES=a,b more trace categories.
// Then <vm-list> with 10,000 VMs (bench/fleet/vm-list.mjs; `--only vm-list` runs it alone,
// `--list-vms N` changes the count). Then heap-hour (bench/fleet/heap-hour.mjs; `--only heap-hour`
// runs it alone, about 2½ minutes): heap after GC at 1 simulated minute, after scrolling and at
// 1 simulated hour of the same tile page (samples every 25 ms, one a simulated second), the ratios
// against "target: flat within 10 %", and the heap per tile that received samples meanwhile;
// `--sample-ms N`, `--churn-px N`, `--churn-seconds N`, `--heap-classes` (what grew, by kind, from
// heap snapshots).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { servePage, untilAtRest, viewerToken, wheelScroll as sharedWheelScroll } from './setup.mjs';
import { register } from 'tsx/esm/api';
import { printProfile, printTrace } from '../trace-summary.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const scrollSeconds = Number(arg('--seconds') ?? (quick ? 20 : 120));
const idleSeconds = quick ? 10 : 30;
const vmCount = Number(arg('--vms') ?? 1000);
const pxPerS = Number(arg('--pace') ?? 150);
// `--interval-ms N`: how often the server samples each VM (default 1000, the 1 Hz; LibGo's own default is 5000).
const intervalMs = Number(arg('--interval-ms') ?? 1000);
// `--trace`: where the main thread went while scrolling and while idle (self time per event).
const tracing = process.argv.includes('--trace');
// `--alloc`: what the page allocates while idle (sampled), by function.
const allocating = process.argv.includes('--alloc');
// `--profile`: where the page's script spends its time while idle (sampled), by function.
const profiling = process.argv.includes('--profile');
// `--renderer <name>`: draw the tiles another way (a name from bench/metrics/renderers.ts).
// `--renderer floor`: plain 100 px boxes instead of tiles, the page's own cost (no element, no socket);
// `"floor, content-visibility"` / `"floor, observed"`: the same boxes each `content-visibility: auto`
// / each watched by an IntersectionObserver, what the browser charges for following 1,000 elements.
// `--renderer "css: <declarations>"`: the tiles styled so by the page.
// `--renderer "virtual grid"`: the same tiles in @lit-labs/virtualizer's grid layout (only rows near view exist;
// the live-within-2 s figure is not tracked there). `--renderer rows`: a pool of tiles for the rows in and
// near view, renamed while scrolling (tile-pool.ts; `"rows + <renderer>"` draws them another way).
// `--renderer vm-grid`: the library's <vm-grid> (its own fleet list, a pool of tiles in and near view;
// `"vm-grid, cpu memory"`: tiles of those charts only; `"vm-grid + <renderer>"`: its tiles drawn
// another way); the default run has it as its last case.
// `--renderer chunks`: the grid cut into grids of 50 tiles (`"chunks, content-visibility"`: each grid
// `content-visibility: auto`, so the browser skips sections far from view, not tile by tile).
const renderer = arg('--renderer');
// `--scroll script,wheel`: how the page is scrolled, each kind for `--seconds` in turn: `script`
// (scrollTo in every animation frame, the default) or `wheel` (see wheelScroll). The first kind's
// tiles give the live-within-2 s figures.
const scrollKinds = (arg('--scroll') ?? 'script').split(',').filter((k) => k === 'script' || k === 'wheel');
const only = process.argv.flatMap((a, i, all) => (a === '--only' && all[i + 1] ? [all[i + 1]] : []));

register();
const { createLibGoServer } = await import('../../server/create-server.ts');
const { DEFAULT_VMS } = await import('../../src/testing/sim/vm-fixtures.ts');
const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running');
const vms = Array.from({ length: vmCount }, (_, i) => ({
  ...template,
  name: `vm-${String(i).padStart(4, '0')}`,
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  initialStatus: 'running',
  initialUptimeSeconds: 3600 + i * 97,
  load: template.load && { ...template.load, cpu: 10 + ((i * 37) % 80) },
}));
const libgo = await createLibGoServer({ port: 0, vms, metricsIntervalMs: intervalMs });
const token = await viewerToken(libgo);
const serverSockets = () => libgo.sim.connectionsOf().length;

const pageServer = await servePage('page.ts', 'index.html');
const url = pageServer.url;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;

/**
 * Scrolls as a person does, with the mouse wheel (CDP synthesized gestures, at `pxPerS`): the
 * compositor scrolls and the page follows, top → bottom → top and on, for `scrollSeconds`.
 */
async function wheelScroll(page, cdp) {
  await page.evaluate(() => globalThis.bench.watch(true));
  await sharedWheelScroll(cdp, () => page.evaluate(() => globalThis.bench.scrollRange()), { seconds: scrollSeconds, pxPerS });
  await page.evaluate(() => globalThis.bench.watch(false));
}

async function runCase({ label, max, lingerMs, monitorWorker = false, renderer: caseRenderer }) {
  // A fresh browser per case: Chromium's socket limit is per profile, shared by every page.
  const profile = await mkdtemp(join(tmpdir(), 'bench-fleet-profile-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1440, height: 900 });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const taskDuration = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const traces = [];
  const busyOver = async (what, fn) => {
    if (tracing) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...(process.env.BENCH_TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []), ...(process.env.BENCH_TRACE_TOPLEVEL ? ['toplevel', 'toplevel.flow'] : []), ...(process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? [])] });
    const t0 = await taskDuration();
    const w0 = performance.now();
    await fn();
    const t1 = await taskDuration();
    const seconds = (performance.now() - w0) / 1000;
    if (tracing) traces.push([what, await page.tracing.stop(), seconds]);
    return ((t1 - t0) / seconds) * 100;
  };
  let serverPeak = 0;
  const sampler = setInterval(() => (serverPeak = Math.max(serverPeak, serverSockets())), 50);

  await page.goto(url);
  await page.waitForFunction('window.bench');
  await page.evaluate((o) => globalThis.bench.mount(o), { serverUrl: libgo.url, token, n: vmCount, max: Number.isFinite(max) ? max : null, lingerMs, renderer: caseRenderer && !renderer?.startsWith(caseRenderer) ? caseRenderer : renderer, monitorWorker });
  await sleep(8000); // sockets open, first samples arrive
  const scrolled = {};
  for (const how of scrollKinds) {
    const busy = await busyOver(`scrolling (${how})`, () => (how === 'script' ? page.evaluate((p, s) => globalThis.bench.scroll(p, s), pxPerS, scrollSeconds) : wheelScroll(page, cdp)));
    scrolled[how] = { busy, stats: await page.evaluate(() => globalThis.bench.stats()) };
  }
  const afterScroll = scrolled[scrollKinds[0]].stats;
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  // Idle is the page at rest: measured once every tile in view is live again (tiles that lent
  // their sockets out while the page scrolled get them back), then a second more.
  const { last: rest, ms: restMs } = await untilAtRest(() => page.evaluate(() => globalThis.bench.liveInView()), (r) => r.live >= r.inView, 200);
  const beforeIdle = await page.evaluate(() => globalThis.bench.stats());
  if (allocating) await cdp.send('HeapProfiler.enable').then(() => cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }));
  if (profiling) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => cdp.send('Profiler.start'));
  const idle = await busyOver('idle', () => sleep(idleSeconds * 1000));
  if (profiling) printProfile(`${label}, script self time while idle`, (await cdp.send('Profiler.stop')).profile, idleSeconds);
  if (allocating) printAllocations(label, (await cdp.send('HeapProfiler.stopSampling')).profile, idleSeconds);
  const afterIdle = await page.evaluate(() => globalThis.bench.stats());
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const final = await page.evaluate(() => globalThis.bench.stats());
  clearInterval(sampler);
  for (const [what, buffer, seconds] of traces) {
    if (process.env.BENCH_TRACE_DIR) await import("node:fs/promises").then((fs) => fs.writeFile(`${process.env.BENCH_TRACE_DIR}/${label}-${what}.json`, buffer));
    console.log(`  ${label}, ${what}:`);
    printTrace(buffer, seconds);
  }
  await browser.close();
  await rm(profile, { recursive: true, force: true });
  // The server notices the closed sockets; the next case starts from zero.
  for (let i = 0; i < 100 && serverSockets() > 0; i++) await sleep(100);
  const counted = afterScroll.liveWithin2s + afterScroll.notLiveAt2s;
  return {
    label,
    browserPeak: final.peakHeld,
    browserUnclosed: final.peakUnclosed,
    serverPeak,
    live2s: counted ? `${((afterScroll.liveWithin2s / counted) * 100).toFixed(1)} % of ${counted}` : 'n/a',
    toLive: afterScroll.medianToLiveMs === null ? 'n/a' : `${(afterScroll.medianToLiveMs / 1000).toFixed(2)} s (${afterScroll.liveWithin10s} live within 10 s)`,
    steps: afterScroll.stepsOf ? `${Object.values(afterScroll.steps).join(' / ')} ms (${afterScroll.stepsOf})` : 'n/a',
    ...Object.fromEntries(
      Object.entries(scrolled).flatMap(([how, { busy, stats }]) => {
        const n = stats.liveWithin2s + stats.notLiveAt2s;
        return [
          [`scrolling ${how}`, `${busy.toFixed(1)} %`],
          [`live2s ${how}`, n ? `${((stats.liveWithin2s / n) * 100).toFixed(1)} % of ${n}` : 'n/a'],
        ];
      }),
    ),
    idle: `${idle.toFixed(1)} %`,
    rest: `${rest.live} of ${rest.inView} in ${(restMs / 1000).toFixed(1)} s`,
    heap: mb(usedSize),
    errors: errors.length,
    churnScroll: `${afterScroll.grants} / ${afterScroll.revokes}`,
    churnIdle: `${afterIdle.grants - beforeIdle.grants} / ${afterIdle.revokes - beforeIdle.revokes}`,
    firstError: errors[0]?.slice(0, 140),
    pxPerS: Math.round(pxPerS),
  };
}

/** Bytes allocated per second while idle, summed per function (a sampled heap profile). */
function printAllocations(label, profile, seconds) {
  const byFn = new Map();
  let total = 0;
  const walk = (node) => {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const self = node.selfSize ?? 0;
    byFn.set(key, (byFn.get(key) ?? 0) + self);
    total += self;
    for (const c of node.children ?? []) walk(c);
  };
  walk(profile.head);
  // Collected objects included: this is all that was allocated, sampled every 4 KiB on average.
  console.log(`  ${label}, allocated while idle (sampled), ${(total / 1024 / seconds).toFixed(0)} KiB/s:`);
  for (const [k, b] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${(b / 1024 / seconds).toFixed(1).padStart(8)} KiB/s  ${k}`);
}

const cases = [
  { label: 'budget off (Infinity)', max: Infinity, lingerMs: 5000 },
  { label: 'budget 64, linger 5 s', max: 64, lingerMs: 5000 },
  { label: 'budget 64, linger 1 s', max: 64, lingerMs: 1000 },
  { label: '64, 1 s, monitor worker', max: 64, lingerMs: 1000, monitorWorker: true },
  // The library's fleet grid: the same VMs (its own paginated list) as a pool of tiles near view.
  { label: '<vm-grid>, 64, 1 s, worker', max: 64, lingerMs: 1000, monitorWorker: true, renderer: 'vm-grid' },
].filter((c) => only.length === 0 || only.some((o) => c.label.includes(o)));

// `--only vm-list` or `--only heap-hour` picks no tile case here: nothing to print.
if (cases.length > 0) {
  console.log(`server ${libgo.url}, page ${url}`);
  console.log(`${vmCount} VMs sampled every ${intervalMs} ms; 1440×900 viewport; scrolling ${scrollSeconds} s at ${pxPerS} px/s (top → bottom → top), idle ${idleSeconds} s.`);
  const results = [];
  for (const c of cases) {
    const r = await runCase(c);
    results.push(r);
    console.log(`  done: ${c.label}`);
  }
  const rows = [
    ['most sockets open at once (browser)', 'browserPeak'],
    ['  … counting ones still closing', 'browserUnclosed'],
    ['most sockets open at once (server)', 'serverPeak'],
    ['tiles live within 2 s of entering view', 'live2s'],
    ['  … median time until live', 'toLive'],
    ['  … socket made / opened / sampled / Live', 'steps'],
    ...scrollKinds.flatMap((how, i) => [
      [`main thread busy, scrolling (${how})`, `scrolling ${how}`],
      ...(i > 0 ? [[`  … live within 2 s of view (${how})`, `live2s ${how}`]] : []),
    ]),
    ['main thread busy, idle', 'idle'],
    ['  … tiles in view live before idle', 'rest'],
    ['JS heap after GC (end)', 'heap'],
    ['grants / revokes until scrolled', 'churnScroll'],
    ['grants / revokes while idle', 'churnIdle'],
    ['browser console errors', 'errors'],
    ['scroll pace (px/s)', 'pxPerS'],
  ];
  const w = 26;
  console.log(`\n${''.padEnd(40)}${results.map((r) => r.label.padEnd(w)).join('')}`);
  for (const [name, key] of rows) console.log(`${name.padEnd(40)}${results.map((r) => String(r[key]).padEnd(w)).join('')}`);
  for (const r of results) if (r.firstError) console.log(`first console error (${r.label}): ${r.firstError}`);
}
await pageServer.close();
await libgo.close();

// <vm-list> of 10,000 VMs (bench/fleet/vm-list.mjs), unless --only picks tile cases only.
if (only.length === 0 || only.some((o) => 'vm-list'.includes(o))) await import('./vm-list.mjs');
// An hour of a live fleet page, for the heap (bench/fleet/heap-hour.mjs).
if (only.length === 0 || only.some((o) => 'heap-hour'.includes(o))) await import('./heap-hour.mjs');
