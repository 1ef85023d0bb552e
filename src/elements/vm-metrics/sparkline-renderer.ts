/**
 * A compact tile's sparklines and values, behind the same renderer interface as the full panel's
 * charts (`SeriesRenderer`): drawn on the tile's one canvas (tile-canvas.ts), in the frame it is
 * asked for, and no Chart.js to load.
 */
import type { MetricChannel } from '../../metrics/index.js';
import type { VmMetricsHistory } from '../../metrics/vm-metrics-history.js';
import type { DrawFrame, SeriesRenderer } from './chart-renderer.js';
import { PointPool, pointsInWindow, trendOf, type ChartPoint, type Trend } from './downsample.js';
import type { MetricValues } from './metric-values.js';
import { SPECS, readMark, writeMark, windowSpan, type MetricSeries } from './series-specs.js';
import { TileCanvas, type SparklineSeries } from './tile-canvas.js';
import { windowFill } from './window-fill.js';
import { isolate } from '../../internal/bidi.js';

/**
 * The right edge of a sparkline's window: the newest sample's time rounded up to a whole pixel of
 * a plot `width` px wide showing `span` ms, so that the line moves a whole pixel at a time (5
 * minutes over 60 px: every 5 s) and does not shimmer with sub-pixel shifts at every sample.
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

export class SparklineRenderer implements SeriesRenderer {
  private tile: TileCanvas | null = null;
  /** Each series' lines, reused between draws. */
  private readonly lines = new Map<MetricSeries, SparklineSeries[]>();
  /** Per card, what its plot was drawn from and the trends it gave: a draw from the same is skipped. */
  private readonly plotted = new Map<MetricSeries, { key: string; trends: Partial<Record<MetricChannel, Trend | null>> }>();
  private lastHistory: VmMetricsHistory | null = null;
  private lastShown = '';

  /** `root` holds the tile's `.grid` and its `canvas.tile-canvas`; `values` makes the values' text. */
  constructor(
    private readonly root: () => ParentNode,
    private readonly values: MetricValues,
  ) {}

  /** Draws the shown cards (values only, "—", without a history); returns each channel's trend. */
  update(history: VmMetricsHistory | null, shown: readonly MetricSeries[], frame: DrawFrame): Partial<Record<MetricChannel, Trend | null>> {
    const trends: Partial<Record<MetricChannel, Trend | null>> = {};
    const tile = this.ensure();
    if (!tile) return trends;
    // Another history (another VM, or a reset), or other cards: every plot is drawn anew.
    const shownKey = shown.join(' ');
    const whole = history !== this.lastHistory || shownKey !== this.lastShown;
    this.lastHistory = history;
    this.lastShown = shownKey;
    if (tile.begin(frame.layoutVersion ?? 0, frame.styleVersion, whole)) this.plotted.clear();
    const { theme } = frame;
    const series = history && history.series.length > 0 ? history.series : null;
    const span = windowSpan(frame.window);
    const latest = history?.latest() ?? null;
    const fill = series ? windowFill(series.time(0), series.lastTime, span) : null;
    for (const key of shown) {
      const spec = SPECS[key];
      const plot = this.root().querySelector(`.card[data-series="${key}"] .plot`);
      const [width] = plot ? frame.plotSize(plot) : [0];
      const lines = this.lines.get(key) ?? spec.channels.map(() => ({ points: NO_POINTS, colour: '', fill: null }));
      this.lines.set(key, lines);
      const toT = series ? sparklineEdge(series.lastTime, span, width) : 0;
      const fromT = toT - span;
      const texts = this.texts(key, latest);
      // A sparkline moves a whole pixel at a time: a sample inside the pixel drawn last changes
      // only the values (drawn with the next pixel, as a line would be).
      const dim = plot?.hasAttribute('data-dim') ?? false;
      const plotKey = `${series ? `${series.time(0)}-${toT}` : 'none'}|${width}|${dim}|${frame.window}`;
      const last = this.plotted.get(key);
      if (last && last.key === plotKey && tile.drawValues({ key, texts })) {
        Object.assign(trends, last.trends);
        continue;
      }
      const cardTrends: Partial<Record<MetricChannel, Trend | null>> = {};
      // Two points per bucket: about one point per horizontal pixel.
      const points = series ? pointsInWindow(series, spec.channels, fromT, toT, Math.max(16, Math.floor(width / 2)), POINTS) : null;
      spec.channels.forEach((ch, i) => {
        const line = lines[i]!;
        line.points = points?.[i] ?? NO_POINTS;
        line.colour = theme.colours[spec.colourVars[i]!]!;
        line.fill = theme.fills[spec.colourVars[i]!] ?? null;
        cardTrends[ch] = points ? trendOf(points[i]!, spec.kind === 'percent' ? 2 : 1024, 0.1) : null;
      });
      Object.assign(trends, cardTrends);
      this.plotted.set(key, { key: plotKey, trends: cardTrends });
      tile.drawCard({
        key,
        series: lines,
        fromT,
        toT,
        // 0–100 % (more if a value goes beyond); rates from 0 to the window's largest.
        yMax: spec.kind === 'percent' ? 100 : 0,
        unfilled: fill ? (fill.span - fill.collected) / fill.span : 0,
        texts,
      });
      // The hatch is on the canvas: any other marker of it goes.
      frame.drawn(key, null);
      // Drawn: the points are not needed until the next draw makes new ones. Kept, 100 tiles
      // would hold a window's worth of point objects each, more as the window fills.
      for (const line of lines) line.points = NO_POINTS;
    }
    return trends;
  }

  /** The canvas drawing now, for tests and tooling. */
  get canvas(): TileCanvas | null {
    return this.tile;
  }

  destroy(): void {
    this.tile?.destroy();
    this.tile = null;
    this.plotted.clear();
    this.lastHistory = null;
  }

  /** The values' lines of a card, in the element's words and number formats. */
  private texts(key: MetricSeries, latest: Parameters<MetricValues['current']>[1]): string[] {
    return this.values.run(() => {
      const v = this.values.current(key, latest);
      if (v.parts.length === 0) return [v.primary];
      const [a, b] = key === 'network' ? ['↓', '↑'] : [readMark(), writeMark()];
      return [`${a} ${isolate(v.parts[0]!)}`, `${b} ${isolate(v.parts[1]!)}`];
    });
  }

  /** The tile canvas of the canvas rendered now (a new one after a re-render that replaced it). */
  private ensure(): TileCanvas | null {
    const canvas = this.root().querySelector<HTMLCanvasElement>('canvas.tile-canvas');
    if (this.tile && this.tile.canvas === canvas) return this.tile;
    this.tile?.destroy();
    const grid = canvas?.parentElement;
    this.tile = canvas && grid ? new TileCanvas(canvas, grid) : null;
    return this.tile;
  }
}
