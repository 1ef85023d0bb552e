/**
 * Bench only: a compact tile as it drew before its one canvas (tile-canvas.ts), to measure the two
 * side by side: a sparkline of SVG paths in each card's `svg.spark`, the values written as DOM
 * text into `.tile-value`, and the hatch of what the window has no data for as a positioned
 * element over the plot. The same points, edges and trends as the shipped renderer.
 */
import type { MetricChannel } from '../../src/metrics/index.js';
import type { VmMetricsHistory } from '../../src/metrics/vm-metrics-history.js';
import type { DrawFrame, SeriesRenderer } from '../../src/elements/vm-metrics/chart-renderer.js';
import { PointPool, pointsInWindow, trendOf, type ChartPoint, type Trend } from '../../src/elements/vm-metrics/downsample.js';
import type { MetricValues } from '../../src/elements/vm-metrics/metric-values.js';
import { SPECS, readMark, writeMark, windowSpan, type MetricSeries } from '../../src/elements/vm-metrics/series-specs.js';
import { sparklineEdge } from '../../src/elements/vm-metrics/sparkline-renderer.js';
import { placeUnfilled, windowFill } from '../../src/elements/vm-metrics/window-fill.js';
import { Sparkline, type SparklineSeries } from './svg-sparkline.js';

const NO_POINTS: readonly ChartPoint[] = Object.freeze([]);
const POINTS = new PointPool();

interface Slot {
  spark: Sparkline;
  svg: SVGSVGElement;
  lines: SparklineSeries[];
  hatch: HTMLElement;
  /** The values last written, compared here rather than read back from the DOM. */
  text: string;
  /** What the paths were drawn from, and their trends: redrawn when the edge moves a whole pixel, as before. */
  plotKey: string;
  trends: Partial<Record<MetricChannel, Trend | null>>;
}

export class SvgTileRenderer implements SeriesRenderer {
  private readonly slots = new Map<MetricSeries, Slot>();

  constructor(
    private readonly root: () => ParentNode,
    private readonly values: MetricValues,
  ) {}

  update(history: VmMetricsHistory | null, shown: readonly MetricSeries[], frame: DrawFrame): Partial<Record<MetricChannel, Trend | null>> {
    this.ensure(shown);
    const trends: Partial<Record<MetricChannel, Trend | null>> = {};
    const series = history && history.series.length > 0 ? history.series : null;
    const span = windowSpan(frame.window);
    const latest = history?.latest() ?? null;
    const fill = series ? windowFill(series.time(0), series.lastTime, span) : null;
    for (const key of shown) {
      const slot = this.slots.get(key);
      if (!slot) continue;
      const spec = SPECS[key];
      this.writeValues(key, slot, latest);
      if (!series) continue;
      const [width, height] = frame.plotSize(slot.svg.parentElement!);
      slot.spark.resize(width, height);
      const toT = sparklineEdge(series.lastTime, span, width);
      const fromT = toT - span;
      const plotKey = `${series.time(0)}-${toT}|${width}x${height}|${frame.window}|${frame.styleVersion}`;
      if (plotKey === slot.plotKey) {
        Object.assign(trends, slot.trends);
        continue;
      }
      slot.plotKey = plotKey;
      slot.trends = {};
      const points = pointsInWindow(series, spec.channels, fromT, toT, Math.max(16, Math.floor(width / 2)), POINTS);
      spec.channels.forEach((ch, i) => {
        const line = slot.lines[i]!;
        line.points = points[i]!;
        line.colour = frame.theme.colours[spec.colourVars[i]!]!;
        line.fill = frame.theme.fills[spec.colourVars[i]!] ?? null;
        trends[ch] = slot.trends[ch] = trendOf(points[i]!, spec.kind === 'percent' ? 2 : 1024, 0.1);
      });
      slot.spark.draw(slot.lines, fromT, toT, spec.kind === 'percent' ? 100 : 0);
      placeUnfilled(slot.hatch, fill, { left: 0, top: 0, width, height });
      for (const line of slot.lines) line.points = NO_POINTS;
    }
    return trends;
  }

  destroy(): void {
    for (const slot of this.slots.values()) {
      slot.spark.destroy();
      slot.hatch.remove();
    }
    this.slots.clear();
  }

  /** The values as the tile's DOM held them: a line per part, each number isolated in a <bdi>. */
  private writeValues(key: MetricSeries, slot: Slot, latest: Parameters<MetricValues['current']>[1]): void {
    const el = this.root().querySelector<HTMLElement>(`.tile-value[data-series="${key}"]`);
    if (!el) return;
    const v = this.values.run(() => this.values.current(key, latest));
    const [a, b] = key === 'network' ? ['↓', '↑'] : [readMark(), writeMark()];
    const text = v.parts.length > 0 ? `${a}\u0000${v.parts[0]}\u0000${b}\u0000${v.parts[1]}` : v.primary;
    if (text === slot.text && el.firstChild) return;
    slot.text = text;
    // The box's text styles of before (the canvas draws its text at the end of the box itself).
    if (!el.style.textAlign) el.style.cssText = 'text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums';
    const bdi = (s: string) => Object.assign(document.createElement('bdi'), { textContent: s });
    if (v.parts.length === 0) el.replaceChildren(bdi(v.primary));
    else {
      const line = (mark: string, part: string) => {
        const span = document.createElement('span');
        span.append(`${mark} `, bdi(part));
        span.style.display = 'block';
        return span;
      };
      el.replaceChildren(line(a, v.parts[0]!), line(b, v.parts[1]!));
    }
  }

  private ensure(shown: readonly MetricSeries[]): void {
    // The tile's canvas stays unused: out of the page's layers, as before it was there.
    const canvas = this.root().querySelector<HTMLElement>('canvas.tile-canvas');
    if (canvas) canvas.style.display = 'none';
    for (const [s, slot] of this.slots) {
      if (shown.includes(s)) continue;
      slot.spark.destroy();
      slot.hatch.remove();
      this.slots.delete(s);
    }
    for (const s of shown) {
      const svg = this.root().querySelector<SVGSVGElement>(`svg[data-series="${s}"]`);
      const existing = this.slots.get(s);
      if (existing && existing.svg === svg) continue;
      existing?.spark.destroy();
      existing?.hatch.remove();
      this.slots.delete(s);
      if (!svg) continue;
      const hatch = document.createElement('div');
      hatch.className = 'unfilled';
      hatch.hidden = true;
      svg.after(hatch);
      const lines = SPECS[s].channels.map(() => ({ points: NO_POINTS, colour: '', fill: null as string | null }));
      this.slots.set(s, { spark: new Sparkline(svg), svg, lines, hatch, text: '', plotKey: '', trends: {} });
    }
  }
}
