/// <reference types="mocha" />
// A compact tile's sparklines and values behind the renderer interface the charts share
// (sparkline-renderer.ts), drawn on the tile's one canvas (tile-canvas.ts).
import { expect } from '@open-wc/testing';
import type { Theme } from '../../../src/elements/vm-metrics/chart-theme.js';
import { MetricValues } from '../../../src/elements/vm-metrics/metric-values.js';
import { SparklineRenderer, sparklineEdge } from '../../../src/elements/vm-metrics/sparkline-renderer.js';
import { TileCanvas } from '../../../src/elements/vm-metrics/tile-canvas.js';
import { VmMetricsHistory } from '../../../src/metrics/vm-metrics-history.js';

const theme = {
  colours: { '--_m-cpu': 'rgb(255, 0, 0)', '--_m-memory': 'rgb(0, 0, 255)' },
  fills: { '--_m-cpu': 'rgba(255, 0, 0, 0.1)', '--_m-memory': null },
  grid: 'g',
  text: 't',
  muted: 'm',
  surface: 's',
  border: 'b',
  font: 'f',
} as unknown as Theme;

/** A tile's DOM as `<vm-metrics compact>` renders it: cards with a plot and a value box, one canvas over them. */
function tile(): HTMLElement {
  const root = document.createElement('div');
  const card = (key: string) =>
    `<div class="card" data-series="${key}" style="display:flex;gap:4px"><div class="plot" style="width:120px;height:40px"></div><div class="tile-value" style="width:80px;height:40px;font:12px/16px sans-serif"></div></div>`;
  root.innerHTML = `<div class="grid" style="position:relative;width:204px">${card('cpu')}${card('memory')}<canvas class="tile-canvas" style="position:absolute;inset:0"></canvas></div>`;
  document.body.append(root);
  return root;
}

function frame(drawn: [string, unknown][]) {
  return {
    window: '5m' as const,
    theme,
    styleVersion: 1,
    layoutVersion: 1,
    plotSize: (el: Element) => [el.clientWidth, el.clientHeight] as [number, number],
    drawn: (k: string, a: unknown) => drawn.push([k, a]),
  };
}

describe('<vm-metrics> sparkline renderer (sparkline-renderer.ts)', () => {
  it('draws each shown series and its values on the tile canvas, says the trend, and draws only what is shown', () => {
    const root = tile();
    const history = new VmMetricsHistory({ capacity: 60 });
    for (let i = 0; i < 20; i++) history.add(1_000_000 + i * 5000, { cpu: { utilization: 10 + i * 4 }, memory: { used: 50, total: 100 } });
    const r = new SparklineRenderer(() => root, new MetricValues(() => 'en'));
    const drawn: [string, unknown][] = [];
    const trends = r.update(history, ['cpu', 'memory'], frame(drawn));
    // The hatch is on the canvas: no other marker of it is asked for.
    expect(drawn).to.deep.equal([
      ['cpu', null],
      ['memory', null],
    ]);
    expect([trends.cpu, trends.memPct]).to.deep.equal(['rising', 'steady']);
    const canvas = root.querySelector('canvas')!;
    expect(TileCanvas.of(canvas)).to.equal(r.canvas);
    const cpu = r.canvas!.drawn.get('cpu')!;
    // One unbroken run of 20 samples, in the series' colour, 0–100 %, and the value as text.
    expect(cpu.runs).to.deep.equal([[20]]);
    expect(cpu.colours).to.deep.equal(['rgb(255, 0, 0)']);
    expect(cpu.yMax).to.equal(100);
    expect(cpu.texts).to.deep.equal([{ text: '86%', cut: false }]);
    // 95 s of data in a 5-minute window: the rest of the plot, from its start, is hatched.
    expect(cpu.unfilledWidth).to.be.within(80, 84);
    expect(r.canvas!.drawn.get('memory')!.texts.map((t) => t.text)).to.deep.equal(['50%']);
    // The canvas covers the cards at the device's pixel ratio; the plot's pixels hold the line.
    expect(canvas.width).to.equal(Math.round(204 * devicePixelRatio));
    const ctx = canvas.getContext('2d')!;
    const painted = ctx.getImageData(0, 0, Math.round(120 * devicePixelRatio), Math.round(40 * devicePixelRatio)).data.some((v, i) => i % 4 === 3 && v > 0);
    expect(painted).to.equal(true);
    // A sample in the pixel drawn last (a pixel is 2.5 s): the values change, the plots stay.
    // (+1 s starts the next pixel; +2 s is in it.)
    history.add(1_000_000 + 19 * 5000 + 1000, { cpu: { utilization: 11 }, memory: { used: 60, total: 100 } });
    r.update(history, ['cpu', 'memory'], frame(drawn));
    history.add(1_000_000 + 19 * 5000 + 2000, { cpu: { utilization: 12 }, memory: { used: 60, total: 100 } });
    drawn.length = 0;
    r.update(history, ['cpu', 'memory'], frame(drawn));
    expect([drawn, r.canvas!.drawn.get('cpu')!.plotDraws, r.canvas!.drawn.get('cpu')!.texts[0]!.text]).to.deep.equal([[], 2, '12%']);
    drawn.length = 0;
    r.update(history, ['memory'], frame(drawn));
    expect(drawn.map(([k]) => k)).to.deep.equal(['memory']);
    expect([...r.canvas!.drawn.keys()]).to.deep.equal(['memory']);
    r.destroy();
    expect(TileCanvas.of(canvas)).to.equal(undefined);
    root.remove();
  });

  it('without a history draws the values as "—" and no line', () => {
    const root = tile();
    const r = new SparklineRenderer(() => root, new MetricValues(() => 'en'));
    const trends = r.update(null, ['cpu'], frame([]));
    expect(trends.cpu).to.equal(null);
    const cpu = r.canvas!.drawn.get('cpu')!;
    expect(cpu.runs).to.deep.equal([[]]);
    expect(cpu.texts.map((t) => t.text)).to.deep.equal(['—']);
    r.destroy();
    root.remove();
  });

  it("puts a window's right edge on the next whole pixel at or after the newest sample", () => {
    // 5 minutes over 60 px: a pixel is 5 s.
    expect([1_000_000, 1_000_001, 1_004_999, 1_005_000].map((t) => sparklineEdge(t, 300_000, 60))).to.deep.equal([1_000_000, 1_005_000, 1_005_000, 1_005_000]);
    // A width that does not divide the span: never left of the sample, whatever the rounding.
    for (let t = 1_700_000_000_000; t < 1_700_000_010_000; t += 777) expect(sparklineEdge(t, 900_000, 137)).to.be.at.least(t);
    // No box: the sample's own time.
    expect(sparklineEdge(1234, 300_000, 0)).to.equal(1234);
  });
});
