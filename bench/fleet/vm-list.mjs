// bench:fleet, <vm-list> part: one list of 10,000 VMs (reference server, all running, sampling at
// 1 Hz) in a 1440×900 page. Prints: first rows on screen after the list's last page answered;
// frame time p50/p95 while the list is flung (a fixed distance per frame, down and up; at 60 Hz
// one frame is 16.7 ms, the floor) and the frames later than that; main
// thread busy while idle; the most sockets open at once (page and server) against the budget;
// JS heap after GC; browser console errors. Prints; never asserts. `--vms N` (default 10000),
// `--quick` (shorter fling and idle).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { servePage, viewerToken } from './setup.mjs';
import { register } from 'tsx/esm/api';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const vmCount = Number(arg('--list-vms') ?? 10_000);
const flingSeconds = quick ? 5 : 15;
const idleSeconds = quick ? 10 : 30;
const PX_PER_FRAME = 400;

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
await page.evaluate((o) => globalThis.bench.mount(o), { serverUrl: libgo.url, token });
const mounted = await page.evaluate(() => globalThis.bench.stats());
await sleep(5000); // the rows in view get their sockets and first samples
const settled = await page.evaluate(() => globalThis.bench.stats());
const frames = await page.evaluate((px, s) => globalThis.bench.fling(px, s), PX_PER_FRAME, flingSeconds);
// Idle is the list at rest: measured once every row on screen after the fling is live again.
const flungAt = performance.now();
let rested;
do {
  await sleep(100);
  rested = await page.evaluate(() => globalThis.bench.stats());
} while (rested.shownLive < rested.shownRows && performance.now() - flungAt < 30_000);
const restMs = performance.now() - flungAt;
await sleep(1000);
const t0 = await taskDuration();
const w0 = performance.now();
await sleep(idleSeconds * 1000);
const idle = ((await taskDuration()) - t0) / ((performance.now() - w0) / 1000) * 100;
await cdp.send('HeapProfiler.enable');
await cdp.send('HeapProfiler.collectGarbage');
await cdp.send('HeapProfiler.collectGarbage');
const { usedSize } = await cdp.send('Runtime.getHeapUsage');
const final = await page.evaluate(() => globalThis.bench.stats());
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
  ['main thread busy, idle', `${idle.toFixed(1)} %`],
  ['most sockets open at once (page / server)', `${final.peakHeld} / ${serverPeak} (budget ${final.budget}); at rest ${final.held}`],
  ['grants / revokes (whole run)', `${final.grants} / ${final.revokes}`],
  ['JS heap after GC', `${(usedSize / 2 ** 20).toFixed(1)} MiB`],
  ['browser console errors', String(errors.length)],
];
console.log(`\n<vm-list>: ${vmCount} VMs at 1 Hz, 1440×900, fling ${flingSeconds} s, idle ${idleSeconds} s.`);
for (const [name, value] of rows) console.log(`${name.padEnd(58)}${value}`);
if (errors[0]) console.log(`first console error: ${errors[0].slice(0, 160)}`);

await pageServer.close();
await libgo.close();
