/// <reference types="mocha" />
// A page of its own (each test file is): the clock's module is not loaded before the test wants it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, nothing, render } from 'lit';
import { LazyTicker } from '../../../src/elements/vm-detail/lazy-ticker.js';

const loaded = () => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes('/src/elements/vm-detail/uptime-ticker.'));

class TickerHost extends LitElement {
  wanted = false;
  updates = 0;
  readonly ticker = new LazyTicker(this, () => this.wanted);
  protected override willUpdate() {
    this.ticker.sync();
  }
  protected override updated() {
    this.updates++;
  }
}
customElements.define('lazy-ticker-host', TickerHost);

describe('<vm-detail> clock loaded on demand (lazy-ticker.ts)', () => {
  it('loads nothing and ticks not while there is nothing to count; then loads the clock, which ticks', async () => {
    const el = await fixture<TickerHost>(html`<lazy-ticker-host></lazy-ticker-host>`);
    const before = Date.now();
    expect(el.ticker.now).to.be.at.least(before);
    await new Promise((r) => setTimeout(r, 1200));
    expect(loaded(), 'loaded while nothing was counted').to.equal(false);
    expect(el.updates).to.equal(1);
    expect(el.ticker.renderUptime(3725), 'the uptime shows with its clock').to.equal(nothing);
    el.wanted = true;
    el.requestUpdate();
    await waitUntil(() => el.updates >= 4, 'the clock never ticked', { timeout: 5000 });
    expect(loaded()).to.equal(true);
    const box = document.createElement('div');
    render(el.ticker.renderUptime(3725.6), box);
    expect(box.querySelector('time')!.getAttribute('datetime')).to.equal('PT3725S');
    expect(box.querySelector('.uptime')!.getAttribute('title')).to.equal('Up for 3,725 seconds');
    expect(el.ticker.renderUptime(null)).to.equal(nothing);
    const frozen = el.ticker.now;
    expect(frozen).to.be.at.most(Date.now());
    el.wanted = false;
    el.requestUpdate();
    await el.updateComplete;
    const stopped = el.updates;
    await new Promise((r) => setTimeout(r, 1300));
    expect(el.updates, 'ticked on with nothing to count').to.equal(stopped);
  });
});
