/// <reference types="mocha" />
// A compact tile's sparklines behind the renderer interface the charts share (sparkline-renderer.ts).
import { expect } from '@open-wc/testing';
import type { Theme } from '../../../src/elements/vm-metrics/chart-theme.js';
import { SparklineRenderer, sparklineEdge } from '../../../src/elements/vm-metrics/sparkline-renderer.js';
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

describe('<vm-metrics> sparkline renderer (sparkline-renderer.ts)', () => {
  it('draws each shown series in its SVG element, says the trend, and lets go of the ones no longer shown', () => {
    const root = document.createElement('div');
    root.innerHTML = '<div><svg data-series="cpu"></svg></div><div><svg data-series="memory"></svg></div>';
    document.body.append(root);
    const history = new VmMetricsHistory({ capacity: 60 });
    for (let i = 0; i < 20; i++) history.add(1_000_000 + i * 5000, { cpu: { utilization: 10 + i * 4 }, memory: { used: 50, total: 100 } });
    const r = new SparklineRenderer(() => root);
    const drawn: [string, number, number][] = [];
    const frame = {
      window: '5m' as const,
      theme,
      styleVersion: 1,
      plotSize: () => [120, 40] as [number, number],
      drawn: (k: string, a: { width: number; height: number } | null) => drawn.push([k, a!.width, a!.height]),
    };
    const trends = r.update(history, ['cpu', 'memory'], frame);
    // Sparklines hatch in their own drawing: the element's hatch box is not asked for.
    expect(drawn).to.deep.equal([]);
    expect([trends.cpu, trends.memPct]).to.deep.equal(['rising', 'steady']);
    const cpu = root.querySelector<SVGSVGElement>('svg[data-series="cpu"]')!;
    // Sized to the plot (in tenths of a pixel), a filled area and a line in the series' colours.
    expect(cpu.getAttribute('viewBox')).to.equal('0 0 1200 400');
    // 95 s of data in a 5-minute window: the 205 s before the oldest sample are hatched, in the
    // muted colour (an edge at 205 / 300 × 120 = 82 px).
    const [stripes, edge, area, line] = [...cpu.querySelectorAll('path')];
    expect([edge!.getAttribute('d'), edge!.getAttribute('stroke'), stripes!.getAttribute('stroke')]).to.deep.equal(['M820 0V400', 'm', 'm']);
    expect([area!.getAttribute('fill'), line!.getAttribute('stroke'), line!.getAttribute('fill')]).to.deep.equal(['rgba(255, 0, 0, 0.1)', 'rgb(255, 0, 0)', 'none']);
    expect(line!.getAttribute('d')).to.match(/^M\d+ \d+(l-?\d+ -?\d+){19}$/);
    // Memory has no fill colour: its area is not filled.
    expect(root.querySelectorAll('svg[data-series="memory"] path')[2]!.getAttribute('fill')).to.equal('none');
    // A full window (60 samples 6 s apart, the capacity): no hatch.
    for (let i = 20; i < 80; i++) history.add(1_100_000 + i * 6000, { cpu: { utilization: 50 }, memory: { used: 50, total: 100 } });
    r.update(history, ['cpu', 'memory'], frame);
    expect([...cpu.querySelectorAll('path')].slice(0, 2).map((p) => p.getAttribute('d'))).to.deep.equal(['', '']);
    r.update(history, ['memory'], frame);
    expect(cpu.querySelectorAll('path')).to.have.length(0);
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
