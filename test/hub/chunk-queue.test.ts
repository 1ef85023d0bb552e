/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { ChunkQueue } from '../../src/hub/chunk-queue.js';
import { ReplayBuffer } from '../../src/hub/console.js';
import { EVICTION_HISTORY } from '../../src/hub/replay-buffer.js';

describe('ChunkQueue', () => {
  it('counts UTF-8 bytes, drops from the front and joins what is left, across compactions', () => {
    const q = new ChunkQueue();
    const all: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const text = i % 3 === 0 ? `é${i}` : i % 3 === 1 ? `😀${i}` : `a${i}`;
      all.push(text);
      q.push(text);
    }
    const size = (s: string) => new TextEncoder().encode(s).length;
    expect(q.bytes).to.equal(size(all.join('')));
    let dropped = 0;
    for (let i = 0; i < 3000; i++) dropped += q.dropOldest();
    expect(dropped).to.equal(size(all.slice(0, 3000).join('')));
    expect(q.length).to.equal(2000);
    expect(q.oldest).to.equal(all[3000]);
    expect(q.join()).to.equal(all.slice(3000).join(''));
    expect(q.join(1990)).to.equal(all.slice(4990).join(''));
    expect(q.bytes).to.equal(size(all.slice(3000).join('')));
  });

  it('takes bounded slices from the front in order, counting bytes, never splitting a pair', () => {
    const q = new ChunkQueue();
    q.push('ab');
    q.push('cdé');
    q.push('😀f');
    expect(q.take(3)).to.equal('abc');
    expect(q.bytes).to.equal(8); // 'dé' 3 bytes + '😀f' 5 bytes
    expect(q.take(3)).to.equal('dé'); // '😀' is two code units: it does not fit, it waits
    expect(q.take(1)).to.equal('😀'); // a whole pair rather than nothing
    expect(q.take(10)).to.equal('f');
    expect([q.bytes, q.length, q.take(5)]).to.deep.equal([0, 0, '']);
  });

  it('counts right when the same text is sized twice in a row, or texts of one length differ only in being ASCII', () => {
    const size = (t: string) => new TextEncoder().encode(t).length;
    const replay = new ChunkQueue();
    const terminal = new ChunkQueue();
    const texts = ['abcd', 'abcd', 'abcé', 'abcd', 'é'.repeat(4), 'x'.repeat(4), 'x'.repeat(4)];
    for (const t of texts) {
      // As a flood arrives: the replay buffer, then the write queue, size the same string.
      expect(replay.push(t)).to.equal(size(t));
      expect(terminal.push(t)).to.equal(size(t));
    }
    expect(terminal.bytes).to.equal(size(texts.join('')));
    // Slices of an all-ASCII chunk, and of a chunk whose ASCII head hides a non-ASCII tail.
    const q = new ChunkQueue();
    q.push('a'.repeat(10));
    q.push('ab' + 'é'.repeat(4));
    const taken: string[] = [];
    while (q.length > 0) {
      taken.push(q.take(3));
      expect(q.bytes).to.equal(size(q.join()));
    }
    expect(taken).to.deep.equal(['aaa', 'aaa', 'aaa', 'aab', 'ééé', 'é']);
  });

  it('replaces the oldest chunk and keeps the byte count right; empty is harmless', () => {
    const q = new ChunkQueue();
    expect(q.dropOldest()).to.equal(0);
    expect(q.oldest).to.equal('');
    expect(q.join()).to.equal('');
    q.push('héllo');
    q.push('world');
    expect(q.replaceOldest('lo')).to.equal(2);
    expect(q.bytes).to.equal(7);
    expect(q.join()).to.equal('loworld');
    q.clear();
    expect([q.bytes, q.length, q.join()]).to.deep.equal([0, 0, '']);
  });
});

describe('ReplayBuffer over many evictions', () => {
  it('resumes exactly and reports what a late subscriber missed, long after the first compaction', () => {
    const b = new ReplayBuffer(100);
    for (let i = 0; i < 10_000; i++) b.append('0123456789'); // ten chunks of 10 bytes held at a time
    expect(b.size).to.equal(100);
    const held = b.since(b.nextSeq - 3);
    expect(held.text).to.equal('0123456789'.repeat(3));
    expect(held.missedBytes).to.equal(0);
    const late = b.since(9000);
    expect(late.missedBytes).to.equal(990 * 10);
    expect(late.text).to.equal('0123456789'.repeat(10));
    expect(b.since(b.nextSeq).text).to.equal('');
  });

  it('tells what was missed exactly as far back as its history reaches, and everything evicted beyond', () => {
    const b = new ReplayBuffer(10);
    const chunks = EVICTION_HISTORY + 5000;
    // Chunk i is i % 3 + 1 bytes (the size changes, so an off-by-one shows in the counts).
    let evicted = 0;
    for (let i = 0; i < chunks; i++) b.append('x'.repeat((i % 3) + 1));
    const sizeOf = (i: number) => (i % 3) + 1;
    // The oldest held chunk: what the buffer holds is the newest chunks summing to at most 10 bytes.
    let held = 0;
    let first = b.nextSeq;
    while (first > 0 && held + sizeOf(first - 1) <= 10) held += sizeOf(--first);
    for (let i = 0; i < first; i++) evicted += sizeOf(i);
    const before = (seq: number) => Array.from({ length: seq }, (_, i) => sizeOf(i)).reduce((a, n) => a + n, 0);
    // Within the history: exactly the bytes between the asked-for chunk and the oldest held one.
    for (const seq of [first - 1, first - 2, first - 1000, first - EVICTION_HISTORY + 1]) {
      expect(b.since(seq).missedBytes, `missed from ${seq}`).to.equal(evicted - before(seq));
    }
    // Beyond it (and for nonsense positions): everything evicted so far.
    for (const seq of [first - EVICTION_HISTORY, 3, 0, -1, 2.5]) {
      expect(b.since(seq).missedBytes, `missed from ${seq}`).to.equal(evicted);
    }
    expect(b.since(first).missedBytes).to.equal(0);
  });

  it('evicts in constant time: never looks for the first key of a Map', () => {
    // A Map trimmed from its front skips every entry deleted since its last rehash to find the first
    // key, up to 65,536 per eviction once the history is full: a console slowed down by a third
    // after 256 MB of output. Counting calls, not time, keeps this test exact.
    const keys = Map.prototype.keys;
    let calls = 0;
    Map.prototype.keys = function (this: Map<unknown, unknown>) {
      calls++;
      return keys.call(this);
    };
    try {
      const b = new ReplayBuffer(10);
      for (let i = 0; i < EVICTION_HISTORY + 1000; i++) b.append('0123456789');
    } finally {
      Map.prototype.keys = keys;
    }
    expect(calls).to.equal(0);
  });
});
