/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub, type VmHubConfig } from '../../src/hub/index.js';
import { flushHistoryStores, openHistoryStore, type HistoryStore, type KeptWrite } from '../../src/hub/history-store.js';
import { CHUNK_MS, chunkStart } from '../../src/metrics/stored-series.js';
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

interface Chunk {
  start: number;
  series: { v: number; t: Float64Array; cols: Record<string, Float64Array>; receivedAt: number };
}

/** Every chunk of rows kept for one VM of alice's, oldest first. */
function storedChunks(databaseName: string, vm: string): Promise<Chunk[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(databaseName);
    req.onsuccess = () => {
      const range = IDBKeyRange.bound([SERVER, 'u-alice', vm], [SERVER, 'u-alice', vm, []]);
      const get = req.result.transaction('chunks').objectStore('chunks').getAll(range);
      get.onsuccess = () => (req.result.close(), resolve(get.result as Chunk[]));
      get.onerror = () => reject(get.error);
    };
    req.onerror = () => reject(req.error);
  });
}

/** The times of a VM's kept rows, all chunks joined. */
const keptTimes = async (databaseName: string, vm: string) => (await storedChunks(databaseName, vm)).flatMap((c) => [...c.series.t]);

/** Writes into the stores as another script (or an older version) would, in one transaction. */
function writeStores(databaseName: string, stores: string[], write: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(databaseName);
    req.onsuccess = () => {
      const tx = req.result.transaction(stores, 'readwrite');
      write(tx);
      tx.oncomplete = () => (req.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

/** Puts records for alice's VMs into the store as another script (or an older version) left them. */
function putRecords(databaseName: string, savedAt: number, records: Record<string, unknown>): Promise<void> {
  return writeStores(databaseName, ['vms'], (tx) => {
    for (const [vm, series] of Object.entries(records)) tx.objectStore('vms').put({ server: SERVER, user: 'u-alice', vm, savedAt, series });
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
    for (const vm of ['vm-0', 'vm-1']) expect(await storedChunks(db, vm), `${vm}'s rows go with it`).to.deep.equal([]);
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
    expect(await keptTimes(db, 'web-01')).to.deep.equal([T0, T0 + 5000]);
    const first = (await storedChunks(db, 'web-01'))[0]!.series;
    expect(first.v).to.equal(2);
    expect(first.t).to.be.an.instanceOf(Float64Array);
    for (const ch of CHANNELS) expect(first.cols[ch], ch).to.be.an.instanceOf(Float64Array);
    expect(Number.isNaN(first.cols.rxRate![0]!), 'no rate before the second sample: NaN').to.equal(true);

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
  const one = (t: number): KeptWrite => ({
    chunks: [{ start: chunkStart(t), series: { v: 2, t: new Float64Array([t]), cols: Object.fromEntries(CHANNELS.map((c) => [c, new Float64Array([1])])) as never, receivedAt: t } }],
    replace: true,
  });

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
    for (const vm of VMS) expect((await storedChunks(db, vm)).length, vm).to.equal(1);
    store.close();
  });

  it('gives up a timed write when no transaction can be made, instead of trying again in a loop', async () => {
    const store = (await openHistoryStore({ databaseName: freshDb(), writeEveryMs: 1 }))!;
    let attempts = 0;
    // The browser closed the connection under the page (storage cleared, a crash of its backend).
    (store as unknown as { db: IDBDatabase }).db.transaction = (names: string | string[]) => {
      // The writes (the sign-in's own transaction, tried once, names the users too).
      if (String(names) === 'vms,chunks') attempts++;
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
    for (const vm of VMS) expect((await storedChunks(db, vm)).length, vm).to.equal(1);
    store.close();
  });
});

// A write re-wrote each VM's whole history: 100 VMs that held an hour at 1 Hz handed IndexedDB
// 26 MB every 15 s, to add 15 s of samples.
describe('Appending to kept histories', () => {
  before(() => preloadConnection());
  beforeEach(() => (clock = new ManualTimers()));

  /** Samples every 5 s from `from` for `n` samples; a chunk holds `PER_CHUNK` of them. */
  const PER_CHUNK = CHUNK_MS / 5000;
  const every5s = (from: number, n: number, cpu = 1): Array<[number, number, number]> => Array.from({ length: n }, (_, k) => [from + k * 5000, cpu, k * 1000]);

  /** Counts the rows of histories put into the store while `fn` runs. */
  async function rowsPutBy(fn: () => Promise<void>): Promise<number> {
    const put = IDBObjectStore.prototype.put;
    let rows = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      // Rows of a history, whichever store they go to (0.1's and the previous release's: 'vms').
      rows += (value as Partial<Chunk>).series?.t.length ?? 0;
      return put.call(this, value, key);
    };
    try {
      await fn();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    return rows;
  }

  it('puts only the chunks that changed since the last write, and loses no row', async () => {
    const db = freshDb();
    const T0 = chunkStart(clock.now()) + CHUNK_MS; // a chunk's start
    const p = page(db, ALICE);
    const { session, socket } = await p.watch('web-01');
    const first = every5s(T0, 4 * PER_CHUNK); // four chunks
    await p.feed(socket, session, first);
    expect(await rowsPutBy(() => flushHistoryStores()), 'the first write: whole').to.equal(4 * PER_CHUNK);
    const more = every5s(T0 + 4 * CHUNK_MS, 3); // 15 s more, in a chunk of their own
    await p.feed(socket, session, more);
    expect(await rowsPutBy(() => flushHistoryStores()), 'then only the new chunk').to.equal(3);
    const last = every5s(T0 + 4 * CHUNK_MS + 15_000, 3);
    await p.feed(socket, session, last);
    expect(await rowsPutBy(() => flushHistoryStores()), 'the chunk that grew, rewritten').to.equal(6);
    expect(await keptTimes(db, 'web-01')).to.deep.equal([...first, ...more, ...last].map(([t]) => t));
    expect((await storedChunks(db, 'web-01')).map((c) => c.start)).to.deep.equal([0, 1, 2, 3, 4].map((k) => T0 + k * CHUNK_MS));
    await p.close();
  });

  it('appends to what a page restored, and the next page gets both with the time away as a gap', async () => {
    const db = freshDb();
    const T0 = chunkStart(clock.now()) + CHUNK_MS;
    const one = page(db, ALICE);
    const a = await one.watch('web-01');
    const n = Math.round(2.5 * PER_CHUNK); // three chunks
    await one.feed(a.socket, a.session, every5s(T0, n, 1));
    await one.close();

    const two = page(db, ALICE);
    const b = await two.watch('web-01');
    await waitUntil(() => b.session.history !== null, 'the restored history', { timeout: 5000, interval: 5 });
    const T1 = T0 + 8 * CHUNK_MS;
    await two.feed(b.socket, b.session, every5s(T1, 2, 2));
    // The gap row between the pages and the two new samples, in the chunks of T1 (none restored).
    expect(await rowsPutBy(() => two.close()), 'appended, not rewritten').to.be.at.most(3);

    const three = page(db, ALICE);
    const c = await three.watch('web-01');
    await waitUntil(() => c.session.history !== null, 'the restored history', { timeout: 5000, interval: 5 });
    const y = cpuOf(c.session).y;
    expect(y.length).to.equal(n + 1 + 2);
    expect(y.slice(n - 2)).to.deep.equal([1, 1, null, 2, 2]);
    await three.close();
  });

  it('writes a history whole again after a write that failed', async () => {
    const db = freshDb();
    const T0 = chunkStart(clock.now()) + CHUNK_MS;
    const p = page(db, ALICE);
    const { session, socket } = await p.watch('web-01');
    await p.feed(socket, session, every5s(T0, 100));
    await flushHistoryStores();
    const store = (await openHistoryStore({ databaseName: db }))!;
    const idb = (store as unknown as { db: IDBDatabase }).db;
    const transaction = idb.transaction;
    idb.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = transaction.apply(this, args);
      if (args[1] === 'readwrite') queueMicrotask(() => tx.abort());
      return tx;
    };
    await p.feed(socket, session, every5s(T0 + 100 * 5000, 2));
    await flushHistoryStores();
    idb.transaction = transaction;
    expect(await keptTimes(db, 'web-01'), 'the failed write put nothing').to.have.length(100);
    await p.feed(socket, session, every5s(T0 + 102 * 5000, 1));
    expect(await rowsPutBy(() => flushHistoryStores()), 'whole').to.equal(103);
    expect(await keptTimes(db, 'web-01')).to.deep.equal(every5s(T0, 103).map(([t]) => t));
    await p.close();
  });

  it('deletes the chunks that fall out of maxAgeMs as samples come', async () => {
    const db = freshDb();
    const T0 = chunkStart(clock.now()) + CHUNK_MS;
    const maxAgeMs = 1.5 * CHUNK_MS;
    const p = page(db, ALICE, { persistHistory: { databaseName: db, maxAgeMs } });
    const { session, socket } = await p.watch('web-01');
    await p.feed(socket, session, every5s(T0, PER_CHUNK)); // the first chunk
    await flushHistoryStores();
    await p.feed(socket, session, every5s(T0 + CHUNK_MS, 3 * PER_CHUNK)); // three more
    await flushHistoryStores();
    // The newest sample is 5 s before T0 + 4 chunks: rows from 2.5 chunks on are young enough.
    const starts = (await storedChunks(db, 'web-01')).map((c) => c.start);
    expect(starts).to.deep.equal([T0 + 2 * CHUNK_MS, T0 + 3 * CHUNK_MS]);
    await p.close();
  });

  it('reads what 0.1 kept (a database of version 1, whole records), and keeps it in chunks from then on', async () => {
    const db = freshDb();
    const T0 = clock.now();
    // The database as 0.1 made it, with alice signed in and one VM kept.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(db, 1);
      req.onupgradeneeded = () => {
        const vms = req.result.createObjectStore('vms', { keyPath: ['server', 'user', 'vm'] });
        vms.createIndex('savedAt', 'savedAt');
        const users = req.result.createObjectStore('users', { keyPath: 'server' });
        users.put({ server: SERVER, user: 'u-alice' });
        const cols = Object.fromEntries(CHANNELS.map((c) => [c, [c === 'cpu' ? 7 : 1, null]]));
        vms.put({ server: SERVER, user: 'u-alice', vm: 'old', savedAt: T0, series: { v: 1, t: [T0, T0 + 5000], cols, receivedAt: T0 + 5000 } });
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const p = page(db, ALICE);
    const { session, socket } = await p.watch('old');
    await waitUntil(() => session.history !== null, 'the restored history', { timeout: 5000, interval: 5 });
    expect(cpuOf(session).y).to.deep.equal([7, null]);
    await p.feed(socket, session, [[T0 + 10_000, 8, 0]]);
    await flushHistoryStores();
    expect((await storedRecord(db, 'old'))?.series, 'the whole record replaced').to.equal(undefined);
    expect(await keptTimes(db, 'old')).to.deep.equal([T0, T0 + 5000, T0 + 10_000]); // the restored second row is a gap
    await p.close();
  });

  it('discards a history whose chunks are out of shape or disagree, and charts live samples as usual', async () => {
    const db = freshDb();
    const T0 = chunkStart(clock.now()) + CHUNK_MS;
    const first = page(db, ALICE);
    const a = await first.watch('seed');
    await first.feed(a.socket, a.session, [[T0, 1, 0]]);
    await first.close();
    const rows = (...t: number[]) => ({ v: 2, t: new Float64Array(t), cols: Object.fromEntries(CHANNELS.map((c) => [c, new Float64Array(t.length).fill(1)])), receivedAt: T0 });
    const hostile: Record<string, unknown[]> = {
      'start-not-a-chunk': [{ start: T0 + 1, series: rows(T0 + 1) }],
      'start-a-string': [{ start: String(T0), series: rows(T0) }],
      'row-before-its-chunk': [{ start: T0, series: rows(T0 - 1, T0) }],
      'row-after-its-chunk': [{ start: T0, series: rows(T0, T0 + CHUNK_MS) }],
      'a-version-1-chunk': [{ start: T0, series: { ...rows(T0), v: 1, t: [T0] } }],
      'a-bad-row-in-one-chunk': [{ start: T0, series: rows(T0) }, { start: T0 + CHUNK_MS, series: { ...rows(T0 + CHUNK_MS), cols: { ...rows(T0).cols, cpu: new Float64Array([-1]) } } }],
    };
    await writeStores(db, ['vms', 'chunks'], (tx) => {
      for (const [vm, chunks] of Object.entries(hostile)) {
        tx.objectStore('vms').put({ server: SERVER, user: 'u-alice', vm, savedAt: T0 });
        for (const c of chunks) tx.objectStore('chunks').put({ server: SERVER, user: 'u-alice', vm, ...(c as object) });
      }
    });
    const p = page(db, ALICE);
    for (const vm of Object.keys(hostile)) {
      const { session, socket } = await p.watch(vm);
      await settle(p, session, socket, T0 + 60_000);
      expect(cpuOf(session).y, vm).to.deep.equal([77]);
    }
    await p.close();
  });
});
