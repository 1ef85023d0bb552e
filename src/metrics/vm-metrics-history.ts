/**
 * The bounded metrics history of one VM: raw gauges and counter-derived rates, ready for charts.
 *
 * It is fed either from `metrics` messages or by a host that pushes samples itself (the
 * `<vm-metrics>` `metrics` property), so `add` reads its input defensively: host data has not
 * been through the protocol validator.
 */
import type { MetricsData, MetricsMessage } from '../protocol/types.js';
import { CounterRate, DEFAULT_MAX_GAP_MS } from './counter-rate.js';
import { TimeSeries, type ReadonlyTimeSeries } from './time-series.js';
import type { StoredSeries } from './stored-series.js';

export const METRIC_CHANNELS = [
  'cpu',
  'memUsed',
  'memTotal',
  'memPct',
  'rxRate',
  'txRate',
  'readRate',
  'writeRate',
] as const;
export type MetricChannel = (typeof METRIC_CHANNELS)[number];

/** One hour at the server's 5 s cadence. */
export const DEFAULT_HISTORY_CAPACITY = 720;

/** `MetricsData` as a host might hand it over: any part may be missing. */
export interface MetricsInput {
  cpu?: { utilization?: number } | null;
  memory?: { used?: number; total?: number } | null;
  network?: { rxBytes?: number; txBytes?: number } | null;
  disk?: { readBytes?: number; writeBytes?: number } | null;
}

export interface MetricsCounters {
  rxBytes: number;
  txBytes: number;
  readBytes: number;
  writeBytes: number;
}

/** The newest accepted sample. NaN marks a value that was missing, invalid or has no rate yet. */
export interface MetricsSnapshot extends Readonly<Record<MetricChannel, number>> {
  /** Message timestamp, ms since the epoch; lets the UI tell a stale value from a live one. */
  readonly t: number;
  /** The cumulative counters as received, for "total transferred" displays. */
  readonly counters: Readonly<MetricsCounters>;
}

export interface VmMetricsHistoryOptions {
  capacity?: number;
  maxGapMs?: number;
}

/** Two of LibGo's 5 s intervals: late delivery and batching stay well within it. */
export const CLOCK_STEP_TOLERANCE_MS = 10_000;

const COUNTERS = [
  ['rxRate', 'rxBytes'],
  ['txRate', 'txBytes'],
  ['readRate', 'readBytes'],
  ['writeRate', 'writeBytes'],
] as const;

const GAP_ROW: Readonly<Partial<Record<MetricChannel, number>>> = Object.freeze({});

export class VmMetricsHistory {
  readonly capacity: number;
  readonly maxGapMs: number;

  private readonly ts: TimeSeries<MetricChannel>;
  private readonly rates: Record<(typeof COUNTERS)[number][0], CounterRate>;
  private snapshot: MetricsSnapshot | null = null;
  private versionNo = 0;
  /** The stream broke (markGap) but no row could say so yet; the next sample is preceded by one. */
  private breakPending = false;
  /** Saves capacity: one gap row is enough to break every line. */
  private lastRowIsGap = false;
  /**
   * Added to the server's timestamps since the last clock step, so the series stays in order and
   * goes on at the pace of real time. Zero until the server's clock first jumps.
   */
  private offset = 0;
  /** The last accepted sample's server timestamp and local receive time (NaN: none yet). */
  private anchorServerT = NaN;
  private anchorLocalT = NaN;

  constructor(options: VmMetricsHistoryOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_HISTORY_CAPACITY;
    this.maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
    this.ts = new TimeSeries(METRIC_CHANNELS, this.capacity);
    const rate = () => new CounterRate({ maxGapMs: this.maxGapMs });
    this.rates = { rxRate: rate(), txRate: rate(), readRate: rate(), writeRate: rate() };
  }

  /** Chart data. Gap rows (all channels NaN) sit wherever the stream broke. */
  get series(): ReadonlyTimeSeries<MetricChannel> {
    return this.ts;
  }

  /** Grows on every change that could alter what is drawn; equal versions mean nothing to redraw. */
  get version(): number {
    return this.versionNo;
  }

  /**
   * Records a sample taken at `timestampMs` (the message's timestamp, never the receive time).
   * Returns false, changing nothing, for a non-finite, repeated or older timestamp.
   *
   * With `receivedAt` (a local monotonic clock in ms, e.g. `performance.now()`), a server clock
   * that steps is detected: when the server's time moved on by more (or, for a sample that is not
   * newer, by less) than the local clock did, beyond CLOCK_STEP_TOLERANCE_MS, the series is
   * re-anchored: the sample is placed where the local clock says it belongs, a gap marks the
   * step and no rate spans it. Without it a step forward would leap the chart ahead, and every
   * sample after a step back (or after one sample from the future) would be "not newer" and
   * dropped until the clock caught up. Late delivery only makes the local clock run ahead, so it
   * is never mistaken for a step.
   */
  add(timestampMs: number, data: MetricsData | MetricsInput, receivedAt?: number): boolean {
    if (!Number.isFinite(timestampMs)) return false;
    let t = timestampMs + this.offset;
    const last = this.ts.lastTime;
    let stepped = false;
    if (receivedAt !== undefined && Number.isFinite(receivedAt) && Number.isFinite(this.anchorLocalT) && this.ts.length > 0) {
      const localDt = receivedAt - this.anchorLocalT;
      const deviation = timestampMs - this.anchorServerT - localDt;
      const notNewer = !(t > last);
      if (deviation > CLOCK_STEP_TOLERANCE_MS || (notNewer && deviation < -CLOCK_STEP_TOLERANCE_MS)) {
        // Where real time says this sample belongs, after whatever the series already holds.
        const placed = Math.max(this.anchorServerT + this.offset + Math.max(localDt, 0), last + 1);
        t = placed;
        this.offset = placed - timestampMs;
        stepped = true;
      }
    }
    if (this.ts.length > 0 && !(t > last)) return false;
    if (stepped) this.markGap();

    // Rates already turn NaN across a long silence, but cpu and memory lines would still be drawn
    // straight across it as if the VM had been watched; a gap row breaks them too.
    if (this.ts.length > 0 && !this.lastRowIsGap && (this.breakPending || t - last > this.maxGapMs)) {
      // Anywhere strictly between the two samples breaks the line; the middle is always available.
      this.ts.push(last + (t - last) / 2, GAP_ROW);
    }
    this.breakPending = false;
    if (receivedAt !== undefined && Number.isFinite(receivedAt)) {
      this.anchorServerT = timestampMs;
      this.anchorLocalT = receivedAt;
    }

    const cpu = nonNegative(data.cpu?.utilization);
    const memUsed = nonNegative(data.memory?.used);
    const memTotal = nonNegative(data.memory?.total);
    const memPct = memTotal > 0 ? (memUsed / memTotal) * 100 : NaN;
    const counters: MetricsCounters = {
      rxBytes: nonNegative(data.network?.rxBytes),
      txBytes: nonNegative(data.network?.txBytes),
      readBytes: nonNegative(data.disk?.readBytes),
      writeBytes: nonNegative(data.disk?.writeBytes),
    };
    const row: Record<MetricChannel, number> = {
      cpu,
      memUsed,
      memTotal,
      memPct,
      rxRate: NaN,
      txRate: NaN,
      readRate: NaN,
      writeRate: NaN,
    };
    for (const [channel, counter] of COUNTERS) {
      row[channel] = this.rates[channel].update(t, counters[counter]);
    }

    this.ts.push(t, row);
    this.lastRowIsGap = false;
    this.snapshot = Object.freeze({ ...row, t, counters: Object.freeze(counters) });
    this.versionNo++;
    return true;
  }

  /** Convenience for a validated protocol message: uses its timestamp. */
  addMessage(message: MetricsMessage, receivedAt?: number): boolean {
    return this.add(message.timestamp, message.data, receivedAt);
  }

  /**
   * The stream broke (disconnect, VM stopped): the chart breaks here and rates restart from a
   * fresh baseline. With `t` (ms since the epoch, after the newest sample) the break is placed at
   * that moment; otherwise it is placed before the next sample.
   */
  markGap(t?: number): void {
    for (const rate of Object.values(this.rates)) rate.markGap();
    if (this.ts.length === 0 || this.lastRowIsGap) return;
    if (t !== undefined && Number.isFinite(t) && this.ts.push(t, GAP_ROW)) {
      this.lastRowIsGap = true;
      this.breakPending = false;
      this.versionNo++;
      return;
    }
    // Nothing visible changes until the next sample arrives, so the version stays as it is.
    this.breakPending = true;
  }

  /** The newest accepted sample (gap rows excluded), or null before the first one. */
  latest(): MetricsSnapshot | null {
    return this.snapshot;
  }

  /**
   * Starts an empty history with rows kept from an earlier page (checked by `readStoredSeries`).
   * The time away is a gap: no line and no rate reaches across it. `localReceivedAt` is when its
   * newest sample arrived, on the clock later samples' `receivedAt` uses, so a server clock that
   * stepped while the page was away is still recognised. Returns false when the history is not
   * empty (live samples came first and win).
   */
  restore(stored: StoredSeries, localReceivedAt: number): boolean {
    if (this.ts.length > 0) return false;
    const n = stored.t.length;
    const row = {} as Record<MetricChannel, number>;
    for (let i = Math.max(0, n - this.capacity); i < n; i++) {
      for (const ch of METRIC_CHANNELS) row[ch] = stored.cols[ch][i] ?? NaN;
      this.ts.push(stored.t[i]!, row);
    }
    if (this.ts.length === 0) return false;
    this.lastRowIsGap = METRIC_CHANNELS.every((ch) => Number.isNaN(row[ch]));
    this.breakPending = !this.lastRowIsGap;
    this.offset = 0;
    this.anchorServerT = this.ts.lastTime;
    this.anchorLocalT = localReceivedAt;
    this.versionNo++;
    return true;
  }

  /** Forgets everything, e.g. when the element is pointed at another VM. */
  clear(): void {
    this.ts.clear();
    for (const rate of Object.values(this.rates)) rate.markGap();
    this.snapshot = null;
    this.breakPending = false;
    this.lastRowIsGap = false;
    this.offset = 0;
    this.anchorServerT = NaN;
    this.anchorLocalT = NaN;
    this.versionNo++;
  }
}

function nonNegative(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : NaN;
}
