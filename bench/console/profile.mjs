// Where the main thread's time goes during one console flood, for `bench:console` findings: a CPU
// profile of the measured window only (e2e and the bare xterm, same tab) and a timeline of the
// element's write queue (xterm busy / idle with output queued / idle with nothing to do).
// Run: node --import tsx bench/console/profile.mjs (env B bytes, MODES page,worker, MB maxBatch,
// BARE xterm|socket).
/* global window, document */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
const root = fileURLToPath(new URL('../../', import.meta.url));
const { chromiumLaunchOptions, createProfileDir, findChromium } = await import(root + 'scripts/find-chromium.mjs');
const { createLibGoServer } = await import(root + 'server/create-server.ts');
const { DEFAULT_VMS } = await import(root + 'src/testing/sim/vm-fixtures.ts');
// BARE=socket profiles the bare socket page (its own VM, web-02) instead of the bare xterm.
const BARE = process.env.BARE ?? 'xterm';
const web01 = DEFAULT_VMS.find((v) => v.name === 'web-01');
const VMS = [...DEFAULT_VMS, { ...web01, name: 'web-02', uuid: '00000000-0000-4000-8000-00000000b002' }];
const BYTES = Number(process.env.B ?? 8 * 1024 * 1024);
const MODES = (process.env.MODES ?? 'page,worker').split(',');
const MAXBATCH = Number(process.env.MB ?? 16);
const bundle = await build({ entryPoints: [root + 'bench/console/page.ts'], bundle: true, write: false, format: 'esm', target: 'es2022', minify: false, keepNames: true,
  define: { 'process.env.NODE_ENV': '"production"' }, tsconfig: root + 'tsconfig.json', logLevel: 'silent' });
const script = bundle.outputFiles[0].text;
const page = createServer((req, res) => {
  if (req.url === '/main.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(script); return; }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><meta charset="utf-8"><body></body><script type="module" src="/main.js"></script>');
});
await new Promise((r) => page.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${page.address().port}/`;
const profile = createProfileDir('cl-prof-');
const browser = await puppeteer.launch({ ...chromiumLaunchOptions({ executablePath: findChromium(), userDataDir: profile.dir }), defaultViewport: { width: 1280, height: 800 }, networkEnabled: false });
function summarize(label, prof, ms) {
  const self = new Map();
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i + 1] ?? 0));
  let total = 0;
  for (const [id, t] of dt) {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + t / 1000);
    total += t / 1000;
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 22);
  console.log(`\n== ${label}: ${ms.toFixed(0)} ms, ${(BYTES / 1048576 / (ms / 1000)).toFixed(1)} MB/s; sampled ${total.toFixed(0)} ms`);
  for (const [k, t] of top) console.log(`${t.toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`);
}
try {
  for (const mode of MODES) {
    const server = await createLibGoServer({ maxBatch: MAXBATCH, metricsIntervalMs: 5000, vms: VMS });
    const login = await server.sim.login('admin', 'admin123');
    const tab = await browser.newPage();
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => 'bench' in window);
    await tab.evaluate((url, token, w) => window.bench.mountConsole(url, token, w), server.url, login.token, mode === 'worker');
    const cdp = await tab.createCDPSession();
    const profiles = [];
    cdp.on('Profiler.consoleProfileFinished', (e) => profiles.push(e.profile));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await tab.evaluate(() => { window.benchProfile = true; });
    await tab.evaluate(() => {
      // Timeline of the element's write queue: arrivals, writes, callbacks.
      const el = document.querySelector('vm-connection > vm-console');
      const q = el.terminalCtl.terminal.queue;
      const term = el.terminal;
      const log = (window.qlog = []);
      const push = q.push.bind(q);
      q.push = (t) => { log.push(['a', performance.now(), t.length]); push(t); };
      const write = term.write.bind(term);
      term.write = (d, cb) => { log.push(['w', performance.now(), d.length]); write(d, () => { log.push(['c', performance.now(), d.length]); cb?.(); }); };
    });
    // How often the element itself re-renders (Lit updates) during the flood.
    await tab.evaluate(() => {
      const el = document.querySelector('vm-connection > vm-console');
      const update = el.update.bind(el);
      window.renders = 0;
      el.update = (changed) => { window.renders++; update(changed); };
    });
    const e2e = await tab.evaluate((b, c) => window.bench.endToEnd(b, c), BYTES, 4096);
    console.log(`${mode}: <vm-console> rendered ${await tab.evaluate(() => window.renders)} times during the flood`);
    const tl = await tab.evaluate(() => {
      const log = window.qlog;
      let inflight = 0, queued = 0, last = null, tIdleQueued = 0, tIdleEmpty = 0, tBusy = 0, n = { a: 0, w: 0 };
      let idleQueuedEvents = 0;
      const start = log.find((e) => e[0] === 'a' && e[2] > 1000)?.[1] ?? log[0][1];
      for (const [k, t, len] of log) {
        if (t >= start && last !== null) {
          const dt = t - last;
          if (inflight > 0) tBusy += dt; else if (queued > 0) tIdleQueued += dt; else tIdleEmpty += dt;
        }
        last = Math.max(t, start);
        if (k === 'a') { queued += len; n.a++; }
        if (k === 'w') { queued -= len; inflight += len; n.w++; }
        if (k === 'c') { inflight -= len; if (inflight === 0 && queued > 0) idleQueuedEvents++; }
      }
      const sizes = log.filter((e) => e[0] === 'a').map((e) => e[2]).sort((a, b) => a - b);
      return { tBusy, tIdleQueued, tIdleEmpty, n, idleQueuedEvents, medianArrival: sizes[sizes.length >> 1], maxArrival: sizes[sizes.length - 1] };
    });
    console.log(`\n${mode} timeline: xterm busy ${tl.tBusy.toFixed(0)} ms, idle with output queued ${tl.tIdleQueued.toFixed(0)} ms (${tl.idleQueuedEvents}x), idle with nothing queued ${tl.tIdleEmpty.toFixed(0)} ms; arrivals ${tl.n.a} (median ${tl.medianArrival}, max ${tl.maxArrival} chars), writes ${tl.n.w}`);
    const bare =
      BARE === 'socket'
        ? await tab.evaluate((url, token, b, c) => window.bench.bareSocket(url, token, b, c, 'web-02'), server.url, login.token, BYTES, 4096)
        : await tab.evaluate((b, c) => window.bench.raw(b, c), BYTES, 4096);
    await new Promise((r) => setTimeout(r, 500));
    summarize(`${mode} e2e (writes ${e2e.writes}, lost ${e2e.lost}, dropped ${e2e.dropped})`, profiles[0], e2e.ms);
    summarize(`${mode} bare ${BARE}`, profiles[1], bare.ms);
    console.log(`RATIO ${mode}: ${(bare.ms / e2e.ms).toFixed(2)}`);
    await tab.close();
    await server.close();
  }
} finally {
  await browser.close();
  profile.remove();
  page.close();
  console.log('load', (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' '));
}
