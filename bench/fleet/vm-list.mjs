// bench:fleet, <vm-list> part: one list of 10,000 VMs (reference server, all running, sampling at
// 1 Hz) in a 1440×900 page. Prints: first rows on screen after the list's last page answered;
// frame time p50/p95 while the list is flung (a fixed distance per frame, down and up; at 60 Hz
// one frame is 16.7 ms, the floor) and the frames later than that; main
// thread busy (and its CPU time) while idle, and while scrolled at the tile page's steady pace (`--pace`, default 150
// px/s, for `--seconds`, default 60, 20 with `--quick`; `--scroll script|wheel|script,wheel` as the
// tile page) with the share of rows live within 2 s of coming into view, and by wheel its floor (the
// same rows as plain text that never changes, no script); the most sockets open at once (page and server) against the budget;
// JS heap after GC; browser console errors. Prints; never asserts. `--vms N` (default 10000),
// `--quick` (shorter fling and idle), `--list-worker` (monitor sockets in one Worker), `--trace` (where the main thread went while scrolled steadily), `--profile` (its script, by function), `--list-css "<css>"` (the list styled so as well).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { servePage, untilAtRest, viewerToken, wheelScroll } from './setup.mjs';
import { register } from 'tsx/esm/api';
import { writeFileSync } from 'node:fs';
import { printProfile, printTrace } from '../trace-summary.mjs';
import { cpuClock } from '../cpu-time.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const vmCount = Number(arg('--list-vms') ?? 10_000);
const flingSeconds = quick ? 5 : 15;
const idleSeconds = quick ? 10 : 30;
const PX_PER_FRAME = 400;
// `--trace`: where the main thread went during the steady scroll (self time per event); BENCH_TRACE_DIR=<dir>
// keeps the trace, BENCH_TRACE_INVALIDATIONS=1 with what invalidated layout and style, and the stacks that forced it.
const tracing = process.argv.includes('--trace');
// `--list-worker`: the list's hub runs its monitor sockets in one Worker (`monitorsInWorker`), as the tile page's "monitor worker" case.
const monitorWorker = process.argv.includes('--list-worker');
// `--profile`: where the page's script spent its time during the steady scroll, by function.
const profiling = process.argv.includes('--profile');
// The steady scroll: the tile page's pace and length (`--pace`, `--seconds`), by script.
const pxPerS = Number(arg('--pace') ?? 150);
const scrollSeconds = Number(arg('--seconds') ?? (quick ? 20 : 60));
const scrollKinds = (arg('--scroll') ?? 'script').split(',').filter((k) => k === 'script' || k === 'wheel');
// `--list-css "<css>"`: the list's shadow root also adopts these styles (a what-if, side by side).
const listCss = arg('--list-css');

register();
const { createLibGoServer } = await import('../../server/create-server.ts');
const { fleetOfVms } = await import('../../src/testing/fleet-fixtures.ts');
const libgo = await createLibGoServer({ port: 0, vms: fleetOfVms(vmCount, { allRunning: true }), metricsIntervalMs: 1000 });
const token = await viewerToken(libgo);
const serverSockets = () => libgo.sim.connectionsOf().length;

const pageServer = await servePage('list-page.ts', 'list.html');
const url = pageServer.url;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const profile = await mkdtemp(join(tmpdir(), 'bench-fleet-list-profile-'));
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
let serverPeak = 0;
const sampler = setInterval(() => (serverPeak = Math.max(serverPeak, serverSockets())), 50);

await page.goto(url);
await page.waitForFunction('window.bench');
await page.evaluate((o) => globalThis.bench.mount(o), { serverUrl: libgo.url, token, monitorWorker, css: listCss });
const mounted = await page.evaluate(() => globalThis.bench.stats());
await sleep(5000); // the rows in view get their sockets and first samples
const settled = await page.evaluate(() => globalThis.bench.stats());
const frames = await page.evaluate((px, s) => globalThis.bench.fling(px, s), PX_PER_FRAME, flingSeconds);
// Idle is the list at rest: measured once every row on screen after the fling is live again.
const { last: rested, ms: restMs } = await untilAtRest(() => page.evaluate(() => globalThis.bench.stats()), (r) => r.shownLive >= r.shownRows, 100);
const cpuTime = cpuClock(browser);
// CPU time of the page's main thread beside busy (TaskDuration, wall time): the reference server
// shares this machine's cores, and preempted tasks inflate only the latter.
const cpuPct = (c0, w0) => (cpuTime.between(c0, cpuTime.snapshot()).main / (performance.now() - w0)) * 100;
const t0 = await taskDuration();
const c0 = cpuTime.snapshot();
const w0 = performance.now();
await sleep(idleSeconds * 1000);
const idleCpu = cpuPct(c0, w0);
const idle = ((await taskDuration()) - t0) / ((performance.now() - w0) / 1000) * 100;
// Scrolled at the tile page's steady pace (bench:fleet's 150 px/s), from where the fling left it:
// by script and by wheel (`--scroll`, as the tile page), each for `--seconds`.
const steady = [];
for (const kind of scrollKinds) {
  const s0 = await taskDuration();
  const sc0 = cpuTime.snapshot();
  const sw0 = performance.now();
  if (tracing) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...(process.env.BENCH_TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack'] : [])] });
  if (profiling) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => cdp.send('Profiler.start'));
  await page.evaluate(() => globalThis.bench.watchRows(true));
  if (kind === 'script') await page.evaluate((px, s) => globalThis.bench.scriptScroll(px, s), pxPerS, scrollSeconds);
  else await wheelScroll(cdp, () => page.evaluate(() => globalThis.bench.scrollRange()), { seconds: scrollSeconds, pxPerS });
  const rowsLive = await page.evaluate(() => globalThis.bench.watchRows(false));
  const cpu = cpuPct(sc0, sw0);
  const busy = ((await taskDuration()) - s0) / ((performance.now() - sw0) / 1000) * 100;
  const trace = tracing ? await page.tracing.stop() : null;
  // BENCH_TRACE_DIR=<dir> keeps the trace as JSON (as the tile page's does).
  if (trace && process.env.BENCH_TRACE_DIR) writeFileSync(`${process.env.BENCH_TRACE_DIR}/vm-list-scrolling-${kind}.json`, trace);
  const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
  steady.push({ kind, busy, cpu, rowsLive, trace, profile });
}
await cdp.send('HeapProfiler.enable');
await cdp.send('HeapProfiler.collectGarbage');
await cdp.send('HeapProfiler.collectGarbage');
const { usedSize } = await cdp.send('Runtime.getHeapUsage');
const final = await page.evaluate(() => globalThis.bench.stats());
// The floor of scrolling by wheel: a page of the list's size holding all its rows as plain text that
// never changes, with no script, scrolled the same way: what the browser charges for a frame per
// scroll step before any list does anything.
let floor = null;
if (scrollKinds.includes('wheel')) {
  // The list's page closed first: its renderer would otherwise be the busiest one measured.
  await page.close();
  const plain = await browser.newPage();
  await plain.setViewport({ width: 1440, height: 900 });
  const cells = (i) => `<span>vm-${i}</span><span>running</span><span>a VM of the fleet</span><span>12.5 %</span><span>40.1 %</span><span>3 d 4 h</span><span>Stop</span>`;
  const rowsHtml = Array.from({ length: vmCount }, (_, i) => `<div class="r">${cells(i)}</div>`).join('');
  await plain.setContent(`<!doctype html><style>body{margin:10px;font:14px system-ui,sans-serif}#s{height:calc(100vh - 20px);overflow:auto}
    .r{height:44px;display:grid;grid-template-columns:repeat(7,1fr);align-items:center;border-bottom:1px solid #ddd;box-sizing:border-box}</style>
    <div id="s">${rowsHtml}</div>`);
  const pcdp = await plain.createCDPSession();
  await pcdp.send('Performance.enable');
  const ptask = async () => (await pcdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  await sleep(1000);
  const p0 = await ptask();
  const pc0 = cpuTime.snapshot();
  const pw0 = performance.now();
  await wheelScroll(pcdp, () => plain.evaluate(() => {
    const el = globalThis.document.getElementById('s');
    return { max: el.scrollHeight - el.clientHeight, y: el.scrollTop };
  }), { seconds: scrollSeconds, pxPerS });
  const cpu = cpuPct(pc0, pw0);
  floor = { busy: ((await ptask()) - p0) / ((performance.now() - pw0) / 1000) * 100, cpu };
  await plain.close();
}
clearInterval(sampler);
await browser.close();
await rm(profile, { recursive: true, force: true });

const sorted = [...frames].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const rows = [
  ['first rows on screen after the list answered', `${mounted.firstRowsMs.toFixed(0)} ms`],
  ['rows rendered (of which live, after 5 s)', `${settled.rows} (${settled.liveRows})`],
  [`frame time while flinging (${PX_PER_FRAME} px/frame), p50 / p95`, `${pct(50).toFixed(1)} / ${pct(95).toFixed(1)} ms (${frames.length} frames)`],
  // A frame is 16.7 ms at 60 Hz, give or take the clock's jitter: later than 20 ms, one was missed.
  ['frames late (over 20 ms: a frame missed)', `${frames.filter((f) => f > 20).length} of ${frames.length}`],
  ['rows on screen live after the fling stopped', `${rested.shownLive} of ${rested.shownRows} in ${restMs.toFixed(0)} ms`],
  ['main thread busy, idle', `${idle.toFixed(1)} % (CPU ${idleCpu.toFixed(1)} %)`],
  ...steady.flatMap(({ kind, busy, cpu, rowsLive: r }) => [
    [`main thread busy, scrolling (${kind}, ${pxPerS} px/s, ${scrollSeconds} s)`, `${busy.toFixed(1)} % (CPU ${cpu.toFixed(1)} %)`],
    [`  … rows live within 2 s of coming into view`, `${r.counted ? ((100 * r.liveWithin2s) / r.counted).toFixed(1) : '–'} % of ${r.counted}; median ${r.medianMs.toFixed(0)} ms`],
  ]),
  ...(floor ? [[`  the floor: plain rows that never change, by wheel`, `${floor.busy.toFixed(1)} % (CPU ${floor.cpu.toFixed(1)} %)`]] : []),
  ['most sockets open at once (page / server)', `${final.peakHeld} / ${serverPeak} (budget ${final.budget}); at rest ${final.held}`],
  ['grants / revokes (whole run)', `${final.grants} / ${final.revokes}`],
  ['JS heap after GC', `${(usedSize / 2 ** 20).toFixed(1)} MiB`],
  ['browser console errors', String(errors.length)],
];
console.log(`\n<vm-list>: ${vmCount} VMs at 1 Hz, 1440×900, fling ${flingSeconds} s, idle ${idleSeconds} s, steady scroll ${scrollSeconds} s (${scrollKinds.join(', ')})${monitorWorker ? ', monitor sockets in a worker' : ''}${listCss ? `, styled: ${listCss}` : ''}.`);
for (const [name, value] of rows) console.log(`${name.padEnd(58)}${value}`);
for (const { kind, trace, profile } of steady) {
  if (trace) {
    console.log(`  <vm-list>, scrolling (${kind}):`);
    printTrace(trace, scrollSeconds);
  }
  if (profile) printProfile(`<vm-list>, script self time, scrolling (${kind})`, profile, scrollSeconds);
}
if (errors[0]) console.log(`first console error: ${errors[0].slice(0, 160)}`);

await pageServer.close();
await libgo.close();
