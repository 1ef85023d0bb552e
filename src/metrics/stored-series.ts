/**
 * A VM's metrics history as it is kept across page loads, and the check that every stored record
 * passes before it is believed: storage is shared with every script of the origin and survives
 * versions of this library, so a record may be old, truncated or hostile. Anything that does not
 * check out is discarded as a whole; nothing from storage can throw or reach a chart unchecked.
 */
import type { ReadonlyTimeSeries } from './time-series.js';
import { METRIC_CHANNELS, type MetricChannel } from './vm-metrics-history.js';

export const STORED_SERIES_VERSION = 1;

export interface StoredSeries {
  v: typeof STORED_SERIES_VERSION;
  /** Sample times, ms since the epoch, strictly increasing. */
  t: number[];
  /** One column per channel, as long as `t`; null marks a gap or a missing value. */
  cols: Record<MetricChannel, (number | null)[]>;
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

/**
 * Validates a stored record and trims it to the limits. Null when it is not a record this
 * version wrote or when any part of it is out of shape: it is then to be deleted, not repaired.
 */
export function readStoredSeries(raw: unknown, limits: StoredSeriesLimits): StoredSeries | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== STORED_SERIES_VERSION) return null;
  const { t, cols, receivedAt } = r;
  if (typeof receivedAt !== 'number' || !Number.isFinite(receivedAt) || receivedAt > limits.notAfter) return null;
  if (!Array.isArray(t) || t.length === 0 || typeof cols !== 'object' || cols === null) return null;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const ti: unknown = t[i];
    if (typeof ti !== 'number' || !Number.isFinite(ti) || (i > 0 && !(ti > (t[i - 1] as number)))) return null;
  }
  if ((t[n - 1] as number) > limits.notAfter) return null;
  const out = {} as Record<MetricChannel, (number | null)[]>;
  for (const ch of METRIC_CHANNELS) {
    const col: unknown = (cols as Record<string, unknown>)[ch];
    if (!Array.isArray(col) || col.length !== n) return null;
    for (const v of col as unknown[]) {
      if (v !== null && !(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_VALUE)) return null;
    }
    out[ch] = col as (number | null)[];
  }
  // Trim: too old, then too many. Both keep the newest rows.
  let from = 0;
  while (from < n && (t[from] as number) < limits.notBefore) from++;
  from = Math.max(from, n - Math.max(0, Math.floor(limits.capacity)));
  if (from >= n) return null;
  const keep = <T>(a: T[]) => a.slice(from);
  for (const ch of METRIC_CHANNELS) out[ch] = keep(out[ch]);
  return { v: STORED_SERIES_VERSION, t: keep(t as number[]), cols: out, receivedAt };
}

/**
 * A history's rows from `fromT` on, for keeping (`receivedAt`: the wall-clock time at which the
 * newest sample arrived). Null when there is nothing to keep.
 */
export function exportSeries(series: ReadonlyTimeSeries<MetricChannel>, fromT: number, receivedAt: number): StoredSeries | null {
  const { x } = series.toArrays(METRIC_CHANNELS[0], fromT);
  if (x.length === 0) return null;
  const cols = {} as Record<MetricChannel, (number | null)[]>;
  for (const ch of METRIC_CHANNELS) cols[ch] = series.toArrays(ch, fromT).y;
  return { v: STORED_SERIES_VERSION, t: x, cols, receivedAt };
}
