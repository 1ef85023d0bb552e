// The console's flow control, driven by hand: a fake frame scheduler and a terminal whose write
// callback the test releases.
import { expect } from '@open-wc/testing';
import { HIGH_WATER_BYTES, WriteQueue, tailWithinBytes } from '../../../src/elements/vm-console/write-queue.js';

function harness(maxPendingBytes = 100) {
  const frames: (() => void)[] = [];
  const writes: { data: string; done: () => void }[] = [];
  const queue = new WriteQueue({
    maxPendingBytes,
    write: (data, done) => writes.push({ data, done }),
    marker: (bytes) => `<dropped ${bytes}>`,
    schedule: (fn) => {
      frames.push(fn);
      return () => frames.splice(frames.indexOf(fn), 1);
    },
  });
  const frame = () => frames.splice(0).forEach((f) => f());
  return { queue, frames, writes, frame };
}

describe('WriteQueue (console flow control)', () => {
  it('batches every chunk of a frame into one write, and keeps xterm fed below the high-water mark', () => {
    const h = harness(1000);
    h.queue.push('a');
    h.queue.push('b');
    h.queue.push('c');
    expect(h.writes).to.have.length(0);
    expect(h.frames).to.have.length(1);
    h.frame();
    expect(h.writes.map((w) => w.data)).to.deep.equal(['abc']);
    h.queue.push('d');
    h.queue.push('e');
    // Little is in flight: the next frame writes again without waiting for the callback.
    expect(h.frames).to.have.length(1);
    h.frame();
    expect(h.writes.map((w) => w.data)).to.deep.equal(['abc', 'de']);
    expect(h.queue.idle).to.equal(false);
    h.writes[0]!.done();
    h.writes[1]!.done();
    expect(h.queue.idle).to.equal(true);
    expect(h.frames).to.have.length(0);
    expect(h.queue.writtenBytes).to.equal(5);
    expect(h.queue.batchCount).to.equal(2);
  });

  it('waits for xterm above the high-water mark, then writes what piled up as one batch', () => {
    const h = harness(4 * HIGH_WATER_BYTES);
    const big = 'x'.repeat(HIGH_WATER_BYTES);
    h.queue.push(big);
    h.frame();
    expect(h.writes).to.have.length(1);
    h.queue.push('d');
    h.queue.push('e');
    // Saturated: nothing is scheduled until xterm calls back.
    expect(h.frames).to.have.length(0);
    h.writes[0]!.done();
    expect(h.writes.map((w) => w.data.length)).to.deep.equal([HIGH_WATER_BYTES, 2]);
    expect(h.writes[1]!.data).to.equal('de');
    h.writes[1]!.done();
    expect(h.queue.idle).to.equal(true);
  });

  it('drops the oldest pending chunks beyond the bound, once, with one marker for the lot', () => {
    const h = harness(10);
    h.queue.push('0123');
    h.queue.push('4567');
    h.queue.push('89ab');
    h.queue.push('cdef');
    // 16 bytes pending, bound 10: the two oldest chunks go.
    expect(h.queue.pendingBytes).to.equal(8);
    expect(h.queue.droppedBytes).to.equal(8);
    h.frame();
    expect(h.writes[0]!.data).to.equal('<dropped 8>89abcdef');
    h.writes[0]!.done();
    h.queue.push('x');
    h.frame();
    expect(h.writes[1]!.data).to.equal('x');
  });

  it('keeps the newest part of a single chunk larger than the bound, counted in UTF-8 bytes', () => {
    const h = harness(8);
    h.queue.push('abcdef€€'); // 6 + 2×3 = 12 bytes
    expect(h.queue.droppedBytes).to.equal(4);
    h.frame();
    expect(h.writes[0]!.data).to.equal('<dropped 4>ef€€');
    h.writes[0]!.done();
    h.queue.push('€€€'); // 9 bytes, bound 8: a whole character goes, never half of one
    h.frame();
    expect(h.writes[1]!.data).to.equal('<dropped 3>€€');
  });

  it('reports loss from upstream (replay evicted) with a marker in order', () => {
    const h = harness(100);
    h.queue.reportLoss(500);
    h.queue.push('after');
    h.frame();
    expect(h.writes[0]!.data).to.equal('<dropped 500>after');
    expect(h.queue.droppedBytes).to.equal(500);
  });

  it('never splits a surrogate pair when trimming', () => {
    expect(tailWithinBytes('a🚀b', 5)).to.equal('🚀b');
    expect(tailWithinBytes('a🚀b', 4)).to.equal('b');
    expect(tailWithinBytes('abc', 0)).to.equal('');
  });
});
