// <vm-metrics>: fed by the host through the `metrics` property (no socket), against the in-page
// LibGo peer (metrics every 200 ms), and one test on the reference server. One file on purpose: chart
// updates only happen in a visible page, and of two pages the runner opens at once only one is.
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { Chart as ChartClass } from 'chart.js';
import '../../../src/elements/vm-metrics/vm-metrics.define.js';
import type { VmMetrics, MetricsSample } from '../../../src/elements/vm-metrics/vm-metrics.js';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import { VmHub } from '../../../src/hub/index.js';
import { readTokenClaims } from '../../../src/hub/permissions.js';
import { RestClient } from '../../../src/transport/index.js';
import { createServer, type LibGoServer } from '../../setup/libgo.js';
import { visiblePage } from './visible-page.js';
import { SPARKLINE_INTERVAL_MS } from '../../../src/elements/vm-metrics/clocks.js';
import { Sparkline } from '../../../src/elements/vm-metrics/sparkline.js';
import { createInPagePeer, DEFAULT_VMS, type InPagePeer, type SimStatus } from '../../../src/testing/index.js';

/** The peer's sockets and fetch for a hub: nothing on the network. */
const peerSockets = (peer: InPagePeer) => ({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch });

// Chart.js is imported lazily, after the compact-tile tests checked that it is never requested.
let Chart: typeof ChartClass;
async function loadChart(): Promise<void> {
  Chart ??= (await import('chart.js')).Chart;
}

const GiB = 2 ** 30;
/** A value isolated from the sentence around it (FSI … PDI: internal/bidi.ts). */
const iso = (value: string) => `\u2068${value}\u2069`;
const MiB = 2 ** 20;
const T0 = Date.UTC(2026, 10, 25, 20, 0, 0);

async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function frames(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** Long enough for any chart update that is going to happen to have happened (shared draw clock). */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 2 * SPARKLINE_INTERVAL_MS));
  await frames(3);
}

function sample(t: number, over: Partial<MetricsSample> = {}): MetricsSample {
  return {
    timestamp: t,
    cpu: { utilization: 10 },
    memory: { used: 2 * GiB, total: 8 * GiB },
    network: { rxBytes: 0, txBytes: 0 },
    disk: { readBytes: 0, writeBytes: 0 },
    ...over,
  };
}

/** n samples every 5 s from T0 with steady counter growth (1 MiB/s rx, …). */
function steady(n: number, from = T0): MetricsSample[] {
  return Array.from({ length: n }, (_, k) =>
    sample(from + k * 5000, {
      cpu: { utilization: 20 + (k % 5) },
      network: { rxBytes: k * 5 * MiB, txBytes: k * 5 * 256 * 1024 },
      disk: { readBytes: k * 10 * MiB, writeBytes: k * 5 * 1024 },
    }),
  );
}

function text(el: VmMetrics, selector = '.base'): string {
  return (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function chartOf(el: VmMetrics, series: string): ChartClass {
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>(`canvas[data-series="${series}"]`)!;
  const chart = Chart.getChart(canvas);
  if (!chart) throw new Error(`no chart on the ${series} canvas`);
  return chart as ChartClass;
}

async function drawn(el: VmMetrics): Promise<void> {
  await until(() => el.history !== null && el.lastDrawnVersion === el.history.version, 'the charts to catch up');
}

function ys(chart: ChartClass, dataset = 0): (number | null)[] {
  return (chart.data.datasets[dataset].data as { y: number | null }[]).map((p) => p.y);
}

/** A compact tile's sparkline (an SVG element). */
function sparkSvgOf(el: VmMetrics, series: string): SVGSVGElement {
  return el.shadowRoot!.querySelector<SVGSVGElement>(`svg[data-series="${series}"]`)!;
}

function sparklineOf(el: VmMetrics, series: string): Sparkline {
  const spark = Sparkline.of(sparkSvgOf(el, series));
  if (!spark) throw new Error(`no sparkline on the ${series} SVG`);
  return spark;
}

/** Chart.js module requests since `since` (resource timing). */
function chartJsRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /[/@]chart\.js\/|chart\.js(\?|$)|@kurkle/.test(n));
}

/** Whether a line of the sparkline crosses its column at css x (in the viewBox's units, tenths of a px). */
function columnPainted(svg: SVGSVGElement, cssX: number): boolean {
  const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  const x = Math.round((cssX * w!) / svg.clientWidth);
  for (const line of svg.querySelectorAll<SVGPathElement>('path[stroke]')) {
    for (let y = 0; y <= h!; y += 2) if (line.isPointInStroke(new DOMPoint(x, y))) return true;
  }
  return false;
}

// First in the file on purpose: nothing may have imported Chart.js yet.
describe('<vm-metrics compact> sparklines (no Chart.js)', function () {
  before(async function () {
    this.timeout(160_000);
    await visiblePage();
  });

  it('a page of compact tiles never requests chart.js; a full panel does', async () => {
    // The resource timing buffer may be full of the test page's own modules: start afresh.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(100_000);
    const wrap = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(4, 220px)">
      ${Array.from({ length: 8 }, () => html`<vm-metrics compact></vm-metrics>`)}
    </div>`);
    const tiles = [...wrap.querySelectorAll('vm-metrics')];
    tiles.forEach((el, v) => (el.metrics = steady(10 + v)));
    for (const el of tiles) await drawn(el);
    await settle();
    for (const el of tiles) {
      expect(el.drawCount).to.be.greaterThan(0);
      for (const s of ['cpu', 'memory', 'network', 'disk']) expect(sparklineOf(el, s).runs[0]).to.deep.equal([10 + tiles.indexOf(el) - (s === 'network' || s === 'disk' ? 1 : 0)]);
    }
    expect(chartJsRequests()).to.deep.equal([]);

    // The check above can fail: a full panel on the same page does load Chart.js.
    const full = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    full.metrics = steady(3);
    await drawn(full);
    expect(chartJsRequests().length).to.be.greaterThan(0);
  });

  it('draws a counter reset as a gap in the sparkline', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics compact series="network" style="width: 320px"></vm-metrics>`);
    // 5 minutes of 1 MiB/s, the VM restarts at k = 30 (both counters back near 0), then 2 MiB/s.
    el.metrics = Array.from({ length: 61 }, (_, k) =>
      sample(T0 + k * 5000, {
        network: k < 30 ? { rxBytes: k * 5 * MiB, txBytes: k * 5 * MiB } : { rxBytes: (k - 30) * 10 * MiB, txBytes: (k - 30) * 10 * MiB },
      }),
    );
    await drawn(el);
    const spark = sparklineOf(el, 'network');
    // Sample 0 has no rate yet, sample 30 is the reset: two runs per line, 29 and 30 points.
    expect(spark.runs).to.deep.equal([
      [29, 30],
      [29, 30],
    ]);
    expect(spark.yMax).to.equal(2 * MiB);
    const svg = sparkSvgOf(el, 'network');
    const w = svg.clientWidth;
    // The viewBox is the plot's box in tenths of a pixel.
    expect(svg.getAttribute('viewBox')).to.equal(`0 0 ${w * 10} ${svg.clientHeight * 10}`);
    // x of sample k: the window is the last 5 minutes, sample 60 at the right edge.
    const xOf = (k: number) => (w * (k * 5000 - (60 * 5000 - 5 * 60_000))) / (5 * 60_000);
    expect(columnPainted(svg, xOf(15)), 'line before the reset').to.equal(true);
    expect(columnPainted(svg, xOf(45)), 'line after the reset').to.equal(true);
    expect(columnPainted(svg, xOf(30)), 'nothing drawn across the reset').to.equal(false);
    expect(svg.getAttribute('aria-label')).to.equal('Network rate: received 2 MiB/s, rising; sent 2 MiB/s, rising over the last 5 minutes');
  });

  it('hidden compact tiles draw nothing, and catch up when shown', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics compact style="width: 240px"></vm-metrics>`);
    el.metrics = steady(5);
    await drawn(el);
    const draws = el.drawCount;
    el.hidden = true;
    await frames(3);
    el.metrics = steady(20, T0 + 5 * 5000);
    await settle();
    expect(el.drawCount).to.equal(draws);
    expect(sparklineOf(el, 'cpu').runs[0]).to.deep.equal([5]);
    el.hidden = false;
    await drawn(el);
    expect(el.drawCount).to.equal(draws + 1);
    expect(sparklineOf(el, 'cpu').runs[0]).to.deep.equal([25]);
  });

  it('re-reads sparkline colours on a theme change', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics compact theme="light" series="cpu" style="width: 240px"></vm-metrics>`);
    el.metrics = steady(30);
    await drawn(el);
    const svg = sparkSvgOf(el, 'cpu');
    const paint = () => [...svg.querySelectorAll('path')].map((p) => `${p.getAttribute('fill')} ${p.getAttribute('stroke')}`).join(', ');
    const light = paint();
    expect(light).to.match(/rgb/);
    const draws = el.drawCount;
    el.theme = 'dark';
    await until(() => el.drawCount > draws, 'a redraw after the theme change');
    expect(paint()).not.to.equal(light);
  });
});

describe('<vm-metrics> host mode (metrics property)', function () {
  before(async function () {
    this.timeout(160_000);
    await visiblePage();
    await loadChart();
  });

  it('shows a waiting placeholder in every card until the first sample', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = [];
    await el.updateComplete;
    const placeholders = [...el.shadowRoot!.querySelectorAll('[part~="placeholder"]')];
    expect(placeholders).to.have.length(4);
    for (const p of placeholders) expect(p.textContent).to.contain('Waiting for the first sample…');
    await expect(el).to.be.accessible();
  });

  describe('current values row (inputs → text)', () => {
    const cases: { name: string; a: Partial<MetricsSample>; b: Partial<MetricsSample>; expect: Record<string, [string, string]> }[] = [
      {
        name: 'typical load',
        a: { network: { rxBytes: 0, txBytes: 0 }, disk: { readBytes: 0, writeBytes: 0 } },
        b: {
          cpu: { utilization: 42.5 },
          memory: { used: 2 * GiB, total: 8 * GiB },
          network: { rxBytes: 5 * MiB, txBytes: 5 * 1536 },
          disk: { readBytes: 10 * MiB, writeBytes: 0 },
        },
        expect: {
          cpu: ['42.5%', 'utilisation'],
          memory: ['25%', `${iso('2 GiB')} of ${iso('8 GiB')}`],
          network: ['↓ 1 MiB/s', '↑ 1.5 KiB/s sent'],
          disk: ['R 2 MiB/s', 'W 0 B/s'],
        },
      },
      {
        name: 'idle VM with a tiny memory footprint',
        a: {},
        b: { cpu: { utilization: 0 }, memory: { used: 512 * 1024, total: 1 * GiB } },
        expect: {
          cpu: ['0%', 'utilisation'],
          memory: ['0%', `${iso('512 KiB')} of ${iso('1 GiB')}`],
          network: ['↓ 0 B/s', '↑ 0 B/s sent'],
          disk: ['R 0 B/s', 'W 0 B/s'],
        },
      },
      {
        name: 'missing groups show a dash, not NaN',
        a: {},
        b: { memory: undefined, network: undefined },
        expect: {
          cpu: ['10%', 'utilisation'],
          memory: ['—', `${iso('—')} of ${iso('—')}`],
          network: ['↓ —', '↑ — sent'],
          disk: ['R 0 B/s', 'W 0 B/s'],
        },
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
        el.metrics = [sample(T0, c.a), sample(T0 + 5000, c.b)];
        await el.updateComplete;
        for (const [series, [primary, secondary]] of Object.entries(c.expect)) {
          expect(text(el, `.value[data-series="${series}"] .primary`), `${series} primary`).to.equal(primary);
          expect(text(el, `.value[data-series="${series}"] .secondary`), `${series} secondary`).to.equal(secondary);
        }
        expect(el.shadowRoot!.textContent).not.to.match(/NaN|undefined/);
      });
    }

    it('formats for the locale', async () => {
      const el = await fixture<VmMetrics>(html`<vm-metrics locale="de-DE"></vm-metrics>`);
      el.metrics = [sample(T0, { cpu: { utilization: 42.5 }, memory: { used: 1.5 * GiB, total: 8 * GiB } })];
      await el.updateComplete;
      expect(text(el, '.value[data-series="cpu"] .primary')).to.equal('42,5 %');
      expect(text(el, '.value[data-series="memory"] .secondary')).to.equal(`${iso('1,5 GiB')} of ${iso('8 GiB')}`);
    });
  });

  it('turns counters into rates and shows a counter reset as a gap, never a negative rate', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    const mk = (k: number, rx: number) => sample(T0 + k * 5000, { network: { rxBytes: rx, txBytes: 0 } });
    // 1 MiB/s, then the VM restarts (counter back near 0), then 2 MiB/s.
    el.metrics = [mk(0, 100 * MiB), mk(1, 105 * MiB), mk(2, 110 * MiB), mk(3, 1 * MiB)];
    await el.updateComplete;
    expect(text(el, '.value[data-series="network"] .primary')).to.equal('↓ —');
    el.metrics = [mk(4, 11 * MiB), mk(5, 21 * MiB)];
    await el.updateComplete;
    expect(text(el, '.value[data-series="network"] .primary')).to.equal('↓ 2 MiB/s');
    await drawn(el);
    const rx = ys(chartOf(el, 'network'), 0);
    expect(rx).to.deep.equal([null, 1 * MiB, 1 * MiB, null, 2 * MiB, 2 * MiB]);
    expect(rx.every((y) => y === null || y >= 0)).to.equal(true);
  });

  it('accepts RFC3339 timestamps and Dates, and skips samples it already has', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    const all = [
      sample(T0),
      sample(0, { timestamp: new Date(T0 + 5000).toISOString().replace('Z', '123456Z') }),
      sample(0, { timestamp: new Date(T0 + 10000) }),
    ];
    el.metrics = all.slice(0, 2);
    el.metrics = all; // a host handing over its whole array again
    expect(el.history!.series.length).to.equal(3);
    expect(el.history!.latest()!.t).to.equal(T0 + 10000);
  });

  it('skips invalid samples with a console warning and a vm-error event, keeping the valid ones', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const event = oneEvent(el, 'vm-error');
      el.metrics = [
        sample(T0),
        { timestamp: 'yesterday', cpu: { utilization: 5 } } as MetricsSample,
        sample(T0 + 5000, { cpu: { utilization: -3 } }),
        'garbage' as unknown as MetricsSample,
        sample(T0 + 10000, { cpu: { utilization: 33 } }),
      ];
      const e = await event;
      expect(e.detail.code).to.equal('INVALID_INPUT');
      expect(e.detail.message).to.contain('3 invalid metrics samples skipped');
      expect(e.detail.message).to.contain('timestamp');
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes('<vm-metrics>') && w.includes('invalid'))).to.equal(true);
    expect(el.history!.series.length).to.equal(2);
    await el.updateComplete;
    expect(text(el, '.value[data-series="cpu"] .primary')).to.equal('33%');
  });

  it('a single invalid sample pushed alone is reported and changes nothing', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = steady(3);
    const version = el.history!.version;
    const warn = console.warn;
    console.warn = () => {};
    try {
      const event = oneEvent(el, 'vm-error');
      el.metrics = { timestamp: T0 + 99_000 } as MetricsSample;
      expect((await event).detail.message).to.contain('at least one of cpu, memory, network or disk');
    } finally {
      console.warn = warn;
    }
    expect(el.history!.version).to.equal(version);
  });

  it('ignores vm-name once the host pushes samples', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics vm-name="web-01"></vm-metrics>`);
    el.metrics = steady(2);
    await el.updateComplete;
    expect(text(el, '.badge')).to.equal('Live');
    expect(el.history!.series.length).to.equal(2);
  });

  it('switching the window changes the range and the data drawn', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics style="width: 900px"></vm-metrics>`);
    el.metrics = steady(720); // one hour at 5 s
    await drawn(el);
    const last = T0 + 719 * 5000;
    let cpu = chartOf(el, 'cpu');
    expect(cpu.options.scales!.x!.min).to.equal(last - 5 * 60_000);
    const five = cpu.data.datasets[0].data as { x: number }[];
    expect(five[0].x).to.be.at.least(last - 5 * 60_000);
    expect(five).to.have.length(61);

    const button = [...el.shadowRoot!.querySelectorAll('.segmented button')].find((b) => b.textContent!.trim() === '1h')!;
    (button as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.window).to.equal('1h');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await until(() => chartOf(el, 'cpu').options.scales!.x!.min === last - 60 * 60_000, 'the 1 h range');
    cpu = chartOf(el, 'cpu');
    const hour = cpu.data.datasets[0].data as { x: number }[];
    expect(hour[0].x).to.be.below(last - 55 * 60_000);
    // 720 samples on a ~400 px wide chart are reduced to about one point per pixel.
    expect(hour.length).to.be.below(720);
    expect(hour.length).to.be.above(100);
  });

  it('pause keeps the view while data keeps arriving; resume catches up', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = steady(10);
    await drawn(el);
    const pause = el.shadowRoot!.querySelector<HTMLButtonElement>('button.pause')!;
    pause.click();
    await el.updateComplete;
    expect(el.paused).to.equal(true);
    expect(pause.getAttribute('aria-pressed')).to.equal('true');
    const draws = el.drawCount;
    const pts = chartOf(el, 'cpu').data.datasets[0].data.length;
    el.metrics = steady(5, T0 + 10 * 5000);
    await settle();
    expect(el.drawCount).to.equal(draws);
    expect(chartOf(el, 'cpu').data.datasets[0].data.length).to.equal(pts);
    expect(el.history!.series.length).to.equal(15);
    await el.updateComplete;
    expect(text(el, '.value[data-series="cpu"] .primary'), 'values stay live').to.equal('24%');
    expect(text(el, 'button.pause')).to.equal('Resume');

    pause.click();
    await drawn(el);
    expect(el.drawCount).to.be.greaterThan(draws);
    expect(chartOf(el, 'cpu').data.datasets[0].data.length).to.equal(15);
  });

  it('batches: many samples in one frame give at most one chart update', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = steady(2);
    await drawn(el);
    const draws = el.drawCount;
    const more = steady(50, T0 + 2 * 5000);
    for (const s of more) el.metrics = s;
    await drawn(el);
    expect(el.drawCount - draws).to.equal(1);
  });

  it('does no chart work while hidden, and catches up when shown again', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = steady(5);
    await drawn(el);
    const draws = el.drawCount;
    el.hidden = true;
    await frames(3);
    el.metrics = steady(20, T0 + 5 * 5000);
    await settle();
    expect(el.drawCount).to.equal(draws);
    el.hidden = false;
    await drawn(el);
    expect(el.drawCount).to.equal(draws + 1);
    expect(chartOf(el, 'cpu').data.datasets[0].data.length).to.equal(25);
  });

  it('does no chart work while scrolled off-screen', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="height: 300px; overflow: auto">
      <div style="height: 5000px"></div>
      <vm-metrics></vm-metrics>
    </div>`);
    const el = wrapper.querySelector('vm-metrics')!;
    await frames(3);
    el.metrics = steady(10);
    await settle();
    expect(el.drawCount).to.equal(0);
    expect(el.shadowRoot!.querySelector('canvas') && Chart.getChart(el.shadowRoot!.querySelector('canvas')!)).to.equal(undefined);
    el.scrollIntoView();
    await drawn(el);
    expect(el.drawCount).to.equal(1);
    await el.updateComplete;
    expect(text(el, '.value[data-series="cpu"] .primary'), 'the values row catches up too').to.equal('24%');
  });

  it('series="cpu memory" renders only those cards and values', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics series="cpu memory"></vm-metrics>`);
    el.metrics = steady(3);
    await drawn(el);
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="card"]')].map((c) => c.getAttribute('part'));
    expect(cards).to.deep.equal(['card cpu-card', 'card memory-card']);
    expect(el.shadowRoot!.querySelectorAll('.value')).to.have.length(2);
    expect(el.shadowRoot!.querySelectorAll('canvas')).to.have.length(2);
  });

  it('warns about unknown series names and shows all when none is valid', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    let el: VmMetrics;
    try {
      el = await fixture<VmMetrics>(html`<vm-metrics series="gpu"></vm-metrics>`);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.contain('unknown series "gpu"');
    expect(el.shadowRoot!.querySelectorAll('[part~="card"]')).to.have.length(4);
  });

  it('compact tiles: no axes, no controls, values in the tiles', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics compact style="width: 240px"></vm-metrics>`);
    el.metrics = steady(3);
    await drawn(el);
    expect(el.shadowRoot!.querySelector('.values')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.segmented')).to.equal(null);
    // SVG sparklines, no canvas: a canvas is a compositor layer of its own in every frame of a scroll.
    expect(el.shadowRoot!.querySelector('canvas'), 'no canvas in compact tiles').to.equal(null);
    const svg = sparkSvgOf(el, 'cpu');
    expect(sparklineOf(el, 'cpu').runs[0]).to.deep.equal([3]);
    expect(sparklineOf(el, 'network').runs).to.deep.equal([[2], [2]]);
    expect(svg.clientHeight).to.be.within(20, 60);
    expect(svg.clientWidth).to.equal(svg.parentElement!.clientWidth);
    expect([svg.getAttribute('role'), svg.getAttribute('aria-label')]).to.deep.equal(['img', 'CPU utilisation: 22%, steady over the last 5 minutes']);
    // The tile's frame contains its paint: scrolling a page of tiles then paints only the tiles
    // that change, not every tile in view (bench:fleet: paint 120 -> 24 ms a second).
    expect(getComputedStyle(el.shadowRoot!.querySelector('.base')!).contain).to.equal('paint');
    expect(text(el, '.tile-value[data-series="cpu"]')).to.equal('22%');
    const net = [...el.shadowRoot!.querySelectorAll('.tile-value[data-series="network"] span')].map((e) => e.textContent!.trim());
    expect(net).to.deep.equal(['↓ 1 MiB/s', '↑ 256 KiB/s']);
    await expect(el).to.be.accessible();
  });

  it('compact tiles: new values lay out their own box only, never the tile around it', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics compact style="width: 700px"></vm-metrics>`);
    el.metrics = steady(3);
    await drawn(el);
    const sizes = () => [el.getBoundingClientRect().height, ...[...el.shadowRoot!.querySelectorAll('.card')].map((c) => `${c.getBoundingClientRect().width}x${c.getBoundingClientRect().height}`)];
    const before = sizes();
    for (const box of el.shadowRoot!.querySelectorAll<HTMLElement>('.tile-value')) {
      const style = getComputedStyle(box);
      // Out of the flow and of fixed size: Chromium lays out only the box when its text changes.
      expect([style.position, style.contain], box.dataset.series).to.deep.equal(['absolute', 'strict']);
    }
    // Far longer values (a saturated 100 Gbit link, a busy disk) change no size around them.
    // steady(3)'s last sample: t = T0 + 10 s, rx 10 MiB, tx 2.5 MiB, read 20 MiB, write 10 KiB.
    el.metrics = sample(T0 + 15_000, {
      cpu: { utilization: 100 },
      network: { rxBytes: 10 * MiB + 5 * 12.5 * 1024 ** 3, txBytes: 2.5 * MiB + 5 * 11.9 * 1024 ** 3 },
      disk: { readBytes: 20 * MiB + 5 * 987 * MiB, writeBytes: 10 * 1024 + 5 * 1023 * MiB },
    });
    await drawn(el);
    await el.updateComplete;
    expect(text(el, '.tile-value[data-series="network"]')).to.match(/GiB\/s.*GiB\/s/);
    expect(sizes()).to.deep.equal(before);
  });

  it('compact tiles: in a narrow card the two rates go under the title, whole', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics compact style="width: 280px"></vm-metrics>`);
    el.metrics = [
      sample(T0, { network: { rxBytes: 0, txBytes: 0 } }),
      sample(T0 + 5000, { network: { rxBytes: 5 * 1023 * 1024, txBytes: 5 * 3.42 * MiB } }),
    ];
    await drawn(el);
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector<HTMLElement>('.card[data-series="network"]')!;
    expect(card.clientWidth, 'a narrow card').to.be.below(160);
    const lines = [...card.querySelectorAll<HTMLElement>('.tile-value > span')];
    expect(lines.map((l) => l.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['↓ 1023 KiB/s', '↑ 3.42 MiB/s']);
    const box = card.querySelector('.tile-value')!.getBoundingClientRect();
    for (const line of lines) {
      expect(line.scrollWidth, `${line.textContent} is cut off`).to.be.at.most(line.clientWidth);
      const r = line.getBoundingClientRect();
      expect(r.bottom, `${line.textContent} below its box`).to.be.at.most(box.bottom + 0.5);
    }
    // Widened, the rates go back beside the title (two lines, not three), and narrowed, under it.
    const head = card.querySelector<HTMLElement>('.card-head')!;
    const narrowHead = head.getBoundingClientRect().height;
    el.style.width = '1000px';
    await until(() => !card.hasAttribute('data-narrow'), 'a wide card');
    expect(card.clientWidth).to.be.above(160);
    expect(head.getBoundingClientRect().height).to.be.closeTo((narrowHead * 2) / 3, 1);
    expect(card.querySelector('.tile-value')!.getBoundingClientRect().left, 'beside the title').to.be.above(card.querySelector('.card-title')!.getBoundingClientRect().right - 0.5);
    // Hidden, a card keeps its mark: shown again wide, it is not narrow for a frame.
    el.style.display = 'none';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(card.hasAttribute('data-narrow'), 'no box says nothing').to.equal(false);
    el.style.display = '';
    el.style.width = '280px';
    await until(() => card.hasAttribute('data-narrow'), 'narrow again');
    expect(head.getBoundingClientRect().height).to.be.closeTo(narrowHead, 0.5);
  });

  it('canvases are images with the current value and the trend as text', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = Array.from({ length: 20 }, (_, k) => sample(T0 + k * 5000, { cpu: { utilization: 10 + k * 4 } }));
    await drawn(el);
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector('canvas[data-series="cpu"]')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('CPU utilisation: 86%, rising over the last 5 minutes');
    expect(el.shadowRoot!.querySelector('canvas[data-series="memory"]')!.getAttribute('aria-label')).to.equal(
      'Memory used: 25% (2 GiB of 8 GiB), steady over the last 5 minutes',
    );
    const group = el.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Time window');
    await expect(el).to.be.accessible();
  });

  it('reads chart colours from CSS custom properties and re-reads them on a theme change', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics theme="light" style="--vm-metrics-rx-color: rgb(255, 0, 0)"></vm-metrics>`);
    el.metrics = steady(3);
    await drawn(el);
    expect(chartOf(el, 'network').data.datasets[0].borderColor).to.equal('rgb(255, 0, 0)');
    const lightCpu = chartOf(el, 'cpu').data.datasets[0].borderColor;
    const draws = el.drawCount;
    el.theme = 'dark';
    await until(() => el.drawCount > draws, 'a redraw after the theme change');
    expect(chartOf(el, 'cpu').data.datasets[0].borderColor).not.to.equal(lightCpu);
    expect(chartOf(el, 'network').data.datasets[0].borderColor).to.equal('rgb(255, 0, 0)');
    await expect(el).to.be.accessible();
  });

  it('keeps its own history across detach and re-attach', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics></vm-metrics>`);
    el.metrics = steady(8);
    await drawn(el);
    const parent = el.parentNode!;
    el.remove();
    parent.appendChild(el);
    await drawn(el);
    expect(chartOf(el, 'cpu').data.datasets[0].data).to.have.length(8);
  });
});


function rates(el: VmMetrics, channel: 'rxRate' | 'txRate' | 'readRate' | 'writeRate'): { t: number; v: number }[] {
  const s = el.history?.series; // null until the first sample has been stored
  if (!s) return [];
  return Array.from({ length: s.length }, (_, i) => ({ t: s.time(i), v: s.get(channel, i) }));
}

// On the in-page LibGo peer (a fresh one per test, metrics every 200 ms as in the runner's server):
// the subject is what the element draws and says, not the network.
describe('<vm-metrics> with a LibGo peer', function () {
  this.timeout(30_000);
  let peer: InPagePeer;
  let token: string;
  let hub: VmHub;

  before(async function () {
    this.timeout(160_000);
    await visiblePage();
    await loadChart();
  });

  beforeEach(async () => {
    peer = createInPagePeer({ metricsIntervalMs: 200, transitionDelayMs: 20 });
    token = await peer.login('admin');
    hub = new VmHub({ ...peerSockets(peer), tokenProvider: () => token, lingerMs: 2000, backoff: { initialMs: 200, maxMs: 400 } });
  });

  afterEach(() => {
    hub.dispose();
    peer.close();
  });

  async function mount(vm: string, attrs = ''): Promise<VmMetrics> {
    const wrap = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}><vm-metrics vm-name=${vm} series=${attrs}></vm-metrics></vm-connection>`);
    return wrap.querySelector('vm-metrics')!;
  }

  it('draws live samples with formatted current values and is accessible', async () => {
    const el = await mount('web-01');
    await until(() => (el.history?.series.length ?? 0) >= 3, 'three samples');
    await until(() => el.lastDrawnVersion === el.history!.version || el.lastDrawnVersion > 0, 'a chart update');
    // A rate needs two samples, and the values row renders in the charts' paced frame: on a busy
    // machine the row can still show the first sample's (no rate yet) when the third is in.
    await until(() => text(el, '.value[data-series="network"] .primary') !== '↓ —', 'a network rate in the values row');
    await el.updateComplete;
    expect(text(el, '.badge')).to.equal('Live');
    expect(text(el, '.value[data-series="cpu"] .primary')).to.match(/^\d+(\.\d)?%$/);
    expect(text(el, '.value[data-series="memory"] .secondary')).to.match(/^\u2068[\d.]+ [KMG]iB\u2069 of \u2068[\d.]+ GiB\u2069$/);
    expect(text(el, '.value[data-series="network"] .primary')).to.match(/^↓ [\d.,]+ (B|KiB|MiB)\/s$/);
    expect(text(el)).not.to.match(/NaN|undefined/);
    await expect(el).to.be.accessible();
  });

  it('a VM restart resets the counters: a gap in the rates, never a negative one', async () => {
    const el = await mount('web-01');
    await until(() => rates(el, 'rxRate').filter((r) => Number.isFinite(r.v)).length >= 2, 'two rates');
    const before = el.history!.series.length;
    const restartAt = Date.now();
    const result = await peer.sim.runAction('web-01', 'restart');
    expect(result.success).to.equal(true);
    await until(() => el.history!.series.length >= before + 4, 'samples after the restart');
    for (const ch of ['rxRate', 'txRate', 'readRate', 'writeRate'] as const) {
      const all = rates(el, ch);
      expect(all.every((r) => Number.isNaN(r.v) || r.v >= 0), `${ch} never negative`).to.equal(true);
      const after = all.filter((r) => r.t >= restartAt - 50);
      expect(after.some((r) => Number.isNaN(r.v)), `${ch} has a gap at the restart`).to.equal(true);
      expect(Number.isFinite(after[after.length - 1].v), `${ch} recovers`).to.equal(true);
    }
  });

  it('a stopped VM says so in every card', async () => {
    const el = await mount('db-01');
    await until(() => text(el).includes('VM is stopped — no live metrics'), 'the stopped message');
    expect([...el.shadowRoot!.querySelectorAll('[part~="placeholder"]')].map((p) => p.textContent!.trim())).to.deep.equal(
      Array(4).fill('VM is stopped — no live metrics'),
    );
    await expect(el).to.be.accessible();
  });

  it('a running VM that stops keeps its data, greyed, with the message over it', async () => {
    const el = await mount('web-01', 'cpu');
    await until(() => (el.history?.series.length ?? 0) >= 2 && el.lastDrawnVersion > 0, 'data drawn');
    peer.sim.forceStatus('web-01', 'stopped');
    await until(() => text(el).includes('VM is stopped'), 'the stopped message');
    expect(el.shadowRoot!.querySelector('.plot')!.hasAttribute('data-dim')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.placeholder.overlay')).to.not.equal(null);
    expect(el.history!.series.length).to.be.at.least(2);
  });

  it('words the VM status in its badge as every element does (internal/status-words.ts)', async () => {
    const el = await mount('web-01', 'cpu');
    await until(() => text(el, '.badge') === 'Live', 'live');
    // [status forced on the server, the badge's words: those of vm-detail's and vm-list's badges]
    const table: [SimStatus, string][] = [
      ['shutdown', 'Shut down'],
      ['crashed', 'Crashed'],
      ['paused', 'Paused'],
      ['error', 'Error'],
    ];
    const seen: string[] = [];
    for (const [status, words] of table) {
      peer.sim.forceStatus('web-01', status);
      await until(() => text(el, '.badge') === words || el.shadowRoot!.querySelector('.badge')!.textContent!.includes(status), `the ${status} badge`);
      seen.push(text(el, '.badge'));
    }
    expect(seen).to.deep.equal(table.map(([, words]) => words));
  });

  it('an unknown VM shows "not found"', async () => {
    const el = await mount('no-such-vm');
    await until(() => text(el).includes('was not found'), 'the not-found message');
    expect(text(el, '.badge')).to.equal('VM not found');
  });

  it('a bad token shows "not signed in" without a reconnect loop', async () => {
    hub = new VmHub({ ...peerSockets(peer), tokenProvider: () => 'not-a-token' });
    const el = await mount('web-01');
    await until(() => text(el).includes('Not signed in'), 'the unauthorized message');
    await expect(el).to.be.accessible();
  });

  it('history survives removing the element and putting it back within the linger', async () => {
    const el = await mount('web-01');
    await until(() => (el.history?.series.length ?? 0) >= 4, 'four samples');
    const history = el.history!;
    const parent = el.parentNode!;
    el.remove();
    expect(el.history).to.equal(null);
    parent.appendChild(el);
    await el.updateComplete;
    expect(el.history).to.equal(history);
    const n = history.series.length;
    expect(n).to.be.at.least(4);
    await until(() => el.lastDrawnVersion >= 0, 'a chart update');
    const { Chart } = await import('chart.js');
    const chart = Chart.getChart(el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[data-series="cpu"]')!)!;
    expect(chart.data.datasets[0].data.length).to.be.at.least(4);
  });
});

// Stays on the reference server: its subject is the server going away (port closed, sockets cut
// over real TCP) and coming back on the same port.
describe('<vm-metrics> with the reference server', function () {
  this.timeout(30_000);
  let server: LibGoServer;
  let hub: VmHub;

  before(async function () {
    this.timeout(160_000);
    await visiblePage();
    await loadChart();
    server = await createServer();
    const { token } = await new RestClient({ serverUrl: server.url }).login('admin', 'admin123');
    hub = new VmHub({ serverUrl: server.url, tokenProvider: () => token, lingerMs: 2000, backoff: { initialMs: 200, maxMs: 400 } });
  });

  after(async () => {
    hub?.dispose();
    await server?.close();
  });

  async function mount(vm: string, attrs = ''): Promise<VmMetrics> {
    const wrap = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}><vm-metrics vm-name=${vm} series=${attrs}></vm-metrics></vm-connection>`);
    return wrap.querySelector('vm-metrics')!;
  }

  it('a dropped server: data kept and greyed, reconnect countdown, live again after', async () => {
    const el = await mount('web-01');
    await until(() => (el.history?.series.length ?? 0) >= 2 && el.lastDrawnVersion > 0, 'data drawn');
    const n = el.history!.series.length;
    await server.stop();
    await until(() => /Reconnect/.test(text(el, '.badge')), 'the reconnecting badge');
    expect(el.history!.series.length).to.be.at.least(n);
    expect(el.shadowRoot!.querySelector('.plot')!.hasAttribute('data-dim')).to.equal(true);
    expect(text(el, '[role="status"]')).to.match(/Connection lost|Reconnect/);
    await server.start();
    await until(() => text(el, '.badge') === 'Live', 'live again', 15_000);
  });

});

describe('<vm-metrics compact> dashboard on a hub', function () {
  this.timeout(60_000);

  it('renders every tile in shared frames, not one frame per tile per sample', async () => {
    await visiblePage();
    // Eight running VMs, each sampled every 100 ms on its own phase (their sockets open one by one).
    const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running')!;
    const vms = Array.from({ length: 8 }, (_, i) => ({ ...template, name: `tile-${i}`, initialStatus: 'running' as const }));
    const peer = createInPagePeer({ vms, metricsIntervalMs: 100, latencyMs: 7 });
    const token = await peer.login('viewer');
    const hub = new VmHub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch, tokenProvider: () => token });
    const root = await fixture<HTMLElement>(html`<vm-connection .hub=${hub} style="display: grid; grid-template-columns: repeat(4, 200px)">
      ${vms.map((vm) => html`<vm-metrics compact vm-name=${vm.name}></vm-metrics>`)}
    </vm-connection>`);
    const tiles = [...root.querySelectorAll('vm-metrics')] as VmMetrics[];
    await until(() => tiles.every((t) => (t.history?.series.length ?? 0) >= 2 && t.lastDrawnVersion > 0), 'every tile drawn');

    let frame = 0;
    let running = true;
    const tick = () => {
      frame++;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const framesWithRenders = new Set<number>();
    let renders = 0;
    for (const tile of tiles) {
      const proto = Object.getPrototypeOf(tile) as { updated: (c: unknown) => void };
      Object.defineProperty(tile, 'updated', {
        configurable: true,
        value(this: VmMetrics, changed: unknown) {
          renders++;
          framesWithRenders.add(frame);
          proto.updated.call(this, changed);
        },
      });
    }
    const samplesBefore = tiles.reduce((n, t) => n + t.history!.series.length, 0);
    await new Promise((r) => setTimeout(r, 3000));
    running = false;
    const samples = tiles.reduce((n, t) => n + t.history!.series.length, 0) - samplesBefore;
    // About 240 samples (and as many status messages) arrived on 8 phases; the tiles re-rendered
    // together, at most once per second of the compact clock (plus a frame of slack at each end).
    expect(samples, 'samples arrived').to.be.greaterThan(100);
    expect(renders, 'tiles re-rendered').to.be.greaterThan(0);
    expect(framesWithRenders.size, `frames with renders (of ${frame})`).to.be.at.most(5);
    root.remove();
    hub.dispose();
    peer.close();
  });
});

describe('<vm-metrics> filling state and history kept across page loads', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(160_000);
    await visiblePage();
    await loadChart();
  });

  const fillingText = (el: VmMetrics) => el.shadowRoot!.querySelector('[part~="filling"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const unfilledWidths = (el: VmMetrics) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('.unfilled')].map((u) => (u.hidden ? 0 : u.getBoundingClientRect().width));

  it('says how much of the window it has, and hatches the rest, until the window is full', async () => {
    const el = await fixture<VmMetrics>(html`<vm-metrics label="web-01" locale="en-GB"></vm-metrics>`);
    el.metrics = steady(5);
    await el.updateComplete;
    await until(() => el.lastDrawnVersion >= 0, 'a draw');
    await settle();
    expect(fillingText(el)).to.equal(`Collecting data — ${iso('20 s')} of ${iso('5 min')}`);
    const plot = el.shadowRoot!.querySelector('.plot')!.getBoundingClientRect().width;
    for (const w of unfilledWidths(el)) {
      expect(w, 'most of the plot is hatched').to.be.within(plot * 0.6, plot);
    }
    el.window = '15m';
    await el.updateComplete;
    expect(fillingText(el)).to.equal(`Collecting data — ${iso('20 s')} of ${iso('15 min')}`);
    el.metrics = steady(200);
    await el.updateComplete;
    await settle();
    expect(fillingText(el), 'full: no caption').to.equal(null);
    expect(unfilledWidths(el).every((w) => w === 0), 'full: no hatching').to.equal(true);
    await expect(el).to.be.accessible();
  });

  /** A page that watched web-01 for a while, then went away `awayMs` ago. */
  async function earlierPage(databaseName: string, awayMs: number) {
    const peer = createInPagePeer({ seed: 1, metricsIntervalMs: 60_000 });
    const token = await peer.login('admin');
    const { keeperFor } = await import('../../../src/hub/history-store.js');
    const { VmMetricsHistory } = await import('../../../src/metrics/vm-metrics-history.js');
    const h = new VmMetricsHistory();
    const end = Date.now() - awayMs;
    for (const s of steady(24, end - 23 * 5000)) h.add(s.timestamp as number, s);
    const keeper = await keeperFor({ vmName: 'web-01', serverUrl: peer.serverUrl }, readTokenClaims(token)!.userId, { databaseName });
    keeper!.saveHistory(h, end);
    await keeper!.flush();
    return { peer, token };
  }

  it('a new page shows the kept history at once, dimmed until live data comes; no-persist-history shows none', async () => {
    const databaseName = `vm-metrics-kept-${Date.now()}`;
    const { peer, token } = await earlierPage(databaseName, 60_000);
    const hub = new VmHub({ serverUrl: peer.serverUrl, socketFactory: peer.socketFactory, fetch: peer.fetch, tokenProvider: () => token, persistHistory: { databaseName } });
    const root = await fixture<HTMLElement>(html`<vm-connection .hub=${hub}>
      <vm-metrics vm-name="web-01" window="15m"></vm-metrics>
      <vm-metrics vm-name="web-01" window="15m" no-persist-history></vm-metrics>
    </vm-connection>`);
    const [kept, off] = [...root.querySelectorAll('vm-metrics')] as VmMetrics[];
    // Both show the one shared session: the element that asked for no persistence turned it off
    // before the kept history was read.
    await settle();
    expect(kept!.history, 'nothing restored when an element on the page says no').to.equal(null);
    expect(off!.history).to.equal(null);
    root.remove();
    hub.dispose();

    // Kept, and nobody says no: restored before any live sample.
    const again = await earlierPage(databaseName, 60_000);
    const hub2 = new VmHub({ serverUrl: again.peer.serverUrl, socketFactory: again.peer.socketFactory, fetch: again.peer.fetch, tokenProvider: () => again.token, persistHistory: { databaseName } });
    const el = await fixture<VmMetrics>(html`<vm-connection .hub=${hub2}><vm-metrics vm-name="web-01" window="15m"></vm-metrics></vm-connection>`).then(
      (c) => c.querySelector('vm-metrics') as VmMetrics,
    );
    await until(() => (el.history?.series.length ?? 0) === 24, 'the kept history');
    await until(() => el.lastDrawnVersion === el.history!.version, 'drawn');
    await el.updateComplete;
    const placeholders = [...el.shadowRoot!.querySelectorAll('[part~="placeholder"]')].map((p) => p.textContent!.trim());
    expect(placeholders).to.deep.equal(Array(4).fill('Waiting for the first sample… LibGo sends one every 5 s'));
    expect(el.shadowRoot!.querySelector('.plot[data-dim]'), 'dimmed: not live').to.not.equal(null);
    el.closest('vm-connection')!.remove();
    hub2.dispose();
    again.peer.close();
    peer.close();
  });
});
