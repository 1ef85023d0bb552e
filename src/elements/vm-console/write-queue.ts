/**
 * Flow control between the console session and xterm.
 *
 * - Idle: output is written at once (an echo must not wait for the next animation frame: xterm
 *   renders in the frame after the write, so deferring costs a whole frame per keystroke; nor a
 *   burst: the terminal would sit idle with work queued).
 * - Flowing: output that arrives while earlier output is still being parsed is batched and
 *   written on the next frame or write callback, whichever comes first.
 * - Sliced: no write is larger than `SLICE_CHARS`. xterm only yields to the event loop between
 *   writes (after ~12 ms of parsing), so a multi-megabyte write is one long task that a keystroke
 *   waits behind; slices let it yield. A slice is sized by how fast xterm has parsed lately (about
 *   `SLICE_TARGET_MS` of work): a terminal whose parser the page has not yet compiled parses about
 *   a hundred times slower, and its first 32 Ki slice was one task of 60-170 ms (bench:console,
 *   traced). So slices start at `FIRST_SLICE_CHARS` and grow while parsing is fast.
 * - Fed, in short tasks: up to `HIGH_WATER_BYTES` may be in flight, and a write callback refills
 *   at once only while the current task has parsed for less than `TASK_BUDGET_MS`; after that the
 *   refill waits for a fresh task. xterm keeps parsing whatever it holds for up to 12 ms per task,
 *   so a key pressed during a flood waits for all of it; holding xterm to a few milliseconds of
 *   work per task lets the key (and the frame) in between.
 * - Held, not dropped: when output piles up here, the source is asked to stop (`hold`). A source
 *   that can (a socket that stops reading) makes the pipeline lossless and the bound is lifted.
 *   Only a source that cannot stop makes the bound drop the OLDEST pending output, with a single
 *   visible marker line in its place and the dropped bytes counted. Nothing is reordered and
 *   nothing is dropped silently.
 */
import { frameScheduler } from './terminal-clock.js';
import { ChunkQueue } from '../../hub/chunk-queue.js';

export interface WriteQueueOptions {
  /** Hands one slice to the terminal; `done` must be called once it has been processed. */
  write(data: string, done: () => void): void;
  /** Bound on output waiting to be written, in UTF-8 bytes (when the source cannot be held). */
  maxPendingBytes: number;
  /** Text written in place of dropped output (a full line, styled). */
  marker(droppedBytes: number): string;
  /** Called whenever output is dropped (the total so far). */
  onDrop?(totalDroppedBytes: number): void;
  /** Runs `fn` soon (next frame); returns a cancel function. */
  schedule?(fn: () => void): () => void;
  /** Runs `fn` in a new task, after pending input (default: a MessageChannel); returns a cancel function. */
  nextTask?(fn: () => void): () => void;
  /** The clock that times a task's parsing (default: `performance.now`). */
  now?(): number;
  /**
   * Asks the source to stop (`true`) or go on (`false`) delivering output. Returns true when the
   * source will stop; then nothing needs dropping, output is only delayed.
   */
  hold?(held: boolean): boolean;
}

/**
 * Bytes handed to xterm and not yet parsed, above which output waits in this queue. xterm parses
 * all it holds (for up to 12 ms) before it yields, so this is also the most work a task can start
 * with: 128 KiB is 3–6 ms of parsing.
 */
export const HIGH_WATER_BYTES = 128 * 1024;
/**
 * The largest single write, in UTF-16 code units. xterm parses a flood at roughly 20–40 MB/s on
 * one core, so 32 Ki characters is 1–2 ms of parsing: a task can end soon after its budget, and the
 * per-write overhead is still noise.
 */
export const SLICE_CHARS = 32 * 1024;
/** The first slice, before anything says how fast this terminal parses. */
export const FIRST_SLICE_CHARS = 4 * 1024;
/** The smallest slice, however slow parsing is (per-write overhead stays noise). */
export const MIN_SLICE_CHARS = 1024;
/** The parsing time a slice is sized for. */
export const SLICE_TARGET_MS = 3;
/** Parse times below this are too short to read (the page's clock may be coarsened to 0.1 ms). */
const MEASURABLE_MS = 0.5;
/** Parsing time after which a write callback leaves the refill to a fresh task (see above). */
export const TASK_BUDGET_MS = 4;
/** Pending output above which the source is asked to hold (capped at half the bound). */
export const HOLD_AT_BYTES = 512 * 1024;

export class WriteQueue {
  private readonly queue = new ChunkQueue();
  /** Bytes dropped since the last marker was written (shown by the next marker). */
  private unreported = 0;
  private droppedTotal = 0;
  private writtenTotal = 0;
  private batches = 0;
  private inFlightBytes = 0;
  private cancelScheduled: (() => void) | null = null;
  private cancelNextTask: (() => void) | null = null;
  /** When the current task's first write callback ran (null between tasks). */
  private taskStart: number | null = null;
  /** When the last write callback of the current task ran (null between tasks). */
  private lastDoneAt: number | null = null;
  /** The size of the next slice, in UTF-16 code units (see `adaptSlice`). */
  private slice = FIRST_SLICE_CHARS;
  private disposed = false;
  private holding = false;
  /** The source agreed to hold: output is delayed upstream, nothing here may be dropped. */
  private lossless = false;
  private readonly schedule: (fn: () => void) => () => void;
  private readonly nextTask: (fn: () => void) => () => void;
  private readonly now: () => number;
  maxPendingBytes: number;

  constructor(private readonly options: WriteQueueOptions) {
    this.maxPendingBytes = options.maxPendingBytes;
    this.schedule = options.schedule ?? frameScheduler;
    this.nextTask = options.nextTask ?? messageChannelTask;
    this.now = options.now ?? (() => performance.now());
  }

  /** Bytes queued and not yet handed to the terminal. */
  get pendingBytes(): number {
    return this.queue.bytes;
  }

  /** Bytes dropped by the bound, in total. */
  get droppedBytes(): number {
    return this.droppedTotal;
  }

  /** Bytes of output handed to the terminal (markers excluded). */
  get writtenBytes(): number {
    return this.writtenTotal;
  }

  /** The size of the next slice, in UTF-16 code units. */
  get sliceChars(): number {
    return this.slice;
  }

  /** Number of `write` calls made so far. */
  get batchCount(): number {
    return this.batches;
  }

  /** True while nothing is queued or being written. */
  get idle(): boolean {
    return this.inFlightBytes === 0 && this.queue.bytes === 0 && this.unreported === 0;
  }

  /** True while the source has been asked to hold its output. */
  get held(): boolean {
    return this.holding;
  }

  push(text: string): void {
    if (this.disposed || text === '') return;
    this.queue.push(text);
    this.updateHold();
    if (!this.lossless) this.enforceBound();
    // Output of any size that finds the terminal idle is written at once (in slices): waiting for
    // a frame would leave xterm idle with work queued.
    if (this.inFlightBytes === 0) {
      this.flush();
      return;
    }
    this.kick();
  }

  /** Records output lost before it reached this queue (e.g. evicted from the replay buffer). */
  reportLoss(bytes: number): void {
    if (this.disposed || !(bytes > 0)) return;
    this.unreported += bytes;
    this.droppedTotal += bytes;
    this.options.onDrop?.(this.droppedTotal);
    this.kick();
  }

  /** Forgets everything pending (the terminal was reset). */
  clear(): void {
    this.queue.clear();
    this.unreported = 0;
    this.updateHold();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.cancelNextTask?.();
    this.cancelNextTask = null;
    this.clear();
  }

  private updateHold(): void {
    if (!this.options.hold) return;
    const holdAt = Math.min(HOLD_AT_BYTES, Math.max(1, this.maxPendingBytes) / 2);
    if (!this.holding && this.queue.bytes > holdAt) {
      this.holding = true;
      this.lossless = this.options.hold(true);
    } else if (this.holding && (this.queue.bytes <= holdAt / 4 || this.disposed)) {
      this.holding = false;
      this.lossless = false;
      this.options.hold(false);
    }
  }

  private enforceBound(): void {
    const max = Math.max(1, this.maxPendingBytes);
    const queue = this.queue;
    if (queue.bytes <= max) return;
    const before = queue.bytes;
    // Whole chunks first, oldest first, keeping the newest one.
    while (queue.bytes > max && queue.length > 1) queue.dropOldest();
    // A single chunk larger than the bound: keep its newest part.
    if (queue.bytes > max) queue.replaceOldest(tailWithinBytes(queue.oldest, max));
    const dropped = before - queue.bytes;
    this.unreported += dropped;
    this.droppedTotal += dropped;
    this.options.onDrop?.(this.droppedTotal);
  }

  private get saturated(): boolean {
    return this.inFlightBytes >= HIGH_WATER_BYTES;
  }

  private kick(): void {
    if (this.saturated || this.cancelScheduled || this.disposed) return;
    this.cancelScheduled = this.schedule(() => {
      this.cancelScheduled = null;
      this.flush();
    });
  }

  /** Writes slices until xterm has enough in flight or nothing is left. */
  private flush(): void {
    if (this.cancelScheduled) {
      this.cancelScheduled();
      this.cancelScheduled = null;
    }
    if (this.cancelNextTask) {
      this.cancelNextTask();
      this.cancelNextTask = null;
    }
    while (!this.disposed && !this.saturated && (this.queue.bytes > 0 || this.unreported > 0)) this.writeSlice();
    this.updateHold();
  }

  private writeSlice(): void {
    let data = '';
    if (this.unreported > 0) {
      data = this.options.marker(this.unreported);
      this.unreported = 0;
    }
    const before = this.queue.bytes;
    data += this.queue.take(this.slice);
    const size = before - this.queue.bytes;
    const chars = data.length;
    this.writtenTotal += size;
    // Markers count too: what matters is how much xterm has left to parse.
    const weight = Math.max(size, 1);
    this.inFlightBytes += weight;
    this.batches++;
    let called = false;
    this.options.write(data, () => {
      if (called) return;
      called = true;
      this.inFlightBytes -= weight;
      const now = this.now();
      this.adaptSlice(chars, this.noteCallback(now));
      if (this.disposed || this.queue.bytes + this.unreported === 0) return;
      // Output that piled up while xterm was busy is already coalesced: write it now rather than
      // a frame later, unless this task has parsed long enough; then in the next task, so that
      // xterm runs dry and yields (a key pressed meanwhile runs first).
      if (now - (this.taskStart ?? now) < TASK_BUDGET_MS) this.flush();
      else this.cancelNextTask ??= this.nextTask(() => {
        this.cancelNextTask = null;
        this.flush();
      });
    });
  }

  /**
   * Notes a write callback. xterm calls back right after parsing each write, one after another in
   * a task, so the task's first callback starts its parsing clock (the refill budget) and the time
   * since the previous callback of the same task is this write's parse time (null for the first).
   */
  private noteCallback(now: number): number | null {
    const previous = this.lastDoneAt;
    if (previous === null) {
      this.taskStart = now;
      // Microtasks run when the task that xterm's callbacks run in is over.
      queueMicrotask(() => {
        this.taskStart = null;
        this.lastDoneAt = null;
      });
    }
    this.lastDoneAt = now;
    return previous === null ? null : now - previous;
  }

  /**
   * Sizes the next slice from this one's parse time (`ms`; null when it cannot be told). Parsing
   * too fast to read doubles the slice; a readable time sets it to `SLICE_TARGET_MS` worth at that
   * pace, growing at most twofold at a time and shrinking at once.
   */
  private adaptSlice(chars: number, ms: number | null): void {
    if (ms === null) return;
    const wanted = ms < MEASURABLE_MS ? this.slice * 2 : Math.min(this.slice * 2, (chars / ms) * SLICE_TARGET_MS);
    this.slice = Math.round(Math.min(SLICE_CHARS, Math.max(MIN_SLICE_CHARS, wanted)));
  }

}

/**
 * Runs `fn` in a task of its own, soon: a MessageChannel message is neither clamped like nested
 * timers nor held back in a background tab like animation frames.
 */
export function messageChannelTask(fn: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) fn();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/** The longest suffix of `text` that is at most `maxBytes` UTF-8 bytes, never splitting a pair. */
export function tailWithinBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    let step = 1;
    let size: number;
    if (c >= 0xdc00 && c <= 0xdfff && i > 1) {
      const hi = text.charCodeAt(i - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        step = 2;
        size = 4;
      } else size = 3;
    } else size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i -= step;
  }
  return text.slice(i);
}
