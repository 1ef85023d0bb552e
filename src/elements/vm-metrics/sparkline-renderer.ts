/**
 * A compact tile's sparklines, behind the same renderer interface as the full panel's charts
 * (`SeriesRenderer`): one small SVG drawing per series, in the frame it is asked for, and no
 * Chart.js to load.
 */
import type { MetricChannel } from '../../metrics/index.js';
import type { VmMetricsHistory } from '../../metrics/vm-metrics-history.js';
import type { DrawFrame, SeriesRenderer } from './chart-renderer.js';
import { PointPool, pointsInWindow, trendOf, type ChartPoint, type Trend } from './downsample.js';
import { SPECS, windowSpan, type MetricSeries } from './series-specs.js';
import { Sparkline, type SparklineSeries } from './sparkline.js';

/**
 * The right edge of a sparkline's window: the newest sample's time rounded up to a whole pixel of
 * a plot `width` px wide showing `span` ms. A tile is drawn again only when this edge moves, so
 * its line advances a whole pixel at a time (5 minutes over 60 px: every 5 s), and a sample in
 * the pixel already drawn waits for the next one: redrawing 100 tiles for a fifth of a pixel each
 * second doubled what a dashboard cost (bench:metrics), for a change no one can see.
 */
export function sparklineEdge(lastTime: number, span: number, width: number): number {
  if (!(width > 0)) return lastTime;
  const px = span / width;
  // Never left of the newest sample, whatever the division rounded.
  return Math.max(lastTime, Math.ceil(lastTime / px) * px);
}

const NO_POINTS: readonly ChartPoint[] = Object.freeze([]);
/** One pool for every tile of the page: a sparkline's points are drawn at once and then let go. */
const POINTS = new PointPool();

/** A tile's sparkline and what it draws (reused between draws). */
interface SparkSlot {
  spark: Sparkline;
  svg: SVGSVGElement;
  lines: SparklineSeries[];
}

export class SparklineRenderer implements SeriesRenderer {
  private readonly slots = new Map<MetricSeries, SparkSlot>();

  /** `root` is where the sparklines' SVG elements are (`svg[data-series=…]`). */
  constructor(private readonly root: () => ParentNode) {}

  update(history: VmMetricsHistory, shown: readonly MetricSeries[], frame: DrawFrame): Partial<Record<MetricChannel, Trend | null>> {
    this.ensure(shown);
    const { theme } = frame;
    const series = history.series;
    const span = windowSpan(frame.window);
    const trends: Partial<Record<MetricChannel, Trend | null>> = {};
    for (const key of shown) {
      const slot = this.slots.get(key);
      if (!slot) continue;
      const spec = SPECS[key];
      const [width, height] = frame.plotSize(slot.svg.parentElement!);
      slot.spark.resize(width, height);
      const toT = sparklineEdge(series.lastTime, span, width);
      const fromT = toT - span;
      // Two points per bucket: about one point per horizontal pixel.
      const points = pointsInWindow(series, spec.channels, fromT, toT, Math.max(16, Math.floor(width / 2)), POINTS);
      spec.channels.forEach((ch, i) => {
        const line = slot.lines[i]!;
        line.points = points[i]!;
        line.colour = theme.colours[spec.colourVars[i]!];
        line.fill = theme.fills[spec.colourVars[i]!];
        trends[ch] = trendOf(points[i]!, spec.kind === 'percent' ? 2 : 1024, 0.1);
      });
      // 0–100 % (more if a value goes beyond); rates from 0 to the window's largest.
      slot.spark.draw(slot.lines, fromT, toT, spec.kind === 'percent' ? 100 : 0);
      // Hatched: the window left of the oldest sample (none once it is older than the window).
      const oldest = series.length > 0 ? series.time(0) : toT;
      slot.spark.hatch(((oldest - fromT) / span) * width, theme.muted);
      // Drawn: the points are not needed until the next draw makes new ones. Kept, 100 tiles
      // would hold a window's worth of point objects each, more as the window fills.
      for (const line of slot.lines) line.points = NO_POINTS;
    }
    return trends;
  }

  destroy(): void {
    for (const slot of this.slots.values()) slot.spark.destroy();
    this.slots.clear();
  }

  /** A sparkline for each shown series whose SVG element has none (or a new one); others go. */
  private ensure(shown: readonly MetricSeries[]): void {
    for (const [s, slot] of this.slots) {
      if (shown.includes(s)) continue;
      slot.spark.destroy();
      this.slots.delete(s);
    }
    for (const s of shown) {
      const svg = this.root().querySelector<SVGSVGElement>(`svg[data-series="${s}"]`);
      const existing = this.slots.get(s);
      if (existing && existing.svg === svg) continue;
      existing?.spark.destroy();
      this.slots.delete(s);
      if (!svg) continue;
      const lines = SPECS[s].channels.map(() => ({ points: [] as ChartPoint[], colour: '', fill: null as string | null }));
      this.slots.set(s, { spark: new Sparkline(svg), svg, lines });
    }
  }
}
