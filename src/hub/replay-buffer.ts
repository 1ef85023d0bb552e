/**
 * Recent console output, bounded in bytes, with a sequence number per chunk so that a subscriber
 * arriving late (a lazily loaded terminal, a tab switched back) can ask for exactly what it has
 * not seen: no loss within the bound, no duplicates.
 */
import { utf8Length } from '../protocol/encode.js';

export interface ReplaySlice {
  text: string;
  /** Sequence number to pass next time to continue exactly after this slice. */
  nextSeq: number;
  /** Bytes that were asked for but had already been evicted by the bound. */
  missedBytes: number;
}

export class ReplayBuffer {
  private chunks: string[] = [];
  private sizes: number[] = [];
  /** Sequence number of the oldest chunk still held (chunks[head]). */
  private firstSeq = 0;
  private head = 0;
  private bytes = 0;
  /** Bytes evicted, cumulative, with the sequence number they reached. */
  private evictedBytesBySeq = new Map<number, number>();
  private evictedTotal = 0;

  constructor(readonly capacityBytes: number) {
    if (!(capacityBytes > 0)) throw new RangeError('capacityBytes must be positive');
  }

  /** Sequence number the next appended chunk will get. */
  get nextSeq(): number {
    return this.firstSeq + this.chunks.length - this.head;
  }

  get size(): number {
    return this.bytes;
  }

  append(text: string): number {
    if (text === '') return this.nextSeq;
    const seq = this.nextSeq;
    const size = utf8Length(text);
    this.chunks.push(text);
    this.sizes.push(size);
    this.bytes += size;
    while (this.bytes > this.capacityBytes && this.chunks.length - this.head > 1) this.evictOne();
    return seq;
  }

  /** Everything held from `seq` on (everything held when `seq` is omitted). */
  since(seq = 0): ReplaySlice {
    const live = this.chunks.length - this.head;
    const oldest = this.firstSeq;
    let missedBytes = 0;
    if (seq < oldest) {
      missedBytes = this.evictedTotal - (this.evictedBytesBySeq.get(seq) ?? 0);
      seq = oldest;
    }
    const start = this.head + Math.min(seq - oldest, live);
    return { text: this.chunks.slice(start).join(''), nextSeq: this.nextSeq, missedBytes };
  }

  clear(): void {
    while (this.chunks.length - this.head > 0) this.evictOne();
  }

  private evictOne(): void {
    const size = this.sizes[this.head]!;
    this.bytes -= size;
    this.evictedTotal += size;
    this.chunks[this.head] = '';
    this.head++;
    this.firstSeq++;
    this.evictedBytesBySeq.set(this.firstSeq, this.evictedTotal);
    // Compact now and then instead of shifting on every eviction (O(1) amortised).
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
      // Only the entries a subscriber can still ask for are worth keeping.
      for (const key of this.evictedBytesBySeq.keys()) if (key < this.firstSeq - 65536) this.evictedBytesBySeq.delete(key);
    }
  }
}
