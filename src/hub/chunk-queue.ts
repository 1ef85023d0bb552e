/**
 * Text chunks in arrival order with their UTF-8 sizes, dropped from the front in O(1) amortised:
 * the bounded queues of console output (the session's replay buffer, the terminal's write queue)
 * evict the oldest chunk on every arrival during a flood, and `Array.shift` would copy the whole
 * array each time.
 */
import { utf8Length } from '../protocol/encode.js';

/** Dropped slots are compacted away once there are this many and they are the larger part. */
const COMPACT_AFTER = 1024;

const NOT_ASCII = /[^\x00-\x7f]/;

/** The last chunk sized, and its size: the replay buffer and then the write queue size the same string. */
let lastText = '';
let lastSize = 0;

/**
 * UTF-8 size of a chunk. Console output is mostly ASCII, whose size is its length: a native regex
 * scan says so several times faster than counting character by character, and every chunk of a
 * flood is sized twice in a row (replay buffer, then the terminal's write queue), the second time
 * from the memo.
 */
function chunkBytes(text: string): number {
  if (text === lastText) return lastSize;
  lastText = text;
  lastSize = NOT_ASCII.test(text) ? utf8Length(text) : text.length;
  return lastSize;
}

export class ChunkQueue {
  private chunks: string[] = [];
  private sizes: number[] = [];
  private head = 0;
  private total = 0;

  /** UTF-8 bytes held. */
  get bytes(): number {
    return this.total;
  }

  /** Chunks held. */
  get length(): number {
    return this.chunks.length - this.head;
  }

  /** Appends `text` (not empty) and returns its size in UTF-8 bytes. */
  push(text: string): number {
    const size = chunkBytes(text);
    this.chunks.push(text);
    this.sizes.push(size);
    this.total += size;
    return size;
  }

  /** Drops the oldest chunk and returns its size (0 when empty). */
  dropOldest(): number {
    if (this.length === 0) return 0;
    const size = this.sizes[this.head]!;
    this.total -= size;
    this.chunks[this.head] = '';
    this.head++;
    if (this.head > COMPACT_AFTER && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
    return size;
  }

  /** The oldest chunk ('' when empty). */
  get oldest(): string {
    return this.length > 0 ? this.chunks[this.head]! : '';
  }

  /** Replaces the oldest chunk, e.g. with its own tail; returns the new size. */
  replaceOldest(text: string): number {
    if (this.length === 0) return this.push(text);
    const size = chunkBytes(text);
    this.total += size - this.sizes[this.head]!;
    this.chunks[this.head] = text;
    this.sizes[this.head] = size;
    return size;
  }

  /**
   * Removes and returns the oldest text, at most `maxChars` UTF-16 code units of it (at least one
   * character, so progress is always made), splitting a chunk if needed but never a surrogate
   * pair. The terminal's write slices come from here: xterm's parse cost is per character.
   */
  take(maxChars: number): string {
    const out: string[] = [];
    let n = 0;
    while (this.length > 0 && n < maxChars) {
      const chunk = this.chunks[this.head]!;
      if (n + chunk.length <= maxChars) {
        out.push(chunk);
        n += chunk.length;
        this.dropOldest();
        continue;
      }
      let cut = maxChars - n;
      const code = chunk.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut = cut > 1 || n > 0 ? cut - 1 : cut + 1;
      if (cut <= 0) break;
      const piece = chunk.slice(0, cut);
      // An all-ASCII chunk (its size is its length) has all-ASCII pieces: no scan needed.
      const size = this.sizes[this.head] === chunk.length ? cut : chunkBytes(piece);
      this.chunks[this.head] = chunk.slice(cut);
      this.sizes[this.head]! -= size;
      this.total -= size;
      out.push(piece);
      break;
    }
    return out.length === 1 ? out[0]! : out.join('');
  }

  /** The chunks from the `skip`-th oldest on, joined. */
  join(skip = 0): string {
    const start = this.head + Math.max(0, skip);
    if (start === 0) return this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join('');
    return this.chunks.slice(start).join('');
  }

  clear(): void {
    this.chunks = [];
    this.sizes = [];
    this.head = 0;
    this.total = 0;
  }
}
