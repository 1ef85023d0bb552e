/**
 * Cumulative byte counters → per-second rates.
 *
 * Time comes only from the messages' own timestamps: the server batches messages, so receive time
 * bunches and stretches them (the seed client showed 1 MB/s as 895–920 KB/s that way).
 * Whenever no honest rate exists, the answer is NaN (a gap), never a negative or invented number.
 */

/** Metrics arrive every 5 s; three missed intervals mean a disconnect or a stopped VM. */
export const DEFAULT_MAX_GAP_MS = 15_000;

export interface CounterRateOptions {
  /** A longer interval between two samples is a gap: the rate over it would be a misleading average. */
  maxGapMs?: number;
}

export class CounterRate {
  readonly maxGapMs: number;
  private lastT = NaN;
  private lastValue = NaN;

  constructor(options: CounterRateOptions = {}) {
    const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
    if (!(maxGapMs > 0)) throw new RangeError(`maxGapMs must be positive, got ${maxGapMs}`);
    this.maxGapMs = maxGapMs;
  }

  /** Whether the next sample can yield a rate (false until a baseline exists). */
  get hasBaseline(): boolean {
    return !Number.isNaN(this.lastT);
  }

  /**
   * Feeds the counter's value at time `t` (ms since the epoch) and returns bytes per second since
   * the previous sample, or NaN when there is no rate to show.
   */
  update(t: number, value: number): number {
    if (!Number.isFinite(t)) return NaN;
    if (!Number.isFinite(value) || value < 0) {
      // A broken reading says nothing about the counter; the baseline still holds, so the next
      // good sample averages over the hole (unless that hole outgrows maxGapMs).
      return NaN;
    }
    if (!this.hasBaseline) {
      this.setBaseline(t, value);
      return NaN;
    }
    const dt = t - this.lastT;
    // A repeated or older timestamp is a duplicate or a reordered message, not new information.
    if (dt <= 0) return NaN;
    const delta = value - this.lastValue;
    this.setBaseline(t, value);
    // delta < 0: the VM restarted and its counters began again at 0; the bytes moved across the
    // restart are unknown, so show nothing rather than a negative or guessed rate.
    if (delta < 0 || dt > this.maxGapMs) return NaN;
    return (delta * 1000) / dt;
  }

  /** The next sample starts a new baseline (after a reconnect, a stop, anything that broke the stream). */
  markGap(): void {
    this.lastT = NaN;
    this.lastValue = NaN;
  }

  private setBaseline(t: number, value: number): void {
    this.lastT = t;
    this.lastValue = value;
  }
}
