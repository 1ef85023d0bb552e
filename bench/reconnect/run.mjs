#!/usr/bin/env node
// Reconnect after an outage: the reference server is stopped for a random 1–60 s, ten times, while
// two hubs watch the same 10 VMs — one with the reachability probe (the default), one with the
// plain backoff (`reachabilityProbe: false`, the behaviour before it). For each outage it prints
// the time from "server back" to "all 10 sockets live" and the requests each hub sent meanwhile
// (health probes, REST calls and WebSocket upgrade attempts), then p50 and max side by side.
// Run with `npm run bench:reconnect` (node --import tsx); `--quick` for short outages (a smoke run),
// `--seed=N` to replay a run. Prints numbers; never fails on timing.
//
// The hubs run in Node with `ws` sockets and Node's fetch, not in a page: what is measured is the
// reconnection policy, and a browser would only add noise (and cores this machine does not have).
import { WebSocket } from 'ws';
import { createLibGoServer } from '../../server/create-server.ts';
import { DEFAULT_VMS } from '../../src/testing/sim/vm-fixtures.ts';
import { VmHub } from '../../src/hub/vm-hub.ts';
import { RestClient } from '../../src/transport/rest-client.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedArg = args.find((a) => a.startsWith('--seed='));
const seed = seedArg ? Number(seedArg.slice(7)) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
const OUTAGES = quick ? 4 : 10;
const [MIN_S, MAX_S] = quick ? [1, 8] : [1, 60];
const VM_COUNT = 10;
// Up long enough between outages that a socket's backoff resets (it does after 10 s open), so
// every outage starts from the same place for both hubs.
const UP_MS = 11_000;
// The plain backoff is capped at 30 s; a hub not live 45 s after the server is back is stuck.
const GIVE_UP_MS = 45_000;

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(seed);
const lengths = Array.from({ length: OUTAGES }, () => Math.round((MIN_S + rand() * (MAX_S - MIN_S)) * 1000));

const base = DEFAULT_VMS[0];
const vms = Array.from({ length: VM_COUNT }, (_, i) => ({ ...base, name: `vm-${String(i + 1).padStart(2, '0')}`, uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, initialStatus: 'running' }));
const server = await createLibGoServer({ vms, metricsIntervalMs: 5000 });
const token = (await new RestClient({ serverUrl: server.url }).login('admin', 'admin123')).token;

function watch(name, config) {
  const counts = { probes: 0, rest: 0, upgrades: 0 };
  const hub = new VmHub({
    serverUrl: server.url,
    tokenProvider: () => token,
    socketFactory: (url, protocols) => {
      counts.upgrades++;
      return protocols ? new WebSocket(url, protocols) : new WebSocket(url);
    },
    fetch: (url, init) => {
      if (new URL(url).pathname === '/health') counts.probes++;
      else counts.rest++;
      return fetch(url, init);
    },
    ...config,
  });
  const sessions = vms.map((vm) => hub.monitor(vm.name).session);
  const allLive = () => sessions.every((s) => s.connection.state === 'open');
  let liveWaiters = [];
  for (const s of sessions) {
    s.subscribe(() => {
      if (!allLive()) return;
      const now = performance.now();
      for (const w of liveWaiters) w(now);
      liveWaiters = [];
    });
  }
  return {
    name,
    hub,
    counts,
    allLive,
    total: () => counts.probes + counts.rest + counts.upgrades,
    /** Resolves with the instant all sessions are open (now, if they are), or null after `ms`. */
    live(ms) {
      if (allLive()) return Promise.resolve(performance.now());
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), ms);
        liveWaiters.push((t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hubs = [watch('probe', {}), watch('plain backoff', { reachabilityProbe: false })];

console.log(`seed ${seed}${quick ? ' (--quick)' : ''}: ${OUTAGES} outages of ${lengths.map((l) => (l / 1000).toFixed(1)).join(', ')} s; ${VM_COUNT} monitor sockets per hub`);
const first = await Promise.all(hubs.map((h) => h.live(20_000)));
if (first.some((t) => t === null)) {
  console.error('The hubs did not connect to the reference server.');
  process.exit(1);
}
await sleep(UP_MS);

const rows = [];
for (const [i, length] of lengths.entries()) {
  const before = hubs.map((h) => h.total());
  await server.stop();
  await sleep(length);
  await server.start();
  const back = performance.now();
  const liveAt = await Promise.all(hubs.map((h) => h.live(GIVE_UP_MS)));
  const row = { length, hubs: hubs.map((h, k) => ({ recovery: liveAt[k] === null ? null : Math.max(0, liveAt[k] - back), requests: h.total() - before[k] })) };
  rows.push(row);
  const cell = (r) => `${r.recovery === null ? `>${GIVE_UP_MS / 1000} s` : `${(r.recovery / 1000).toFixed(2)} s`} live, ${r.requests} requests`;
  console.log(`outage ${String(i + 1).padStart(2)}: ${(length / 1000).toFixed(1).padStart(5)} s down | ${hubs.map((h, k) => `${h.name}: ${cell(row.hubs[k])}`).join(' | ')}`);
  await sleep(UP_MS);
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
console.log('\nfrom "server back" to "all sockets live":');
for (const [k, h] of hubs.entries()) {
  const rec = rows.map((r) => r.hubs[k].recovery ?? Infinity);
  const req = rows.map((r) => r.hubs[k].requests);
  const c = h.counts;
  console.log(
    `  ${h.name.padEnd(14)} p50 ${(pct(rec, 50) / 1000).toFixed(2)} s, max ${(Math.max(...rec) / 1000).toFixed(2)} s; ` +
      `requests during outages: ${req.reduce((a, b) => a + b, 0)} (${(req.reduce((a, b) => a + b, 0) / rows.reduce((a, r) => a + r.length / 1000, 0)).toFixed(2)}/s down; ` +
      `whole run: ${c.probes} probes, ${c.upgrades} upgrades, ${c.rest} REST)`,
  );
}
const [p, plain] = hubs.map((_, k) => rows.map((r) => r.hubs[k].recovery ?? Infinity));
console.log(`  ratio plain/probe: p50 ${(pct(plain, 50) / Math.max(1, pct(p, 50))).toFixed(1)}×, max ${(Math.max(...plain) / Math.max(1, Math.max(...p))).toFixed(1)}×`);
console.log(`  targets for the probe: p50 ≤ 2 s ${pct(p, 50) <= 2000 ? 'met' : 'NOT met'}, max ≤ 5 s ${Math.max(...p) <= 5000 ? 'met' : 'NOT met'}`);

for (const h of hubs) h.hub.dispose();
await server.close();
