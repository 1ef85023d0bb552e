/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { ChunkQueue } from '../../src/hub/chunk-queue.js';
import { ReplayBuffer } from '../../src/hub/console.js';

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
});
