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
    // Far off screen its plots are not measured (the observer would look at them every frame).
    expect(el.watch.plots).to.have.length(0);
    el.style.cssText = '';
    await waitUntil(() => el.watch.onScreen && el.watch.plots.length === 2, 'measured again back on screen');
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

  it('serves every element of the page from one intersection and one resize observer, each told apart', async () => {
    const made = { io: 0, ro: 0 };
    const NativeIO = window.IntersectionObserver;
    const NativeRO = window.ResizeObserver;
    window.IntersectionObserver = class extends NativeIO {
      constructor(...args: ConstructorParameters<typeof IntersectionObserver>) {
        super(...args);
        made.io++;
      }
    };
    window.ResizeObserver = class extends NativeRO {
      constructor(...args: ConstructorParameters<typeof ResizeObserver>) {
        super(...args);
        made.ro++;
      }
    };
    const hosts: PlotWatchHost[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const el = document.createElement('plot-watch-host') as PlotWatchHost;
        el.wide = 100 + i;
        el.style.display = 'inline-block';
        hosts.push(el);
        document.body.append(el);
      }
      const far = hosts[19]!;
      far.style.cssText = 'display: inline-block; position: absolute; top: 5000px';
      await Promise.all(hosts.map((h) => h.updateComplete));
      const near = hosts.slice(0, 19);
      await waitUntil(() => near.every((h) => h.watch.plots.length === 2 && h.watch.size(h.watch.plots[0]!)[0] > 0), 'every plot on screen measured');
      await waitUntil(() => !far.watch.onScreen, 'the far one is off screen');
      expect(made).to.deep.equal({ io: 1, ro: 1 });
      expect(near.map((h) => h.watch.size(h.watch.plots[0]!)[0])).to.deep.equal(near.map((_, i) => 100 + i));
      expect(near.every((h) => h.watch.onScreen)).to.equal(true);
      expect(far.watch.plots, 'plots far off screen are not observed').to.have.length(0);
      // One element resized: only it hears of it.
      const counts = hosts.map((h) => h.resized);
      hosts[3]!.wide = 250;
      hosts[3]!.requestUpdate();
      await waitUntil(() => hosts[3]!.watch.size(hosts[3]!.watch.plots[0]!)[0] === 250, 'the resize was reported');
      expect(hosts.map((h, i) => h.resized - counts[i]!).filter((d) => d > 0).length).to.equal(1);
    } finally {
      for (const h of hosts) h.remove();
      window.IntersectionObserver = NativeIO;
      window.ResizeObserver = NativeRO;
    }
  });
});
