/**
 * A VM's metrics history as it is kept across page loads, and the check that every stored record
 * passes before it is believed: storage is shared with every script of the origin and survives
 * versions of this library, so a record may be old, truncated or hostile. Anything that does not
 * check out is discarded as a whole; nothing from storage can throw or reach a chart unchecked.
 */
import type { ReadonlyTimeSeries } from './time-series.js';
import { METRIC_CHANNELS, type MetricChannel } from './vm-metrics-history.js';

/**
 * 2: typed arrays. Version 1 (0.1) kept arrays of numbers and nulls, which IndexedDB clones value
 * by value: a dashboard of 100 VMs sampled every second blocked the page for 250–390 ms every 15 s
 * once it held an hour (bench:metrics, "keeping histories"). Version 1 records are still read.
 */
export const STORED_SERIES_VERSION = 2;

export interface StoredSeries {
  v: typeof STORED_SERIES_VERSION;
  /** Sample times, ms since the epoch, strictly increasing. */
  t: Float64Array;
  /** One column per channel, as long as `t`; NaN marks a gap or a missing value. */
  cols: Record<MetricChannel, Float64Array>;
  /** Wall-clock time (ms since the epoch) at which the newest sample was received. */
  receivedAt: number;
}

export interface StoredSeriesLimits {
  /** At most this many rows are kept (the newest). */
  capacity: number;
  /** Rows older than this (ms since the epoch) are dropped. */
  notBefore: number;
  /** A record claiming to come from later than this is not believed at all. */
  notAfter: number;
}

/** Largest believable value: 1 EiB/s or 1 EiB of memory is not a VM, it is a forged record. */
const MAX_VALUE = 2 ** 60;

/** A version 1 value: null was a missing value; what is not a number cannot pass the checks. */
const fromV1 = (v: unknown) => (v === null ? NaN : typeof v === 'number' && !Number.isNaN(v) ? v : -Infinity);

/** A stored column as typed values, or null when it is neither version's shape or length. */
function columnOf(raw: unknown, version: number, n: number): Float64Array | null {
  // Exactly a Float64Array: a view of another type would read other bytes as values.
  if (version === STORED_SERIES_VERSION) return raw instanceof Float64Array && raw.length === n ? raw : null;
  return Array.isArray(raw) && raw.length === n ? Float64Array.from(raw as unknown[], fromV1) : null;
}

/**
 * Validates a stored record (this version's, or version 1's) and trims it to the limits. Null
 * when any part of it is out of shape: it is then to be deleted, not repaired.
 */
export function readStoredSeries(raw: unknown, limits: StoredSeriesLimits): StoredSeries | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const version = r.v;
  if (version !== STORED_SERIES_VERSION && version !== 1) return null;
  const { cols, receivedAt } = r;
  if (typeof receivedAt !== 'number' || !Number.isFinite(receivedAt) || receivedAt > limits.notAfter) return null;
  if (typeof cols !== 'object' || cols === null) return null;
  const n = Array.isArray(r.t) || r.t instanceof Float64Array ? r.t.length : 0;
  const t = n > 0 ? columnOf(r.t, version, n) : null;
  if (!t) return null;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t[i]) || (i > 0 && !(t[i]! > t[i - 1]!))) return null;
  }
  if (t[n - 1]! > limits.notAfter) return null;
  const out = {} as Record<MetricChannel, Float64Array>;
  for (const ch of METRIC_CHANNELS) {
    // Own properties only: a record's prototype is not data.
    const col = Object.hasOwn(cols, ch) ? columnOf((cols as Record<string, unknown>)[ch], version, n) : null;
    if (!col) return null;
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (!Number.isNaN(v) && !(v >= 0 && v <= MAX_VALUE)) return null;
    }
    out[ch] = col;
  }
  // Trim: too old, then too many. Both keep the newest rows.
  let from = 0;
  while (from < n && t[from]! < limits.notBefore) from++;
  from = Math.max(from, n - Math.max(0, Math.floor(limits.capacity)));
  if (from >= n) return null;
  for (const ch of METRIC_CHANNELS) out[ch] = out[ch].slice(from);
  return { v: STORED_SERIES_VERSION, t: t.slice(from), cols: out, receivedAt };
}

/**
 * Kept histories are stored in chunks of this much time, each keyed by its start: a write puts
 * only the chunks that hold new rows (one, at a boundary two), not the whole hour (25 MiB every
 * 15 s for 100 VMs sampled every second). A minute: a write at 1 Hz puts at most 75 rows per VM,
 * and an hour is 61 records to read back (bench:metrics, "keeping histories").
 */
export const CHUNK_MS = 60_000;

/** The start of the chunk that holds time `t`. */
export function chunkStart(t: number): number {
  return Math.floor(t / CHUNK_MS) * CHUNK_MS;
}

/** One chunk of a kept history: the rows with `start <= t < start + CHUNK_MS`. */
export interface StoredChunk {
  start: number;
  series: StoredSeries;
}

/**
 * The chunks that hold rows newer than `after`, whole, each a record of its own; `receivedAt` goes
 * with the newest. Each chunk's arrays are copies of its own size, not views: IndexedDB would clone
 * a view's whole buffer.
 */
export function exportChunks(series: ReadonlyTimeSeries<MetricChannel>, after: number, receivedAt: number): StoredChunk[] {
  // Rows are only ever appended: the new ones are at the end, and a write has few.
  let first = series.length;
  while (first > 0 && series.time(first - 1) > after) first--;
  const chunks: StoredChunk[] = [];
  for (let i = first < series.length ? series.since(chunkStart(series.time(first))) : series.length; i < series.length; ) {
    const start = chunkStart(series.time(i));
    // Copied chunk by chunk: each row once, in arrays of the chunk's own size.
    const { t, cols } = series.copyColumns(start, start + CHUNK_MS);
    chunks.push({ start, series: { v: STORED_SERIES_VERSION, t, cols, receivedAt } });
    i += t.length;
  }
  return chunks;
}

/**
 * Checks a VM's stored chunks (each as readStoredSeries does, each row inside its chunk; given in
 * the order of their starts) and joins them, trimmed to the limits. Null when any chunk is out of
 * shape: the whole history is then deleted, not repaired. The newest chunk's `receivedAt` is the
 * history's.
 */
export function readStoredChunks(raws: readonly unknown[], limits: StoredSeriesLimits): StoredSeries | null {
  const parts: StoredSeries[] = [];
  for (const raw of raws) {
    if (typeof raw !== 'object' || raw === null) return null;
    const { start, series } = raw as Record<string, unknown>;
    if (typeof start !== 'number' || start !== chunkStart(start)) return null;
    // Unbounded here: trimmed once joined, so that a chunk's age or size says nothing alone.
    const part = readStoredSeries(series, { capacity: Infinity, notBefore: -Infinity, notAfter: limits.notAfter });
    if (!part || (series as { v?: unknown }).v !== STORED_SERIES_VERSION) return null;
    // Rows inside their chunk: chunks come in key order, so no two can overlap or go backwards.
    if (!(part.t[0]! >= start && part.t[part.t.length - 1]! < start + CHUNK_MS)) return null;
    parts.push(part);
  }
  if (parts.length === 0) return null;
  const n = parts.reduce((sum, p) => sum + p.t.length, 0);
  const join = (pick: (p: StoredSeries) => Float64Array) => {
    const out = new Float64Array(n);
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += p.t.length;
    }
    return out;
  };
  const cols = {} as Record<MetricChannel, Float64Array>;
  for (const ch of METRIC_CHANNELS) cols[ch] = join((p) => p.cols[ch]);
  // Checked already; this trims to the limits.
  return readStoredSeries({ v: STORED_SERIES_VERSION, t: join((p) => p.t), cols, receivedAt: parts.at(-1)!.receivedAt }, limits);
}
