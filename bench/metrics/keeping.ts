// What keeping histories across page loads costs the page: the hub writes every watched VM's
// history to IndexedDB every 15 s (hub/history-store.ts). Measured as one such write of `vms`
// histories of `rows` samples each, side by side: this release's (the chunks that changed since
// the last write, 15 s of new samples), the whole history as typed arrays (the previous release),
// and 0.1's (the whole history as arrays of numbers and nulls, rebuilt here as 0.1 exported them).
import { VmMetricsHistory, METRIC_CHANNELS } from '../../src/metrics/vm-metrics-history.js';
import { exportChunks, STORED_SERIES_VERSION } from '../../src/metrics/stored-series.js';
import { openHistoryStore, type KeptWrite } from '../../src/hub/history-store.js';

type Format = 'appended chunks' | 'whole, typed arrays' | '0.1 arrays';

/** What is new at a write: the samples of the hub's default write interval. */
const WRITE_EVERY_MS = 15_000;

/** The previous release's export: the whole history as one record of typed arrays. */
function exportWhole(h: VmMetricsHistory, receivedAt: number) {
  return { v: STORED_SERIES_VERSION, ...h.series.copyColumns(), receivedAt };
}

/** 0.1's export: a fresh array of numbers (or null) per channel, times again per channel. */
function exportArrays(h: VmMetricsHistory, fromT: number, receivedAt: number) {
  const { x } = h.series.toArrays(METRIC_CHANNELS[0], fromT);
  const cols = Object.fromEntries(METRIC_CHANNELS.map((ch) => [ch, h.series.toArrays(ch, fromT).y]));
  return { v: 1, t: x, cols, receivedAt };
}

function histories(vms: number, rows: number): VmMetricsHistory[] {
  const T0 = Date.UTC(2026, 10, 25, 12);
  return Array.from({ length: vms }, (_, v) => {
    const h = new VmMetricsHistory({ capacity: rows });
    for (let k = 0; k < rows; k++) {
      h.add(T0 + k * 1000, {
        cpu: { utilization: 30 + 25 * Math.sin(k / 20 + v) },
        memory: { used: (3 + Math.sin(k / 300 + v)) * 2 ** 30, total: 8 * 2 ** 30 },
        network: { rxBytes: k * 1_500_000, txBytes: k * 300_000 },
        disk: { readBytes: k * 4_000_000, writeBytes: k * 1_000_000 },
      });
    }
    return h;
  });
}

let db: IDBDatabase | null = null;
function open(): Promise<IDBDatabase> {
  if (db) return Promise.resolve(db);
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(`bench-keeping-${Date.now()}`, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('vms');
    req.onsuccess = () => resolve((db = req.result));
    req.onerror = () => reject(req.error);
  });
}

/**
 * One write of every history: `main` is the main thread's share (export, and the structured clone
 * inside put()), `total` until the transaction completed.
 */
export async function keepingCost(vms: number, rows: number, format: Format): Promise<{ main: number; total: number; bytes: number }> {
  const hs = histories(vms, rows);
  const store = await open();
  const t0 = performance.now();
  const now = Date.now();
  const records =
    format === 'appended chunks'
      ? hs.flatMap((h) => exportChunks(h.series, h.series.lastTime - WRITE_EVERY_MS, now))
      : hs.map((h) => (format === 'whole, typed arrays' ? exportWhole(h, now) : exportArrays(h, -Infinity, now)));
  const tx = store.transaction('vms', 'readwrite');
  records.forEach((r, i) => tx.objectStore('vms').put('series' in r ? r : { series: r }, i));
  const t1 = performance.now();
  await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
  // The samples' bytes handed to IndexedDB: 8 per value, times and 8 channels.
  const rowsWritten = records.reduce((n, r) => n + ('series' in r ? r.series.t.length : r.t.length), 0);
  return { main: t1 - t0, total: performance.now() - t0, bytes: rowsWritten * (1 + METRIC_CHANNELS.length) * 8 };
}

/**
 * The hub's own timed write (hub/history-store.ts) of `vms` histories of `rows` samples: the
 * longest the page waited for a turn meanwhile (a chain of zero-delay timers measures the gaps),
 * and how long the write took from its start to its last export.
 */
export async function timedWriteGaps(vms: number, rows: number): Promise<{ longestGap: number; span: number }> {
  const hs = histories(vms, rows);
  const store = (await openHistoryStore({ databaseName: `bench-keeping-timed-${Date.now()}`, writeEveryMs: 1 }))!;
  let reads = 0;
  let first = 0;
  let last = 0;
  hs.forEach((h, v) =>
    store.schedule({ server: 'http://bench', user: 'bench' }, `vm-${v}`, () => {
      if (reads++ === 0) first = performance.now();
      // A whole write (after an upgrade from 0.1, or a write that failed): the sliced write's worst case.
      const out: KeptWrite = { chunks: exportChunks(h.series, -Infinity, Date.now()), replace: true };
      last = performance.now();
      return out;
    }),
  );
  let longestGap = 0;
  let prev = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (reads > 0) longestGap = Math.max(longestGap, now - prev);
      prev = now;
      if (reads >= vms) resolve();
      else setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  });
  await store.flush();
  store.close();
  return { longestGap, span: last - first };
}
