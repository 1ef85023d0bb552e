// The console's flow control, driven by hand: a fake frame scheduler and a terminal whose write
// callback the test releases.
import { expect } from '@open-wc/testing';
import {
  FIRST_SLICE_CHARS,
  HIGH_WATER_BYTES,
  HOLD_AT_BYTES,
  MIN_SLICE_CHARS,
  SLICE_CHARS,
  SLICE_TARGET_MS,
  TASK_BUDGET_MS,
  WriteQueue,
  tailWithinBytes,
} from '../../../src/elements/vm-console/write-queue.js';

function harness(maxPendingBytes = 100, hold?: (held: boolean) => boolean) {
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const writes: { data: string; done: () => void }[] = [];
  /** The parsing clock, moved by hand (ms). */
  const clock = { now: 0 };
  const queue = new WriteQueue({
    maxPendingBytes,
    write: (data, done) => writes.push({ data, done }),
    marker: (bytes) => `<dropped ${bytes}>`,
    schedule: (fn) => {
      frames.push(fn);
      return () => frames.splice(frames.indexOf(fn), 1);
    },
    nextTask: (fn) => {
      tasks.push(fn);
      return () => tasks.splice(tasks.indexOf(fn), 1);
    },
    now: () => clock.now,
    hold,
  });
  const frame = () => frames.splice(0).forEach((f) => f());
  const task = () => tasks.splice(0).forEach((f) => f());
  /** Lets the terminal finish every write so far (and any that finishing starts). */
  const drain = () => {
    for (let i = 0; i < writes.length; i++) writes[i]!.done();
  };
  const written = () => writes.map((w) => w.data).join('');
  return { queue, frames, tasks, writes, clock, frame, task, drain, written };
}

describe('WriteQueue (console flow control)', () => {
  it('writes an echo at once when the terminal is idle, without waiting for a frame', () => {
    const h = harness(1000);
    h.queue.push('a');
    expect(h.writes.map((w) => w.data)).to.deep.equal(['a']);
    expect(h.frames).to.have.length(0);
    h.writes[0]!.done();
    expect(h.queue.idle).to.equal(true);
    h.queue.push('b');
    expect(h.writes.map((w) => w.data)).to.deep.equal(['a', 'b']);
  });

  it('writes a large burst that finds the terminal idle at once (sliced), not a frame later', () => {
    const h = harness(8 * 1024 * 1024);
    const burst = 'r'.repeat(SLICE_CHARS + 100);
    h.queue.push(burst);
    expect(h.writes.length).to.be.greaterThan(0);
    expect(h.writes[0]!.data).to.equal(burst.slice(0, FIRST_SLICE_CHARS));
    h.drain();
    expect(h.written()).to.equal(burst);
  });

  it('batches output that keeps flowing into one write per frame, and keeps xterm fed', () => {
    const h = harness(1000);
    h.queue.push('a');
    // 'a' is being parsed: what follows waits for the next frame, together.
    h.queue.push('b');
    h.queue.push('c');
    expect(h.writes.map((w) => w.data)).to.deep.equal(['a']);
    expect(h.frames).to.have.length(1);
    h.frame();
    expect(h.writes.map((w) => w.data)).to.deep.equal(['a', 'bc']);
    h.queue.push('d');
    h.queue.push('e');
    // Little is in flight: the next frame writes again without waiting for the callbacks.
    h.frame();
    expect(h.writes.map((w) => w.data)).to.deep.equal(['a', 'bc', 'de']);
    expect(h.queue.idle).to.equal(false);
    h.drain();
    expect(h.queue.idle).to.equal(true);
    expect(h.frames).to.have.length(0);
    expect(h.queue.writtenBytes).to.equal(5);
    expect(h.queue.batchCount).to.equal(3);
  });

  it('a write callback that finds output waiting writes it at once, not a frame later', () => {
    const h = harness(1000);
    h.queue.push('a');
    h.queue.push('b');
    h.writes[0]!.done();
    expect(h.writes.map((w) => w.data)).to.deep.equal(['a', 'b']);
    expect(h.frames).to.have.length(0);
  });

  it('once a task has parsed for its budget, leaves the refill to a new task so a key gets in first', async () => {
    const h = harness(8 * 1024 * 1024);
    h.queue.push('x');
    const flood = 'y'.repeat(4 * HIGH_WATER_BYTES);
    h.queue.push(flood);
    h.frame();
    const inFlight = h.writes.length;
    expect(inFlight).to.be.greaterThan(1);
    // xterm parses the first writes early in its task: the callback refills at once.
    h.writes[0]!.done();
    h.writes[1]!.done();
    const refilled = h.writes.length;
    expect(refilled).to.be.greaterThan(inFlight);
    // Later in the same task, past the budget: nothing more is handed to xterm in this task.
    h.clock.now += TASK_BUDGET_MS + 1;
    for (let i = 2; i < refilled; i++) h.writes[i]!.done();
    expect(h.writes).to.have.length(refilled);
    expect(h.tasks).to.have.length(1);
    // The task is over (a key's handler may run now); the next task goes on where it stopped.
    await Promise.resolve();
    h.task();
    expect(h.writes.length).to.be.greaterThan(refilled);
    for (let i = 0; i < 100 && !h.queue.idle; i++) {
      h.drain();
      await Promise.resolve();
      h.task();
      h.frame();
    }
    expect(h.written()).to.equal(`x${flood}`);
    expect(h.queue.droppedBytes).to.equal(0);
  });

  it('never hands xterm more than one slice per write, so it can yield between them', () => {
    const h = harness(8 * 1024 * 1024);
    h.queue.push('x');
    const flood = 'y'.repeat(3 * SLICE_CHARS + 123);
    h.queue.push(flood);
    h.queue.push('z'.repeat(SLICE_CHARS / 2));
    h.frame();
    h.drain();
    expect(h.written()).to.equal(`x${flood}${'z'.repeat(SLICE_CHARS / 2)}`);
    expect(Math.max(...h.writes.map((w) => w.data.length))).to.be.at.most(SLICE_CHARS);
    expect(h.writes.length).to.be.at.least(5);
    expect(h.queue.droppedBytes).to.equal(0);
  });

  it('sizes slices by how fast xterm parses: small at first, doubling while fast, shrinking at once when slow', async () => {
    const h = harness(64 * 1024 * 1024);
    h.queue.push('z'.repeat(40 * SLICE_CHARS));
    // Nothing is known of this terminal yet: a first slice a cold parser gets through in a few ms.
    expect(h.writes[0]!.data.length).to.equal(FIRST_SLICE_CHARS);
    const sizes = () => h.writes.map((w) => w.data.length);
    /** xterm parses the writes in flight one after another in one task, each taking `ms`. */
    const parseTask = async (ms: number) => {
      const pending = h.writes.filter((w) => !(w as { parsed?: boolean }).parsed);
      for (const w of pending) {
        h.clock.now += ms;
        (w as { parsed?: boolean }).parsed = true;
        w.done();
      }
      await Promise.resolve(); // the task ends
      h.task();
      h.frame();
    };
    // Fast parsing (too quick to read on the clock): each slice twice the last, up to SLICE_CHARS.
    await parseTask(0);
    await parseTask(0);
    await parseTask(0);
    expect(h.queue.sliceChars).to.equal(SLICE_CHARS);
    expect(Math.max(...sizes())).to.equal(SLICE_CHARS);
    // The parser slows down (8 chars per ms): the next slice is sized for SLICE_TARGET_MS, at once.
    const before = h.writes.length;
    await parseTask(SLICE_CHARS / 8);
    expect(h.queue.sliceChars).to.equal(Math.max(MIN_SLICE_CHARS, 8 * SLICE_TARGET_MS));
    expect(h.writes.length).to.be.greaterThan(before);
    expect(h.writes.at(-1)!.data.length).to.be.at.most(MIN_SLICE_CHARS);
    // Measured and fast again (1,000 chars per ms): it grows back, at most twofold per slice.
    const min = h.queue.sliceChars;
    h.clock.now += 0;
    const first = h.writes.findIndex((w) => !(w as { parsed?: boolean }).parsed);
    h.writes[first]!.done();
    (h.writes[first] as { parsed?: boolean }).parsed = true;
    h.clock.now += h.writes[first + 1]!.data.length / 1000;
    h.writes[first + 1]!.done();
    (h.writes[first + 1] as { parsed?: boolean }).parsed = true;
    expect(h.queue.sliceChars).to.equal(2 * min);
    // Nothing is lost or reordered however the slices were cut.
    for (let i = 0; i < 500 && !h.queue.idle; i++) await parseTask(0);
    expect(h.written()).to.equal('z'.repeat(40 * SLICE_CHARS));
  });

  it('slices never split a surrogate pair', () => {
    const h = harness(8 * 1024 * 1024);
    h.queue.push('x');
    // A pair straddles the first slice's boundary (after the echo's write).
    const text = `${'a'.repeat(FIRST_SLICE_CHARS - 1)}🚀${'b'.repeat(10)}`;
    h.queue.push(text);
    h.frame();
    h.drain();
    expect(h.written()).to.equal(`x${text}`);
    for (const w of h.writes) {
      const last = w.data.charCodeAt(w.data.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff, 'a slice ends in half a pair').to.equal(false);
    }
  });

  it('waits for xterm above the high-water mark, then writes what piled up', () => {
    const h = harness(8 * HIGH_WATER_BYTES);
    h.queue.push('x');
    h.queue.push('y'.repeat(HIGH_WATER_BYTES));
    h.frame();
    const inFlight = h.writes.length;
    h.queue.push('d');
    h.queue.push('e');
    // Saturated: nothing is scheduled until xterm calls back.
    expect(h.frames).to.have.length(0);
    expect(h.writes).to.have.length(inFlight);
    h.drain();
    expect(h.written()).to.equal(`x${'y'.repeat(HIGH_WATER_BYTES)}de`);
    expect(h.queue.idle).to.equal(true);
  });

  it('asks the source to hold when it falls behind, and drops nothing while the source holds', () => {
    const calls: boolean[] = [];
    const bound = 4 * HOLD_AT_BYTES;
    const h = harness(bound, (held) => {
      calls.push(held);
      return true;
    });
    h.queue.push('x');
    // xterm is stuck on 'x'; a flood several times the bound arrives anyway (what was in flight
    // upstream when the source was asked to hold).
    const piece = 'p'.repeat(16 * 1024);
    let sent = 'x';
    for (let i = 0; i < (3 * bound) / piece.length; i++) {
      h.queue.push(piece);
      sent += piece;
    }
    expect(calls).to.deep.equal([true]);
    expect(h.queue.held).to.equal(true);
    expect(h.queue.droppedBytes).to.equal(0);
    // The terminal catches up: the source may go on.
    for (let i = 0; i < 1000 && !h.queue.idle; i++) {
      h.frame();
      h.task();
      h.drain();
    }
    expect(calls).to.deep.equal([true, false]);
    expect(h.written()).to.equal(sent);
    expect(h.queue.droppedBytes).to.equal(0);
  });

  it('still bounds what is pending when the source cannot hold', () => {
    const calls: boolean[] = [];
    const h = harness(64 * 1024, (held) => {
      calls.push(held);
      return false;
    });
    h.queue.push('x');
    for (let i = 0; i < 16; i++) h.queue.push('p'.repeat(16 * 1024));
    expect(calls[0]).to.equal(true);
    expect(h.queue.pendingBytes).to.be.at.most(64 * 1024);
    expect(h.queue.droppedBytes).to.be.greaterThan(0);
  });

  it('drops the oldest pending chunks beyond the bound, once, with one marker for the lot', () => {
    const h = harness(10);
    h.queue.push('-');
    h.queue.push('0123');
    h.queue.push('4567');
    h.queue.push('89ab');
    h.queue.push('cdef');
    // 16 bytes pending, bound 10: the two oldest chunks go.
    expect(h.queue.pendingBytes).to.equal(8);
    expect(h.queue.droppedBytes).to.equal(8);
    h.frame();
    expect(h.writes[1]!.data).to.equal('<dropped 8>89abcdef');
    h.drain();
    h.queue.push('x');
    expect(h.writes[2]!.data).to.equal('x');
  });

  it('keeps the newest part of a single chunk larger than the bound, counted in UTF-8 bytes', () => {
    const h = harness(8);
    h.queue.push('-');
    h.queue.push('abcdef€€'); // 6 + 2×3 = 12 bytes
    expect(h.queue.droppedBytes).to.equal(4);
    h.frame();
    expect(h.writes[1]!.data).to.equal('<dropped 4>ef€€');
    h.queue.push('€€€'); // 9 bytes, bound 8: a whole character goes, never half of one
    h.frame();
    expect(h.writes[2]!.data).to.equal('<dropped 3>€€');
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
