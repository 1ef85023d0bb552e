/**
 * Flow control between the console session and xterm. Output is queued as it arrives and written
 * as ONE `write(data, callback)` per animation frame. xterm's callbacks tell how much it has yet
 * to parse: up to `HIGH_WATER_BYTES` may be in flight, so the terminal always has the next batch
 * waiting (waiting for each callback before writing again leaves it idle for a timer tick per
 * batch, which halved flood throughput); above it, output waits here. The queue is bounded in
 * bytes: when a flood outruns the terminal, the OLDEST pending output is dropped, a single
 * visible marker line takes its place, and the dropped bytes are counted. Nothing is reordered
 * and nothing is dropped silently.
 */
import { createDrawClock } from '../../controllers/draw-clock.js';
import { ChunkQueue } from '../../hub/chunk-queue.js';

export interface WriteQueueOptions {
  /** Hands one batch to the terminal; `done` must be called once it has been processed. */
  write(data: string, done: () => void): void;
  /** Bound on output waiting to be written, in UTF-8 bytes. */
  maxPendingBytes: number;
  /** Text written in place of dropped output (a full line, styled). */
  marker(droppedBytes: number): string;
  /** Called whenever output is dropped (the total so far). */
  onDrop?(totalDroppedBytes: number): void;
  /** Runs `fn` soon (next frame); returns a cancel function. */
  schedule?(fn: () => void): () => void;
}

// rAF does not run in a background tab; the terminal still has to keep up (it parses without
// rendering), so a timer takes over after 100 ms. Background timers are throttled, which is fine.
const terminalClock = createDrawClock(0, { hiddenFallbackMs: 100 });

/** Runs `fn` in the next animation frame (or soon, in a hidden tab); returns a cancel function. */
export const frameScheduler = (fn: () => void): (() => void) => terminalClock.schedule(fn);

/** Bytes handed to xterm and not yet parsed, above which output waits in this queue. */
export const HIGH_WATER_BYTES = 512 * 1024;

export class WriteQueue {
  private readonly queue = new ChunkQueue();
  /** Bytes dropped since the last marker was written (shown by the next marker). */
  private unreported = 0;
  private droppedTotal = 0;
  private writtenTotal = 0;
  private batches = 0;
  private inFlightBytes = 0;
  private cancelScheduled: (() => void) | null = null;
  private disposed = false;
  private readonly schedule: (fn: () => void) => () => void;
  maxPendingBytes: number;

  constructor(private readonly options: WriteQueueOptions) {
    this.maxPendingBytes = options.maxPendingBytes;
    this.schedule = options.schedule ?? frameScheduler;
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

  /** Number of `write` calls made so far. */
  get batchCount(): number {
    return this.batches;
  }

  /** True while nothing is queued or being written. */
  get idle(): boolean {
    return this.inFlightBytes === 0 && this.queue.bytes === 0 && this.unreported === 0;
  }

  push(text: string): void {
    if (this.disposed || text === '') return;
    this.queue.push(text);
    this.enforceBound();
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
  }

  dispose(): void {
    this.disposed = true;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.clear();
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

  private flush(): void {
    if (this.disposed || this.saturated) return;
    if (this.queue.bytes === 0 && this.unreported === 0) return;
    let data = '';
    if (this.unreported > 0) {
      data = this.options.marker(this.unreported);
      this.unreported = 0;
    }
    data += this.queue.join();
    const size = this.queue.bytes;
    this.writtenTotal += size;
    this.queue.clear();
    // Markers count too: what matters is how much xterm has left to parse.
    const weight = Math.max(size, 1);
    this.inFlightBytes += weight;
    this.batches++;
    let called = false;
    this.options.write(data, () => {
      if (called) return;
      called = true;
      this.inFlightBytes -= weight;
      if (this.disposed || this.queue.bytes + this.unreported === 0) return;
      if (this.saturated) return;
      // Output that piled up while xterm was saturated is already coalesced: write it now rather
      // than a frame later.
      if (this.cancelScheduled) {
        this.cancelScheduled();
        this.cancelScheduled = null;
      }
      this.flush();
    });
  }
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
