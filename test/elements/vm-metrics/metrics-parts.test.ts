/// <reference types="mocha" />
// Unit tests of <vm-metrics>'s own modules: series specs, values, theme colours, chart renderer.
import { expect } from '@open-wc/testing';
import type { Chart } from 'chart.js';
import { ChartRenderer } from '../../../src/elements/vm-metrics/chart-renderer.js';
import { withAlpha, type Theme } from '../../../src/elements/vm-metrics/chart-theme.js';
import { MetricValues } from '../../../src/elements/vm-metrics/metric-values.js';
import { duration, parseSeries, windowSpan, type MetricWindow } from '../../../src/elements/vm-metrics/series-specs.js';
import { VmMetricsHistory } from '../../../src/metrics/vm-metrics-history.js';

describe('<vm-metrics> series specs (series-specs.ts)', () => {
  const cases: [string | undefined, string[], string[]][] = [
    [undefined, ['cpu', 'memory', 'network', 'disk'], []],
    ['disk cpu', ['cpu', 'disk'], []],
    ['cpu,gpu', ['cpu'], ['gpu']],
    ['gpu', ['cpu', 'memory', 'network', 'disk'], ['gpu']],
  ];
  for (const [value, list, unknown] of cases) {
    it(`reads series=${JSON.stringify(value)}`, () => expect(parseSeries(value)).to.deep.equal({ list, unknown }));
  }
  it('says durations in whole units and falls back to 5 minutes for an unknown window', () => {
    expect(duration(20_500)).to.equal('20 s');
    expect(duration(12.9 * 60_000)).to.equal('12 min');
    expect(windowSpan('1h')).to.equal(3_600_000);
    expect(windowSpan('2d' as MetricWindow)).to.equal(300_000);
  });
});

describe('<vm-metrics> values (metric-values.ts)', () => {
  const snapshot = { cpu: 12.5, memPct: 50, memUsed: 1024 ** 3, memTotal: 2 * 1024 ** 3, rxRate: 2048, txRate: 0, readRate: 0, writeRate: 1024 };

  it('writes the current values in the locale', () => {
    const v = new MetricValues(() => 'en-US');
    // Each size isolated from the sentence (FSI … PDI): a right-to-left page keeps "2 GiB" whole.
    expect(v.current('memory', snapshot as never).secondary).to.match(/^\u20681(\.0)? GiB\u2069 of \u20682(\.0)? GiB\u2069$/);
    expect(v.current('network', snapshot as never).parts).to.have.length(2);
    expect(new MetricValues(() => 'de-DE').current('cpu', snapshot as never).primary).to.contain('12,5');
  });

  it('says the current value and trend as the chart text', () => {
    const v = new MetricValues(() => 'en-US');
    const text = v.altText('network', snapshot as never, '15m', { rxRate: 'rising' as never });
    expect(text).to.match(/^Network rate: received .+, rising; sent .+ over the last 15 minutes$/);
  });
});

describe('<vm-metrics> theme (chart-theme.ts)', () => {
  it('makes any CSS colour translucent', () => {
    expect(withAlpha('#ff0000', 0.5)).to.equal('rgba(255, 0, 0, 0.5)');
    expect(withAlpha('rgb(0, 128, 0)', 0.12)).to.equal('rgba(0, 128, 0, 0.12)');
  });
});

describe('<vm-metrics> chart renderer (chart-renderer.ts)', () => {
  /** Stands in for Chart.js: keeps the config, counts updates and destroys. */
  class FakeChart {
    static made: FakeChart[] = [];
    updates = 0;
    destroyed = false;
    chartArea = { left: 1, top: 2, width: 3, height: 4 };
    data: { datasets: { data: unknown; borderColor?: string }[] };
    options: { scales: { x: { min?: number; max?: number; ticks: object }; y: { ticks: object } }; plugins: { tooltip: object } };
    constructor(
      readonly canvas: HTMLCanvasElement,
      config: { data: FakeChart['data']; options: FakeChart['options'] },
    ) {
      this.data = config.data;
      this.options = config.options;
      FakeChart.made.push(this);
    }
    resize() {}
    update() {
      this.updates++;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const theme = { colours: {}, fills: {}, grid: 'g', text: 't', muted: 'm', surface: 's', border: 'b', font: 'f' } as Theme;

  it('makes a chart per shown series, draws the window, and drops the ones no longer shown', () => {
    const root = document.createElement('div');
    root.innerHTML = '<div><canvas data-series="cpu"></canvas></div><div><canvas data-series="disk"></canvas></div>';
    const history = new VmMetricsHistory({ capacity: 10 });
    history.add(1_000_000, { cpu: { utilization: 10 }, memory: { used: 1, total: 2 } });
    const r = new ChartRenderer(() => root, new MetricValues(() => 'en-US'), () => history);
    expect(r.ready(['cpu', 'disk'])).to.equal(false);
    r.ensure(FakeChart as unknown as typeof Chart, ['cpu', 'disk']);
    expect(r.ready(['cpu', 'disk'])).to.equal(true);
    const drawn: string[] = [];
    const frame = { window: '5m' as const, theme, styleVersion: 1, plotSize: () => [200, 100] as [number, number], drawn: (k: string) => drawn.push(k) };
    r.update(history, ['cpu', 'disk'], frame);
    const [cpu, disk] = FakeChart.made.slice(-2) as [FakeChart, FakeChart];
    expect(cpu.options.scales.x.max).to.equal(1_000_000);
    expect(cpu.options.scales.x.min).to.equal(1_000_000 - 300_000);
    expect(drawn).to.deep.equal(['cpu', 'disk']);
    r.update(history, ['cpu'], frame);
    expect(disk.destroyed).to.equal(true);
    expect(cpu.updates).to.equal(2);
    r.destroy();
    expect(cpu.destroyed).to.equal(true);
  });
});
