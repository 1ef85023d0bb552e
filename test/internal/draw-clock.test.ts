/// <reference types="mocha" />
import { expect, nextFrame } from '@open-wc/testing';
import { createDrawClock } from '../../src/internal/draw-clock.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('draw clock', () => {
  it('runs every job asked for in one frame, each once however often it was asked', async () => {
    const clock = createDrawClock(100);
    const runs: string[] = [];
    // The frame's own time (the same for every callback of one frame), not performance.now(),
    // which moves on between two jobs of the same frame.
    const a = () => runs.push(`a@${String(document.timeline.currentTime)}`);
    const b = () => runs.push(`b@${String(document.timeline.currentTime)}`);
    clock.request(a);
    clock.request(b);
    clock.request(a);
    await nextFrame();
    await nextFrame();
    expect(runs.map((r) => r[0])).to.deep.equal(['a', 'b']);
    // Same frame: the same timestamp.
    expect(runs[0]!.slice(2)).to.equal(runs[1]!.slice(2));
  });

  it('holds the next frame until its interval has passed since the last one', async () => {
    const clock = createDrawClock(400);
    let n = 0;
    clock.request(() => n++);
    await nextFrame();
    await nextFrame();
    expect(n).to.equal(1);
    clock.request(() => n++);
    await nextFrame();
    await nextFrame();
    expect(n, 'not within the interval').to.equal(1);
    await wait(500);
    await nextFrame();
    expect(n).to.equal(2);
  });

  it('a cancelled job does not run', async () => {
    const clock = createDrawClock(50);
    let n = 0;
    const job = () => n++;
    clock.request(job);
    clock.cancel(job);
    await wait(120);
    await nextFrame();
    expect(n).to.equal(0);
  });

  it('schedule() returns the function that cancels that job', async () => {
    const clock = createDrawClock(0);
    const runs: string[] = [];
    const cancel = clock.schedule(() => runs.push('cancelled'));
    clock.schedule(() => runs.push('kept'));
    cancel();
    await nextFrame();
    await nextFrame();
    expect(runs).to.deep.equal(['kept']);
  });

  it('runs on a timer where no animation frames come (a background tab)', async () => {
    const raf = globalThis.requestAnimationFrame;
    globalThis.requestAnimationFrame = () => 0; // frames never come
    try {
      const clock = createDrawClock(50);
      let n = 0;
      clock.request(() => n++);
      await wait(600);
      expect(n).to.equal(1);
    } finally {
      globalThis.requestAnimationFrame = raf;
    }
  });

  it('one failing job does not stop the others', async () => {
    const clock = createDrawClock(50);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (e: unknown) => errors.push(e);
    let ran = false;
    try {
      clock.request(() => {
        throw new Error('boom');
      });
      clock.request(() => (ran = true));
      await nextFrame();
      await nextFrame();
    } finally {
      console.error = original;
    }
    expect(ran).to.equal(true);
    expect(String(errors[0])).to.match(/boom/);
  });
});
