/**
 * Recent console output, bounded in bytes, with a sequence number per chunk so that a subscriber
 * arriving late (a lazily loaded terminal, a tab switched back) can ask for exactly what it has
 * not seen: no loss within the bound, no duplicates.
 */
import { ChunkQueue } from './chunk-queue.js';

export interface ReplaySlice {
  text: string;
  /** Sequence number to pass next time to continue exactly after this slice. */
  nextSeq: number;
  /** Bytes that were asked for but had already been evicted by the bound. */
  missedBytes: number;
}

/** Sequence numbers behind the oldest held chunk for which a late subscriber is told what it missed. */
export const EVICTION_HISTORY = 65536;

export class ReplayBuffer {
  private readonly queue = new ChunkQueue();
  /** Sequence number of the oldest chunk still held. */
  private firstSeq = 0;
  /**
   * Bytes evicted, cumulative, when the oldest held chunk became `seq`: at `seq % EVICTION_HISTORY`
   * for the last EVICTION_HISTORY sequence numbers (made at the first eviction). A ring, not a Map
   * trimmed from its front: a Map skips every deleted entry to find its first key, so once full
   * (256 MB of output in 4 KiB chunks) each eviction cost a walk of up to 65,536 entries and a
   * long session's console drained a third slower (bench:console, 40 floods).
   */
  private evictedAt: Float64Array | null = null;
  private evictedTotal = 0;

  constructor(readonly capacityBytes: number) {
    if (!(capacityBytes > 0)) throw new RangeError('capacityBytes must be positive');
  }

  /** Sequence number the next appended chunk will get. */
  get nextSeq(): number {
    return this.firstSeq + this.queue.length;
  }

  get size(): number {
    return this.queue.bytes;
  }

  append(text: string): number {
    if (text === '') return this.nextSeq;
    const seq = this.nextSeq;
    this.queue.push(text);
    while (this.queue.bytes > this.capacityBytes && this.queue.length > 1) this.evictOne();
    return seq;
  }

  /** Everything held from `seq` on (everything held when `seq` is omitted). */
  since(seq = 0): ReplaySlice {
    const oldest = this.firstSeq;
    let missedBytes = 0;
    if (seq < oldest) {
      missedBytes = this.evictedTotal - this.evictedBefore(seq);
      seq = oldest;
    }
    const text = seq - oldest >= this.queue.length ? '' : this.queue.join(seq - oldest);
    return { text, nextSeq: this.nextSeq, missedBytes };
  }

  clear(): void {
    while (this.queue.length > 0) this.evictOne();
  }

  private evictOne(): void {
    this.evictedTotal += this.queue.dropOldest();
    this.firstSeq++;
    this.evictedAt ??= new Float64Array(EVICTION_HISTORY);
    this.evictedAt[this.firstSeq % EVICTION_HISTORY] = this.evictedTotal;
  }

  /**
   * Bytes evicted before chunk `seq` (at most the oldest held one). Further back than the history
   * reaches, 0: the subscriber is told that everything evicted so far is missing.
   */
  private evictedBefore(seq: number): number {
    if (!Number.isInteger(seq) || seq <= 0 || !this.evictedAt || this.firstSeq - seq >= EVICTION_HISTORY) return 0;
    return this.evictedAt[seq % EVICTION_HISTORY]!;
  }
}
