/**
 * A bounded ring buffer of timestamped samples over several numeric channels.
 *
 * Storage is one Float64Array per channel plus one for time: a monitor page may keep an hour of
 * history for many VMs, and pushing every 5 s must not feed the garbage collector. The arrays
 * start at `FIRST_ROWS` rows and double as samples come, up to `capacity`, so the longest they are
 * copied is log2(capacity / FIRST_ROWS) times: allocated whole, every tile of a fleet page that
 * had a single sample held 10 arrays of 720 rows (57 KB; 1,000 tiles scrolled past, 57 MB).
 * NaN is a legitimate value and means "no data here" (a gap the chart must not bridge).
 */

/** Rows a series allocates before it has more samples than that. */
export const FIRST_ROWS = 32;

/** One sample as handed out by `latest()`; values are NaN where the sample had none. */
export interface TimeSeriesSample<C extends string> {
  /** Milliseconds since the epoch. */
  readonly t: number;
  readonly values: Readonly<Record<C, number>>;
}

/** Chart-ready columns: `null` (not NaN) marks a gap, because that is what Chart.js breaks lines on. */
export interface SeriesArrays {
  x: number[];
  y: (number | null)[];
}

/** The read side, which is all that the owner of a series should hand to rendering code. */
export interface ReadonlyTimeSeries<C extends string = string> {
  readonly channels: readonly C[];
  readonly capacity: number;
  readonly length: number;
  /** Time of the newest sample, or NaN when empty. */
  readonly lastTime: number;
  time(i: number): number;
  get(channel: C, i: number): number;
  since(t: number): number;
  latest(): TimeSeriesSample<C> | null;
  forEachInRange(fromT: number, toT: number, cb: (t: number, i: number) => void): void;
  toArrays(channel: C, fromT?: number): SeriesArrays;
  copyColumns(fromT?: number, beforeT?: number): SeriesColumns<C>;
}

/** Rows copied out as typed arrays: times and one column per channel, NaN where a value is missing. */
export interface SeriesColumns<C extends string> {
  t: Float64Array;
  cols: Record<C, Float64Array>;
}

export class TimeSeries<C extends string = string> implements ReadonlyTimeSeries<C> {
  readonly channels: readonly C[];
  readonly capacity: number;

  private times: Float64Array;
  private columns: Float64Array[];
  /** Rows allocated: grows to `capacity`, which is where the ring wraps. */
  private rows: number;
  private readonly columnOf: Map<C, number>;
  /** Physical slot of the oldest sample. */
  private head = 0;
  private count = 0;

  constructor(channels: readonly C[], capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`TimeSeries capacity must be a positive integer, got ${capacity}`);
    }
    if (new Set(channels).size !== channels.length) {
      throw new Error('TimeSeries channels must be unique');
    }
    this.channels = Object.freeze([...channels]);
    this.capacity = capacity;
    this.rows = Math.min(capacity, FIRST_ROWS);
    this.times = new Float64Array(this.rows);
    this.columns = channels.map(() => new Float64Array(this.rows));
    this.columnOf = new Map(channels.map((c, i) => [c, i]));
  }

  get length(): number {
    return this.count;
  }

  /** Rows allocated now (at most `capacity`). */
  get allocatedRows(): number {
    return this.rows;
  }

  get lastTime(): number {
    return this.count === 0 ? NaN : this.times[this.slot(this.count - 1)];
  }

  /**
   * Appends a sample; once full, the oldest one is overwritten. A channel missing from `values`
   * is stored as NaN. Returns false, leaving the series untouched, when `t` is not finite or not
   * strictly after the newest sample: order is what binary search and charts rely on, and a late
   * sample is worth less than a series that stays sorted.
   */
  push(t: number, values: Readonly<Partial<Record<C, number>>>): boolean {
    if (!Number.isFinite(t)) return false;
    if (this.count > 0 && !(t > this.lastTime)) return false;

    let slot: number;
    if (this.count === this.rows && this.rows < this.capacity) this.grow();
    if (this.count < this.capacity) {
      slot = this.slot(this.count);
      this.count++;
    } else {
      slot = this.head;
      this.head = (this.head + 1) % this.rows;
    }
    this.times[slot] = t;
    for (let c = 0; c < this.channels.length; c++) {
      const v = values[this.channels[c]];
      // Anything that is not a number (a host may hand us loose data) is a gap, not a zero.
      this.columns[c][slot] = typeof v === 'number' ? v : NaN;
    }
    return true;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** Time of the i-th sample in chronological order (0 = oldest); NaN when out of range. */
  time(i: number): number {
    return this.inRange(i) ? this.times[this.slot(i)] : NaN;
  }

  /** Value of a channel at the i-th sample in chronological order; NaN when out of range. */
  get(channel: C, i: number): number {
    const column = this.column(channel);
    return this.inRange(i) ? column[this.slot(i)] : NaN;
  }

  /** Index of the first sample with time >= t (`length` when there is none). */
  since(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[this.slot(mid)] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  latest(): TimeSeriesSample<C> | null {
    if (this.count === 0) return null;
    const slot = this.slot(this.count - 1);
    const values = {} as Record<C, number>;
    this.channels.forEach((ch, c) => {
      values[ch] = this.columns[c][slot];
    });
    return { t: this.times[slot], values };
  }

  /** Calls `cb` for every sample with fromT <= t <= toT, oldest first. */
  forEachInRange(fromT: number, toT: number, cb: (t: number, i: number) => void): void {
    for (let i = this.since(fromT); i < this.count; i++) {
      const t = this.times[this.slot(i)];
      if (t > toT) break;
      cb(t, i);
    }
  }

  /** Fresh arrays (Chart.js keeps references to what it is given) from `fromT` on, oldest first. */
  toArrays(channel: C, fromT = -Infinity): SeriesArrays {
    const column = this.column(channel);
    const start = this.since(fromT);
    const n = this.count - start;
    const x = new Array<number>(n);
    const y = new Array<number | null>(n);
    for (let k = 0; k < n; k++) {
      const slot = this.slot(start + k);
      const v = column[slot];
      x[k] = this.times[slot];
      y[k] = Number.isFinite(v) ? v : null;
    }
    return { x, y };
  }

  /**
   * Copies of the rows from `fromT` on (and before `beforeT`), oldest first, as typed arrays: a
   * block copy per column, and cheap to store (IndexedDB clones a typed array as one block of
   * bytes, an array of numbers value by value).
   */
  copyColumns(fromT = -Infinity, beforeT = Infinity): SeriesColumns<C> {
    const start = this.since(fromT);
    const n = Math.max(0, this.since(beforeT) - start);
    const first = this.slot(start);
    // The ring's rows from `first` on, then (wrapped) from row 0.
    const tail = Math.min(n, this.rows - first);
    const copy = (from: Float64Array) => {
      const out = new Float64Array(n);
      out.set(from.subarray(first, first + tail));
      if (tail < n) out.set(from.subarray(0, n - tail), tail);
      return out;
    };
    const cols = {} as Record<C, Float64Array>;
    for (const ch of this.channels) cols[ch] = copy(this.column(ch));
    return { t: copy(this.times), cols };
  }

  /** Doubles the rows (up to capacity). Only before the ring wraps: the oldest sample is row 0. */
  private grow(): void {
    const rows = Math.min(this.capacity, this.rows * 2);
    const times = new Float64Array(rows);
    times.set(this.times);
    this.times = times;
    this.columns = this.columns.map((old) => {
      const column = new Float64Array(rows);
      column.set(old);
      return column;
    });
    this.rows = rows;
  }

  private slot(i: number): number {
    return (this.head + i) % this.rows;
  }

  private inRange(i: number): boolean {
    return Number.isInteger(i) && i >= 0 && i < this.count;
  }

  private column(channel: C): Float64Array {
    const c = this.columnOf.get(channel);
    // An unknown channel is a programming error; answering NaN would hide it as "no data".
    if (c === undefined) throw new Error(`Unknown channel: ${String(channel)}`);
    return this.columns[c];
  }
}
