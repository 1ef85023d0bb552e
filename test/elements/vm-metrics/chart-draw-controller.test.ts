/// <reference types="mocha" />
// When <vm-metrics> draws (chart-draw-controller.ts), on a host of its own with sparklines (no
// Chart.js): a draw per change in the shared frame, none when nothing changed or while paused,
// and the drawing let go of when the element leaves.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { ChartDrawController, clockFor } from '../../../src/elements/vm-metrics/chart-draw-controller.js';
import { chartClock, sparklineClock } from '../../../src/elements/vm-metrics/clocks.js';
import { MetricValues } from '../../../src/elements/vm-metrics/metric-values.js';
import { VmMetricsHistory } from '../../../src/metrics/vm-metrics-history.js';
import { visiblePage } from './visible-page.js';

class ChartDrawHost extends LitElement {
  history = new VmMetricsHistory({ capacity: 60 });
  paused = false;
  drawn: string[] = [];
  failures: string[] = [];
  readonly charts = new ChartDrawController(this, {
    history: () => this.history,
    source: () => 'own',
    window: () => '5m',
    series: () => 'cpu memory',
    compact: () => true,
    paused: () => this.paused,
    values: new MetricValues(
      () => 'en-US',
      (fn) => fn(),
    ),
    inLocale: (fn) => fn(),
    drawn: (key, area) => this.drawn.push(`${key} ${area ? `${area.width}x${area.height}` : 'none'}`),
    onScreenChange: () => undefined,
    failed: (message) => this.failures.push(message),
  });
  override render() {
    return html`${['cpu', 'memory'].map((k) => html`<div class="plot" style="width: 120px; height: 40px"><svg data-series=${k}></svg></div>`)}`;
  }
}
customElements.define('chart-draw-host', ChartDrawHost);

let t = 1_000_000;
function addSample(h: VmMetricsHistory, cpu: number): void {
  t += 5000;
  h.add(t, { cpu: { utilization: cpu }, memory: { used: 50, total: 100 } });
}
/** Resolves after the compact tiles' next shared frame (jobs run in the order they were asked). */
const nextFrame = () => new Promise<void>((resolve) => sparklineClock.request(() => resolve()));

describe('<vm-metrics> chart drawing (chart-draw-controller.ts)', () => {
  before(() => visiblePage());

  it("draws in the compact tiles' frame, once per change, not while paused, and lets go on leaving", async () => {
    expect([clockFor(true), clockFor(false)]).to.deep.equal([sparklineClock, chartClock]);
    const el = document.createElement('chart-draw-host') as ChartDrawHost;
    for (let i = 0; i < 10; i++) addSample(el.history, 10 + i * 5);
    document.body.append(el);
    await waitUntil(() => el.charts.drawCount === 1, 'the first draw', { timeout: 10_000 });
    // Sparklines hatch the window's empty part in their own drawing: no hatch box to place.
    expect([el.charts.drawnVersion, el.drawn]).to.deep.equal([el.history.version, []]);
    expect([el.charts.trends.cpu, el.charts.trends.memPct]).to.deep.equal(['rising', 'steady']);
    // Asked again with nothing changed: no draw.
    el.charts.schedule();
    await nextFrame();
    expect(el.charts.drawCount).to.equal(1);
    // A new sample: one draw, however often asked.
    addSample(el.history, 90);
    el.charts.schedule();
    el.charts.schedule();
    await nextFrame();
    expect([el.charts.drawCount, el.charts.drawnVersion]).to.deep.equal([2, el.history.version]);
    // Paused: new samples wait; resumed, they are drawn.
    el.paused = true;
    addSample(el.history, 95);
    el.charts.schedule();
    el.charts.restyle();
    await nextFrame();
    expect(el.charts.drawCount, 'paused').to.equal(2);
    el.paused = false;
    el.charts.schedule();
    await nextFrame();
    expect([el.charts.drawCount, el.charts.drawnVersion]).to.deep.equal([3, el.history.version]);
    // A forced redraw draws the same history again.
    el.charts.redraw();
    await nextFrame();
    expect(el.charts.drawCount).to.equal(4);
    el.remove();
    expect([el.charts.drawnVersion, el.failures]).to.deep.equal([-1, []]);
  });

  it('draws a tile again when its window moved a whole pixel, not for a sample in the pixel already drawn', async () => {
    const el = document.createElement('chart-draw-host') as ChartDrawHost;
    // 5 minutes over 120 px: a pixel is 2.5 s. The samples start on a pixel's edge.
    t = 1_000_000;
    addSample(el.history, 10);
    document.body.append(el);
    await waitUntil(() => el.charts.drawCount === 1, 'the first draw', { timeout: 10_000 });
    const at = (ms: number, cpu: number) => el.history.add(t + ms, { cpu: { utilization: cpu }, memory: { used: 50, total: 100 } });
    const counts: number[] = [];
    for (const [ms, cpu] of [
      [1000, 20],
      [2000, 90],
      [2500, 30],
      [3000, 40],
    ] as const) {
      at(ms, cpu);
      el.charts.schedule();
      await nextFrame();
      counts.push(el.charts.drawCount);
    }
    // +1 s starts the next pixel; +2 s and +2.5 s are in it (drawn with the next one); +3 s starts another.
    expect(counts).to.deep.equal([2, 2, 2, 3]);
    // The line drawn last reaches the newest sample, in the plot's last pixel (2 s, 0.8 px, before
    // its edge; in tenths of a pixel).
    // (The line is drawn last, over the hatch and the area.)
    const line = el.renderRoot.querySelector('svg[data-series="cpu"] path:last-of-type')!.getAttribute('d')!;
    const xs = [...line.matchAll(/[Ml](-?\d+) /g)].map((m) => Number(m[1]));
    expect(xs.reduce((a, b) => a + b, 0)).to.equal(1200 - 8);
    el.remove();
  });

  it('draws nothing for an empty history, and starts drawing with its first sample', async () => {
    const el = document.createElement('chart-draw-host') as ChartDrawHost;
    document.body.append(el);
    await el.updateComplete;
    await nextFrame();
    await nextFrame();
    expect([el.charts.drawCount, el.drawn]).to.deep.equal([0, []]);
    addSample(el.history, 20);
    addSample(el.history, 30);
    el.charts.schedule();
    await waitUntil(() => el.charts.drawCount === 1, 'drawn with the first samples', { timeout: 10_000 });
    el.remove();
  });
});
