/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub, type VmHubConfig } from '../../src/hub/index.js';
import { flushHistoryStores, openHistoryStore, type HistoryStore } from '../../src/hub/history-store.js';
import type { MonitorSession } from '../../src/hub/monitor-session.js';
import { preloadConnection } from '../../src/transport/index.js';
import { fakeSocketFactory, flush, line, ManualTimers, type FakeSocket } from '../helpers/fake-socket.js';

// Issue 12, item 9: charts started empty on every page load. A page load is a new hub on the same
// IndexedDB; each test has a database of its own.
const SERVER = 'http://libgo.test';
let dbSeq = 0;
const freshDb = () => `libgo-test-history-${Date.now()}-${dbSeq++}`;

function token(claims: Record<string, unknown>): string {
  const b64 = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${b64}.sig`;
}
const ALICE = token({ userId: 'u-alice', username: 'alice', roles: ['admin'] });
const BOB = token({ userId: 'u-bob', username: 'bob', roles: ['viewer'] });

const metrics = (cpu: number, rx: number) => ({
  cpu: { utilization: cpu },
  memory: { used: 1, total: 2 },
  network: { rxBytes: rx, txBytes: 0 },
  disk: { readBytes: 0, writeBytes: 0 },
});
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The clock of the pages of one test, server and browser alike: time away between two pages is
 * `clock.advance()`, and the server's timestamps agree with the time the browser sees pass.
 */
let clock = new ManualTimers();

/** One page: a hub, and helpers to watch a VM and feed it samples. */
function page(databaseName: string, tok: string, extra: Partial<VmHubConfig> = {}) {
  const { factory, sockets } = fakeSocketFactory();
  const hub = new VmHub({
    serverUrl: SERVER,
    socketFactory: factory,
    timers: clock,
    heartbeatMs: 600_000,
    tokenProvider: () => tok,
    persistHistory: { databaseName },
    ...extra,
  });
  return {
    hub,
    async watch(vm: string): Promise<{ session: MonitorSession; socket: FakeSocket }> {
      const { session } = hub.monitor(vm);
      await flush(10);
      clock.advance(0);
      await waitUntil(() => sockets.some((s) => new URL(s.url).pathname === `/ws/vms/${vm}`), 'a socket', { timeout: 3000, interval: 5 });
      const socket = sockets.filter((s) => new URL(s.url).pathname === `/ws/vms/${vm}`).at(-1)!;
      socket.open();
      return { session, socket };
    },
    async feed(socket: FakeSocket, session: MonitorSession, samples: Array<[t: number, cpu: number, rx: number]>) {
      for (const [t, cpu, rx] of samples) {
        if (t > clock.now()) clock.advance(t - clock.now());
        socket.receive(line('metrics', metrics(cpu, rx), iso(t)));
      }
      const last = samples.at(-1)![0];
      await waitUntil(() => session.history?.series.lastTime === last, 'the samples charted', { timeout: 5000, interval: 5 });
    },
    /** The page goes away: every session ends (and writes what it has). */
    async close() {
      hub.dispose();
      await flushHistoryStores();
    },
  };
}

const CHANNELS = ['cpu', 'memUsed', 'memTotal', 'memPct', 'rxRate', 'txRate', 'readRate', 'writeRate'];

/** The record kept for one VM of alice's, as IndexedDB holds it. */
function storedRecord(databaseName: string, vm: string): Promise<{ series: { v: number; t: unknown; cols: Record<string, unknown> } } | undefined> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(databaseName);
    req.onsuccess = () => {
      const get = req.result.transaction('vms').objectStore('vms').get([SERVER, 'u-alice', vm]);
      get.onsuccess = () => (req.result.close(), resolve(get.result));
      get.onerror = () => reject(get.error);
    };
    req.onerror = () => reject(req.error);
  });
}

/** Puts records for alice's VMs into the store as another script (or an older version) left them. */
function putRecords(databaseName: string, savedAt: number, records: Record<string, unknown>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(databaseName);
    req.onsuccess = () => {
      const tx = req.result.transaction('vms', 'readwrite');
      for (const [vm, series] of Object.entries(records)) tx.objectStore('vms').put({ server: SERVER, user: 'u-alice', vm, savedAt, series });
      tx.oncomplete = () => (req.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

const cpuOf = (s: MonitorSession) => s.history?.series.toArrays('cpu') ?? { x: [], y: [] };

/** Waits until the restore is over, whatever it found: a live sample is then charted. */
async function settle(p: ReturnType<typeof page>, session: MonitorSession, socket: FakeSocket, t: number) {
  await p.feed(socket, session, [[t, 77, 0]]);
}

describe('Metrics history across page loads', () => {
  before(() => preloadConnection());
  beforeEach(() => (clock = new ManualTimers()));

  it('restores a VM\'s series in a new page, with the time away as a gap and no rate across it', async () => {
    const db = freshDb();
    const T0 = clock.now();
    const one = page(db, ALICE);
    const a = await one.watch('web-01');
    await one.feed(a.socket, a.session, [[T0, 1, 0], [T0 + 5000, 2, 5_000_000], [T0 + 10_000, 3, 10_000_000]]);
    await one.close();

    const two = page(db, ALICE);
    const b = await two.watch('web-01');
    await waitUntil(() => b.session.history !== null, 'the restored history', { timeout: 5000, interval: 5 });
    expect(cpuOf(b.session).y, 'before any live sample').to.deep.equal([1, 2, 3]);
    expect(b.session.history!.latest(), 'nothing is live yet').to.equal(null);
    await two.feed(b.socket, b.session, [[T0 + 5 * 60_000, 4, 20_000_000], [T0 + 5 * 60_000 + 5000, 5, 25_000_000]]);
    const { x, y } = cpuOf(b.session);
    expect(y, 'a gap between the pages').to.deep.equal([1, 2, 3, null, 4, 5]);
    expect(x[3]).to.be.within(T0 + 10_001, T0 + 5 * 60_000 - 1);
    const rx = b.session.history!.series.toArrays('rxRate').y;
    expect(rx, 'no rate spans the time away').to.deep.equal([null, 1_000_000, 1_000_000, null, null, 1_000_000]);
    await two.close();
  });

  it('restores when the token provider is set only after the elements loaded (the README snippet)', async () => {
    const db = freshDb();
    const T0 = clock.now();
    const one = page(db, ALICE);
    const a = await one.watch('web-01');
    await one.feed(a.socket, a.session, [[T0, 1, 0], [T0 + 5000, 2, 0]]);
    await one.close();
    const late = page(db, ALICE, { tokenProvider: undefined });
    const { session } = late.hub.monitor('web-01');
    // The first look found nobody signed in, and is over.
    await waitUntil(() => !(session as unknown as { restoring: boolean }).restoring, 'the first look', { timeout: 5000, interval: 5 });
    expect(session.history).to.equal(null);
    late.hub.configure({ tokenProvider: () => ALICE });
    await waitUntil(() => session.history !== null, 'the restored history', { timeout: 5000, interval: 5 });
    expect(cpuOf(session).y).to.deep.equal([1, 2]);
    await late.close();
  });

  it('clears a server\'s kept histories when another user signs in there', async () => {
    const db = freshDb();
    const T0 = clock.now();
    const alice = page(db, ALICE);
    const a = await alice.watch('web-01');
    await alice.feed(a.socket, a.session, [[T0, 1, 0], [T0 + 5000, 2, 0]]);
    await alice.close();

    const bob = page(db, BOB);
    const b = await bob.watch('web-01');
    await settle(bob, b.session, b.socket, T0 + 30_000);
    expect(cpuOf(b.session).y, 'bob sees nothing of alice\'s').to.deep.equal([77]);
    await bob.close();

    const again = page(db, ALICE);
    const c = await again.watch('web-01');
    await settle(again, c.session, c.socket, T0 + 40_000);
    expect(cpuOf(c.session).y, 'deleted, not hidden').to.deep.equal([77]);
    await again.close();
  });

  it('keeps nothing with persistHistory: false, nor for a session asked not to (no-persist-history)', async () => {
    const db = freshDb();
    const T0 = clock.now();
    const off = page(db, ALICE, { persistHistory: false });
    const a = await off.watch('web-01');
    await off.feed(a.socket, a.session, [[T0, 1, 0]]);
    await off.close();
    const on = page(db, ALICE);
    const b = await on.watch('web-01');
    await settle(on, b.session, b.socket, T0 + 5000);
    expect(cpuOf(b.session).y).to.deep.equal([77]);
    // Now kept by this page; an element that asks for no persistence deletes it.
    const c = await on.watch('db-01');
    await on.feed(c.socket, c.session, [[T0, 2, 0]]);
    await on.close();
    const three = page(db, ALICE);
    const d = await three.watch('web-01');
    await waitUntil(() => d.session.history !== null, 'restored', { timeout: 5000, interval: 5 });
    d.session.disablePersistence();
    await three.close();
    const four = page(db, ALICE);
    const e = await four.watch('web-01');
    await settle(four, e.session, e.socket, T0 + 10_000);
    expect(cpuOf(e.session).y, 'forgotten').to.deep.equal([77]);
    const f = await four.watch('db-01');
    await waitUntil(() => f.session.history !== null, 'the other VM is still kept', { timeout: 5000, interval: 5 });
    await four.close();
  });

  it('<vm-connection no-persist-history> turns it off for its hub, and on again without the attribute', async () => {
    await import('../../src/elements/vm-connection/vm-connection.define.js');
    const el = document.createElement('vm-connection');
    el.setAttribute('server', SERVER);
    el.setAttribute('no-persist-history', '');
    document.body.append(el);
    await el.updateComplete;
    expect(el.activeHub.config.persistHistory).to.equal(false);
    el.removeAttribute('no-persist-history');
    await el.updateComplete;
    expect(el.activeHub.config.persistHistory).to.equal(undefined); // the default: kept
    el.remove();
  });

  it('keeps the most recently watched VMs up to maxVms, and samples up to maxAgeMs old', async () => {
    const db = freshDb();
    const now = clock.now() + 120_000;
    const opts = { persistHistory: { databaseName: db, maxVms: 3, maxAgeMs: 60_000 } };
    for (let i = 0; i < 5; i++) {
      const p = page(db, ALICE, opts);
      const { session, socket } = await p.watch(`vm-${i}`);
      // Two minutes of samples, the first minute older than maxAgeMs.
      await p.feed(socket, session, Array.from({ length: 25 }, (_, k) => [now - 120_000 + k * 5000, k, 0] as [number, number, number]));
      await p.close();
      clock.advance(1000); // the next page comes a second later
    }
    const p = page(db, ALICE, opts);

    const kept: string[] = [];
    for (let i = 0; i < 5; i++) {
      const notBefore = clock.now() - 60_000;
      const young = Array.from({ length: 25 }, (_, k) => k).filter((k) => now - 120_000 + k * 5000 >= notBefore);
      const { session, socket } = await p.watch(`vm-${i}`);
      await settle(p, session, socket, clock.now()); // the clock stands still while the store is read
      const y = cpuOf(session).y;
      if (y.length > 1) {
        kept.push(`vm-${i}`);
        expect(y.slice(0, -2), `vm-${i}: only the last minute`).to.deep.equal(young);
      }
    }
    expect(kept).to.deep.equal(['vm-2', 'vm-3', 'vm-4']);
    await p.close();
  });

  it('discards corrupt or hostile stored records, and charts live samples as usual', async () => {
    const db = freshDb();
    const T0 = clock.now();
    // A page that created the database and signed alice in.
    const first = page(db, ALICE);
    const a = await first.watch('seed');
    await first.feed(a.socket, a.session, [[T0, 1, 0]]);
    await first.close();
    const cols = (n: number, v: unknown = 1) => Object.fromEntries(CHANNELS.map((c) => [c, Array(n).fill(v)]));
    const typed = (n: number, v = 1) => Object.fromEntries(CHANNELS.map((c) => [c, new Float64Array(n).fill(v)]));
    const hostile: Record<string, unknown> = {
      'not-an-object': 'x',
      'null-series': null,
      'other-version': { v: 3, t: new Float64Array([T0]), cols: typed(1), receivedAt: T0 },
      'v2-plain-arrays': { v: 2, t: [T0], cols: cols(1), receivedAt: T0 },
      'v2-float32': { v: 2, t: new Float64Array([T0]), cols: { ...typed(1), cpu: new Float32Array([1]) }, receivedAt: T0 },
      'v2-short-column': { v: 2, t: new Float64Array([T0, T0 + 5000]), cols: typed(1), receivedAt: T0 },
      'v2-unsorted': { v: 2, t: new Float64Array([T0 + 5000, T0]), cols: typed(2), receivedAt: T0 },
      'v2-infinite': { v: 2, t: new Float64Array([T0]), cols: typed(1, Infinity), receivedAt: T0 },
      'v2-negative': { v: 2, t: new Float64Array([T0]), cols: typed(1, -1), receivedAt: T0 },
      'v2-nan-time': { v: 2, t: new Float64Array([NaN]), cols: typed(1), receivedAt: T0 },
      'v1-nan-value': { v: 1, t: [T0], cols: cols(1, NaN), receivedAt: T0 },
      'unsorted': { v: 1, t: [T0 + 5000, T0], cols: cols(2), receivedAt: T0 },
      'short-column': { v: 1, t: [T0, T0 + 5000], cols: cols(1), receivedAt: T0 },
      'strings': { v: 1, t: [T0], cols: cols(1, '50'), receivedAt: T0 },
      'negative': { v: 1, t: [T0], cols: cols(1, -1), receivedAt: T0 },
      'nan-time': { v: 1, t: [NaN], cols: cols(1), receivedAt: T0 },
      'far-future': { v: 1, t: [T0 + 365 * 86_400_000], cols: cols(1), receivedAt: T0 },
      'proto': JSON.parse(`{"v":1,"t":[${T0}],"cols":{"__proto__":{"cpu":[1]}},"receivedAt":${T0}}`),
      'huge': { v: 1, t: [T0], cols: cols(1, 1e300), receivedAt: T0 },
    };
    await putRecords(db, T0, hostile);
    const p = page(db, ALICE);
    for (const vm of Object.keys(hostile)) {
      const { session, socket } = await p.watch(vm);
      await settle(p, session, socket, T0 + 30_000);
      expect(cpuOf(session).y, vm).to.deep.equal([77]);
    }
    await p.close();
  });

  // 100 VMs at 1 Hz held an hour: version 1's arrays of numbers and nulls, cloned value by value,
  // blocked the page for 250–390 ms at every write (bench:metrics, "keeping histories").
  it('keeps histories as typed arrays, and still reads what version 0.1 kept', async () => {
    const db = freshDb();
    const T0 = clock.now();
    const one = page(db, ALICE);
    const a = await one.watch('web-01');
    await one.feed(a.socket, a.session, [[T0, 1, 0], [T0 + 5000, 2, 5_000_000]]);
    await one.close();
    const kept = (await storedRecord(db, 'web-01'))!.series;
    expect(kept.v).to.equal(2);
    expect(kept.t).to.be.an.instanceOf(Float64Array);
    expect([...(kept.t as Float64Array)]).to.deep.equal([T0, T0 + 5000]);
    for (const ch of CHANNELS) expect(kept.cols[ch], ch).to.be.an.instanceOf(Float64Array);
    expect(Number.isNaN((kept.cols.rxRate as Float64Array)[0]), 'no rate before the second sample: NaN').to.equal(true);

    // What 0.1 wrote: arrays, null for a missing value.
    const cols = Object.fromEntries(CHANNELS.map((c) => [c, [c === 'cpu' ? 7 : 1, null]]));
    await putRecords(db, T0, { old: { v: 1, t: [T0, T0 + 5000], cols, receivedAt: T0 + 5000 } });
    const two = page(db, ALICE);
    const b = await two.watch('old');
    await waitUntil(() => b.session.history !== null && b.session.history.series.length > 0, 'the restored history', { timeout: 5000, interval: 5 });
    expect(cpuOf(b.session).y).to.deep.equal([7, null]);
    await two.close();
  });

  it('works without persistence, silently, when IndexedDB is missing or never answers', async function () {
    this.timeout(20_000);
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      for (const stub of [
        undefined,
        { open: () => { throw new DOMException('private mode', 'InvalidStateError'); } },
        { open: () => ({}) }, // blocked: neither success nor error, ever
      ]) {
        Object.defineProperty(window, 'indexedDB', { value: stub, configurable: true });
        const p = page(freshDb(), ALICE);
        const { session, socket } = await p.watch('web-01');
        await p.feed(socket, session, [[clock.now(), 5, 0], [clock.now() + 5000, 6, 0]]);
        expect(cpuOf(session).y).to.deep.equal([5, 6]);
        await p.close();
      }
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([]);
  });
});

// 100 VMs that held an hour at 1 Hz took 119 ms of main thread per write, every 15 s, as one task.
describe('Writing kept histories', () => {
  const scope = { server: SERVER, user: 'u-alice' };
  const one = (t: number) => ({ v: 2 as const, t: new Float64Array([t]), cols: Object.fromEntries(CHANNELS.map((c) => [c, new Float64Array([1])])) as never, receivedAt: t });

  const VMS = ['a', 'b', 'c', 'd', 'e', 'f'];

  /**
   * A store with six VMs pending whose exports take 5 ms each of its clock (a slice of 8 ms holds
   * two); `afterFirst` runs in the page's first task after the first export.
   */
  async function slowExports(afterFirst: (store: HistoryStore) => void) {
    const db = freshDb();
    let ms = Date.UTC(2026, 11, 6);
    const T = ms;
    const store = (await openHistoryStore({ databaseName: db, writeEveryMs: 1 }, () => ms))!;
    const state = { db, store, reads: 0 };
    for (const vm of VMS) {
      store.schedule(scope, vm, () => {
        if (state.reads++ === 0) setTimeout(() => afterFirst(store), 0);
        ms += 5;
        return one(T);
      });
    }
    return state;
  }

  it('gives the page a turn between slices of a timed write, and writes every VM', async () => {
    let readsAtTurn = -1;
    const w = await slowExports(() => (readsAtTurn = w.reads));
    const { db, store } = w;
    await waitUntil(() => w.reads === VMS.length, 'every VM read', { timeout: 3000, interval: 5 });
    expect(readsAtTurn, 'the page ran a task after the first slice').to.equal(2);
    await flushHistoryStores();
    for (const vm of VMS) expect((await storedRecord(db, vm))?.series.v, vm).to.equal(2);
    store.close();
  });

  it('gives up a timed write when no transaction can be made, instead of trying again in a loop', async () => {
    const store = (await openHistoryStore({ databaseName: freshDb(), writeEveryMs: 1 }))!;
    let attempts = 0;
    // The browser closed the connection under the page (storage cleared, a crash of its backend).
    (store as unknown as { db: IDBDatabase }).db.transaction = (names: string | string[]) => {
      // The writes (the sign-in's own transaction, tried once, names the users too).
      if (String(names) === 'vms') attempts++;
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    store.schedule(scope, 'a', () => one(Date.now()));
    await waitUntil(() => attempts > 0, 'a write tried', { timeout: 3000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts).to.equal(1);
    store.close();
  });

  it('writes the rest at once when the page goes away during a timed write', async () => {
    let flushed: Promise<void> | null = null;
    // The first slice is over when this runs: the page goes away (pagehide flushes).
    const w = await slowExports((store) => (flushed = store.flush()));
    const { db, store } = w;
    await waitUntil(() => flushed !== null, 'the flush', { timeout: 3000, interval: 5 });
    await flushed;
    expect(w.reads, 'every VM written by the flush, none twice').to.equal(VMS.length);
    for (const vm of VMS) expect((await storedRecord(db, vm))?.series.v, vm).to.equal(2);
    store.close();
  });
});
