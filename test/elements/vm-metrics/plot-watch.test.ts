/// <reference types="mocha" />
// <vm-metrics>' observers (plot-watch.ts): plot sizes as reported, near the screen or not.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { PlotWatch } from '../../../src/elements/vm-metrics/plot-watch.js';

class PlotWatchHost extends LitElement {
  wide = 120;
  resized = 0;
  screenChanges = 0;
  readonly watch = new PlotWatch(this, {
    plots: () => [...this.renderRoot.querySelectorAll('.plot')],
    onScreenChange: () => this.screenChanges++,
    onResize: () => this.resized++,
  });
  override render() {
    return html`<div class="plot" style="width: ${this.wide}px; height: 30px"></div><div class="plot" style="width: 50px; height: 20px"></div>`;
  }
}
customElements.define('plot-watch-host', PlotWatchHost);

describe('<vm-metrics> plot watch (plot-watch.ts)', () => {
  it('measures each rendered plot, follows a resize, and says when the element is far off screen', async () => {
    const el = document.createElement('plot-watch-host') as PlotWatchHost;
    document.body.append(el);
    await el.updateComplete;
    await waitUntil(() => el.watch.plots.every((p) => el.watch.size(p)[0] > 0), 'the plots were measured');
    expect(el.watch.plots.map((p) => el.watch.size(p))).to.deep.equal([
      [120, 30],
      [50, 20],
    ]);
    el.wide = 200;
    el.requestUpdate();
    await el.updateComplete;
    await waitUntil(() => el.watch.size(el.watch.plots[0]!)[0] === 200, 'the resize was reported');
    expect(el.watch.onScreen).to.equal(true);
    el.style.cssText = 'position: absolute; top: 5000px';
    await waitUntil(() => !el.watch.onScreen, 'far below the screen');
    expect(el.screenChanges).to.be.greaterThan(0);
    el.remove();
    const before = el.resized;
    // Reconnected: observed anew, the new size reported.
    document.body.append(el);
    el.wide = 300;
    el.requestUpdate();
    await el.updateComplete;
    await waitUntil(() => el.watch.size(el.watch.plots[0]!)[0] === 300, 'measured again after reconnecting');
    expect(el.resized).to.be.greaterThan(before);
    el.remove();
  });
});
