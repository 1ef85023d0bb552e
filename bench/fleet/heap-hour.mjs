// bench:fleet, heap-hour part: what an hour of a live fleet page does to the JS heap, in about two
// minutes. The page of bench/fleet/page.ts (1,000 compact tiles, budget 64, linger 5 s) against a
// reference server whose 1,000 VMs are sampled every `--sample-ms` (default 25) instead of every
// second: one sample is one simulated second, so an hour is 3,600 samples per tile.
//
// Why fast real-time samples are a sound stand-in for an hour at 1 Hz: what a tile keeps is bounded
// by count, not by time (a VM's history is a ring of 720 rows, vm-metrics-history.ts; samples that
// wait for the history code are capped at 721), so 3,600 samples wrap it five times either way;
// the server's timestamps stay real (simulated ones, 1 s apart but 25 ms apart on arrival, would
// be taken for server clock steps and re-anchored with a gap every few samples). Not simulated:
// what is paced by the wall clock (client heartbeats, server pings, paced renders, the fleet poll),
// which run for the ~2 minutes of wall time only.
//
// Simulated time is counted per tile, on the page: the metrics messages each VM's sockets
// received. Heap after GC (CDP HeapProfiler.collectGarbage twice, Runtime.getHeapUsage) at:
//   1 simulated minute: every tile in view (at the top) has received ≥ 60 samples;
//   after scrolling: the page scrolled top → `--churn-px` (default 2,040: 20 rows) → top for
//     `--churn-seconds` (default 25) at 300 px/s, so leases move between ~150 tiles; the tiles
//     scrolled to receive their first samples, and each holds a history from then on;
//   1 simulated hour: back at the top, every tile in view has received ≥ 3,600 samples.
// Printed: the three, hour / minute and hour / after-scrolling ("target: flat within 10 %"), the
// tiles that received samples at each point, the heap per tile sampled since the minute, the
// ArrayBuffer backing stores (outside usedSize: each sampled tile's ring, 9 Float64Array(720)),
// sockets, grants / revokes, console errors, wall time. Hour / minute includes the tiles that
// went live while scrolling (each keeps its history and state for as long as it is on the page);
// hour / after-scrolling is the same tiles over ~55 simulated minutes: time alone. Prints; never
// asserts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { servePage, viewerToken } from './setup.mjs';
import { register } from 'tsx/esm/api';
import { grownClasses, heapClasses } from './heap-classes.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const sampleMs = arg('--sample-ms', 25);
const churnPx = arg('--churn-px', 2040);
const churnSeconds = arg('--churn-seconds', 25);
const vmCount = arg('--vms', 1000);
// `--renderer vm-grid`: the same hour for the library's <vm-grid> (a pool of tiles renamed while scrolling).
const renderer = process.argv.includes('--renderer') ? process.argv[process.argv.indexOf('--renderer') + 1] : undefined;
const classes = process.argv.includes('--heap-classes');
const HOUR = 3600;

register();
const { createLibGoServer } = await import('../../server/create-server.ts');
const { DEFAULT_VMS } = await import('../../src/testing/sim/vm-fixtures.ts');
const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running');
// The names page.ts mounts (vm-0000 …), as run.mjs serves them.
const vms = Array.from({ length: vmCount }, (_, i) => ({
  ...template,
  name: `vm-${String(i).padStart(4, '0')}`,
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  initialStatus: 'running',
  load: template.load && { ...template.load, cpu: 10 + ((i * 37) % 80) },
}));
const libgo = await createLibGoServer({ port: 0, vms, metricsIntervalMs: sampleMs });
const token = await viewerToken(libgo);

const pageServer = await servePage('page.ts', 'index.html');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const wall0 = performance.now();

const profile = await mkdtemp(join(tmpdir(), 'bench-fleet-heap-profile-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1440, height: 900 });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(e.message));
const cdp = await page.createCDPSession();
await cdp.send('HeapProfiler.enable');
const heapAfterGc = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  // With --heap-classes, what the heap holds by kind (a snapshot: the page pauses for a moment).
  return { ...usage, classes: classes ? await heapClasses(cdp) : null };
};
const samples = () => page.evaluate(() => globalThis.bench.samples());
/** Waits until every tile in view has received `n` samples; the counts when it did (or gave up). */
const untilInView = async (n, limitMs) => {
  const end = performance.now() + limitMs;
  let s = await samples();
  while (s.minInView < n && performance.now() < end) {
    await sleep(200);
    s = await samples();
  }
  return s;
};

await page.goto(pageServer.url);
await page.waitForFunction('window.bench');
await page.evaluate((o) => globalThis.bench.mount(o), { serverUrl: libgo.url, token, n: vmCount, max: 64, lingerMs: 5000, renderer });
const atMinute = await untilInView(60, 30_000);
const heapMinute = await heapAfterGc();

await page.evaluate(
  async (px, seconds) => {
    // bench.scroll goes top → bottom of all 1,000 tiles; this stays within the first `px`.
    const start = performance.now();
    await new Promise((resolve) => {
      const step = () => {
        const t = (performance.now() - start) / 1000;
        if (t >= seconds) return resolve();
        const d = (t * 300) % (2 * px);
        globalThis.scrollTo(0, d <= px ? d : 2 * px - d);
        globalThis.requestAnimationFrame(step);
      };
      globalThis.requestAnimationFrame(step);
    });
    globalThis.scrollTo(0, 0);
  },
  churnPx,
  churnSeconds,
);
// Back at the top: the tiles in view take their sockets back before the figure is taken.
await untilInView(1, 15_000);
await sleep(3000);
const afterScroll = await samples();
const heapScrolled = await heapAfterGc();

const atHour = await untilInView(HOUR, 240_000);
const heapHour = await heapAfterGc();
const stats = await page.evaluate(() => globalThis.bench.stats());
const serverSockets = libgo.sim.connectionsOf().length;
const wallS = (performance.now() - wall0) / 1000;
await browser.close();
await rm(profile, { recursive: true, force: true });
await pageServer.close();
await libgo.close();

const simMin = (s) => `${(s.minInView / 60).toFixed(1)} min`;
const pct = (a, b) => `${((a / b) * 100).toFixed(1)} %`;
console.log(`\nheap-hour: ${vmCount} tiles, budget 64, one sample every ${sampleMs} ms = one simulated second; ${atHour.inView} tiles in view at the top.`);
const offHeap = heapHour.backingStorageSize === undefined ? [] : [['ArrayBuffer backing stores (minute / scrolled / hour)', [heapMinute, heapScrolled, heapHour].map((h) => mb(h.backingStorageSize)).join(' / ')]];
const rows = [
  ['heap after GC, 1 simulated minute', `${mb(heapMinute.usedSize)} (tiles in view ≥ ${atMinute.minInView} samples, ${atMinute.vmsSampled} tiles sampled)`],
  ['heap after GC, after scrolling', `${mb(heapScrolled.usedSize)} (at ${simMin(afterScroll)}; ${afterScroll.vmsSampled} tiles sampled)`],
  ['heap after GC, 1 simulated hour', `${mb(heapHour.usedSize)} (tiles in view ≥ ${atHour.minInView} samples, ${atHour.vmsSampled} tiles sampled)`],
  ['hour / minute (target: flat within 10 %)', pct(heapHour.usedSize, heapMinute.usedSize)],
  ['hour / after scrolling (same tiles sampled)', pct(heapHour.usedSize, heapScrolled.usedSize)],
  // What stays of the scrolling (the hour's figure, not the one taken 3 s after it).
  ['heap per tile sampled since the minute', `${((heapHour.usedSize - heapMinute.usedSize) / 1024 / Math.max(1, atHour.vmsSampled - atMinute.vmsSampled)).toFixed(1)} KiB (hour − minute)`],
  ...offHeap,
  ['samples received by the page', String(atHour.total)],
  ['sockets: open at the end (server) / most at once (page)', `${serverSockets} / ${stats.peakHeld}`],
  ['grants / revokes', `${stats.grants} / ${stats.revokes}`],
  ['browser console errors', String(errors.length)],
  ['wall time', `${wallS.toFixed(0)} s`],
];
for (const [name, value] of rows) console.log(`${name.padEnd(58)}${value}`);
if (atHour.minInView < HOUR) console.log(`(the hour was cut short: a tile in view had ${atHour.minInView} samples after the time limit)`);
if (classes) {
  for (const [from, a, to, b] of [['minute', heapMinute, 'after scrolling', heapScrolled], ['after scrolling', heapScrolled, 'hour', heapHour]]) {
    for (const native of [false, true]) {
      console.log(`grew most, ${from} → ${to}, ${native ? "blink's objects and backing stores" : 'JS heap'} (heap snapshots, self size):`);
      for (const line of grownClasses(a.classes, b.classes, { native })) console.log(line);
    }
  }
}
if (errors[0]) console.log(`first console error: ${errors[0].slice(0, 140)}`);
export {};
