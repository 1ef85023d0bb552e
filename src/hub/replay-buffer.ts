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
const EVICTION_HISTORY = 65536;

export class ReplayBuffer {
  private readonly queue = new ChunkQueue();
  /** Sequence number of the oldest chunk still held. */
  private firstSeq = 0;
  /** Bytes evicted, cumulative, with the sequence number they reached. */
  private evictedBytesBySeq = new Map<number, number>();
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
      missedBytes = this.evictedTotal - (this.evictedBytesBySeq.get(seq) ?? 0);
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
    this.evictedBytesBySeq.set(this.firstSeq, this.evictedTotal);
    // Only the entries a subscriber can still ask for are worth keeping; keys are in insertion
    // (sequence) order, so the oldest is the first.
    if (this.evictedBytesBySeq.size > EVICTION_HISTORY) this.evictedBytesBySeq.delete(this.evictedBytesBySeq.keys().next().value!);
  }
}
