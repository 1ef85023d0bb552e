#!/usr/bin/env node
// Console throughput: 20 MB of guest output from the reference server's `flood` command through
// WebSocket → hub → <vm-console> → xterm, against the same bytes written straight into a bare
// xterm in the same page, plus the time for a 1 MB paste to reach the server intact. Run with
// `npm run bench:console` (node --import tsx). Prints numbers; never fails on timing.
/* global window */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions, createProfileDir, findChromium } from '../../scripts/find-chromium.mjs';
import { createLibGoServer } from '../../server/create-server.ts';

const FLOOD_BYTES = Number(process.env.BENCH_CONSOLE_BYTES ?? 20 * 1024 * 1024);
const FLOOD_CHUNK = 4096;
const PASTE_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
  bundle: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'silent',
});
const script = bundle.outputFiles[0].text;
const page = createServer((req, res) => {
  if (req.url === '/main.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><meta charset="utf-8"><title>console bench</title><body></body><script type="module" src="/main.js"></script>');
});
await new Promise((r) => page.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${page.address().port}/`;

const profile = createProfileDir('libgo-bench-console-');
const browser = await puppeteer.launch({
  ...chromiumLaunchOptions({ executablePath: findChromium(), userDataDir: profile.dir }),
  defaultViewport: { width: 1280, height: 800 },
  // Puppeteer's network monitoring copies every WebSocket frame over CDP and halves throughput.
  networkEnabled: false,
});

const fmt = (n, d = 1) => n.toFixed(d);
const rows = [];
try {
  for (const [maxBatch, inWorker] of [[1, false], [1, true], [16, false], [16, true]]) {
    const server = await createLibGoServer({ maxBatch, metricsIntervalMs: 5000 });
    // Count what the simulated guest receives as console input (the bench owns this hook only).
    const received = { text: '', at: 0 };
    const sim = server.sim;
    const originalInbound = sim.inbound.bind(sim);
    sim.inbound = (conn, text) => {
      try {
        const msg = JSON.parse(text);
        if (msg.type === 'console_input' && typeof msg.data?.content === 'string') {
          received.text += msg.data.content;
          received.at = performance.now();
        }
      } catch {
        /* the simulation answers malformed input itself */
      }
      originalInbound(conn, text);
    };
    const login = await sim.login('admin', 'admin123');
    const tab = await browser.newPage();
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => 'bench' in window);
    const transport = await tab.evaluate((url, token, b, c, w) => window.bench.socketOnly(url, token, b, c, w), server.url, login.token, FLOOD_BYTES, FLOOD_CHUNK, inWorker);
    await tab.evaluate((url, token, w) => window.bench.mountConsole(url, token, w), server.url, login.token, inWorker);

    const e2e = await tab.evaluate((b, c) => window.bench.endToEnd(b, c), FLOOD_BYTES, FLOOD_CHUNK);
    const bare = await tab.evaluate((b, c) => window.bench.raw(b, c), FLOOD_BYTES, FLOOD_CHUNK);

    // Paste: from the call in the page until the server has every character, compared exactly.
    const expected = await tab.evaluate((n) => window.bench.pasteText(n), PASTE_BYTES);
    received.text = '';
    const t0 = performance.now();
    await tab.evaluate((n) => window.bench.paste(n), PASTE_BYTES);
    const deadline = Date.now() + 60_000;
    while (received.text.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    const pasteMs = received.at - t0;
    const pasteIntact = received.text === expected;

    rows.push({
      maxBatch,
      socket: inWorker ? 'worker' : 'page',
      transportMBs: FLOOD_BYTES / MB / (transport.ms / 1000),
      e2eMBs: FLOOD_BYTES / MB / (e2e.ms / 1000),
      rawMBs: FLOOD_BYTES / MB / (bare.ms / 1000),
      lost: e2e.lost,
      dropped: e2e.dropped,
      writes: e2e.writes,
      pasteMs,
      pasteIntact,
    });
    await tab.close();
    await server.close();
  }
} finally {
  await browser.close();
  profile.remove();
  page.close();
}

console.log(`\n${fmt(FLOOD_BYTES / MB, 0)} MB of console output in ${FLOOD_CHUNK}-byte messages, headless Chromium, loopback`);
console.log('server maxBatch | socket | socket→hub MB/s | end-to-end MB/s | bare xterm MB/s | ratio | bytes lost | dropped | xterm writes | 1 MB paste → server');
for (const r of rows) {
  console.log(
    `${String(r.maxBatch).padStart(15)} | ${r.socket.padEnd(6)} | ${fmt(r.transportMBs).padStart(15)} | ${fmt(r.e2eMBs).padStart(15)} | ${fmt(r.rawMBs).padStart(15)} | ${fmt(r.e2eMBs / r.rawMBs, 2).padStart(5)} | ` +
      `${String(r.lost).padStart(10)} | ${String(r.dropped).padStart(7)} | ${String(r.writes).padStart(12)} | ${fmt(r.pasteMs, 0)} ms${r.pasteIntact ? ' (intact)' : ' (NOT INTACT)'}`,
  );
}
console.log('socket→hub: the same flood into a counting sink (no terminal), the ceiling the source and transport set.');
console.log('Target: ratio ≥ 0.9 and 0 bytes lost. Timing is printed, never asserted.');
