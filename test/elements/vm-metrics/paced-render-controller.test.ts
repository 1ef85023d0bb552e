/// <reference types="mocha" />
// <vm-metrics>' paced values-row renders (paced-render-controller.ts), on a host of its own and a
// clock the test turns by hand: one render per frame however often asked, none while unseen.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import type { DrawClock } from '../../../src/internal/draw-clock.js';
import { PacedRenderController } from '../../../src/elements/vm-metrics/paced-render-controller.js';

function handClock(): DrawClock & { jobs: Set<() => void>; tick(): void } {
  const jobs = new Set<() => void>();
  return {
    jobs,
    request: (job) => void jobs.add(job),
    cancel: (job) => void jobs.delete(job),
    schedule(job) {
      jobs.add(job);
      return () => jobs.delete(job);
    },
    tick() {
      const run = [...jobs];
      jobs.clear();
      for (const job of run) job();
    },
  };
}

const clock = handClock();
const other = handClock();

class PacedHost extends LitElement {
  renders = 0;
  visible = true;
  useOther = false;
  readonly paced = new PacedRenderController(this, {
    clock: () => (this.useOther ? other : clock),
    visible: () => this.visible,
    clocks: [clock, other],
  });
  override render() {
    this.renders++;
    return html`${this.renders}`;
  }
}
customElements.define('paced-host', PacedHost);

async function mount(): Promise<PacedHost> {
  const el = document.createElement('paced-host') as PacedHost;
  document.body.append(el);
  await el.updateComplete;
  el.renders = 0;
  return el;
}

describe('<vm-metrics> paced renders (paced-render-controller.ts)', () => {
  it('renders once in the next frame however often asked, and says when that render was asked for', async () => {
    const el = await mount();
    el.paced.queue();
    el.paced.changed();
    el.paced.queue();
    expect([clock.jobs.size, el.paced.pending !== null]).to.deep.equal([1, true]);
    await el.updateComplete;
    expect(el.renders, 'nothing before the frame').to.equal(0);
    let resolved = false;
    void el.paced.pending!.then(() => (resolved = true));
    clock.tick();
    await el.updateComplete;
    expect([el.renders, resolved, el.paced.pending]).to.deep.equal([1, true, null]);
    el.remove();
  });

  it('waits while unseen, and renders once when seen again', async () => {
    const el = await mount();
    el.visible = false;
    el.paced.changed();
    el.paced.changed();
    expect(clock.jobs.size).to.equal(0);
    el.paced.catchUp();
    await el.updateComplete;
    expect(el.renders, 'still unseen').to.equal(0);
    el.visible = true;
    el.paced.catchUp();
    await el.updateComplete;
    el.paced.catchUp();
    await el.updateComplete;
    expect(el.renders, 'one render for what came while unseen').to.equal(1);
    el.remove();
  });

  it('renders in the clock the element uses now, and leaves no job behind when it leaves the page', async () => {
    const el = await mount();
    el.useOther = true;
    el.paced.queue();
    expect([clock.jobs.size, other.jobs.size]).to.deep.equal([0, 1]);
    const pending = el.paced.pending!;
    el.remove();
    await pending; // resolved on leaving: nobody waits for a frame that will not come
    expect([other.jobs.size, el.paced.pending]).to.deep.equal([0, null]);
  });
});
