/**
 * When and what `<vm-metrics>` draws: one chart update per shared frame at most (clocks.ts), none
 * while the element is off screen, hidden, in a background tab or paused (it catches up when
 * drawable again), and none when nothing it depends on changed (the draw key). Full panels draw
 * with Chart.js, loaded on first use; compact tiles with the small sparkline renderer. Chart.js
 * keeps a page-wide registry of instances, so the charts are destroyed when the element leaves.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { DrawClock } from '../../internal/draw-clock.js';
import type { MetricChannel } from '../../metrics/index.js';
import type { VmMetricsHistory } from '../../metrics/vm-metrics-history.js';
import { loadChartJs } from './chart-loader.js';
import type { ChartRenderer, DrawFrame, PlotArea } from './chart-renderer.js';
import { readTheme, type Theme } from './chart-theme.js';
import { chartClock, sparklineClock } from './clocks.js';
import type { Trend } from './downsample.js';
import type { MetricValues } from './metric-values.js';
import { PlotWatch } from './plot-watch.js';
import { parseSeries, SPECS, windowSpan, type MetricSeries, type MetricWindow } from './series-specs.js';
import { SparklineRenderer, sparklineEdge } from './sparkline-renderer.js';

/** The widest card content (CSS px) that puts a compact tile's two rates under its title. */
const NARROW_CARD_PX = 160;

export type Trends = Partial<Record<MetricChannel, Trend | null>>;

export interface ChartDrawOptions {
  history: () => VmMetricsHistory | null;
  /** Whose history it is (another VM, or the host's own): a new source draws anew. */
  source: () => string | undefined;
  window: () => MetricWindow;
  series: () => string;
  compact: () => boolean;
  paused: () => boolean;
  /** The number formats the charts' axes and tooltips share with the values row. */
  values: MetricValues;
  /** Runs `fn` in the element's locale (the charts' words are made in it). */
  inLocale: (fn: () => void) => void;
  /** Where the chart of `key` draws now (null: nowhere). */
  drawn: (key: MetricSeries, area: PlotArea | null) => void;
  /** The element came near the screen or left it (drawing may resume). */
  onScreenChange: () => void;
  /** Chart.js could not be loaded. */
  failed: (message: string) => void;
}

/** The shared frame an element draws in: compact tiles' is slower (see clocks.ts). */
export function clockFor(compact: boolean): DrawClock {
  return compact ? sparklineClock : chartClock;
}

export class ChartDrawController implements ReactiveController {
  /** Each channel's trend over the window as last drawn, for the text alternatives. */
  trends: Trends = {};
  /** Chart update passes done so far (one per frame at most). */
  drawCount = 0;
  /** `history.version` as of the last chart update, -1 before the first. */
  drawnVersion = -1;
  readonly watch: PlotWatch;
  /** The full panel's charts: made once Chart.js (and this renderer) have loaded. */
  private charts: ChartRenderer | null = null;
  private readonly sparks: SparklineRenderer;
  private queued = false;
  private drawing = false;
  private lastDrawKey = '';
  private styleVersion = 0;
  private theme: Theme | null = null;
  private readonly drawJob = () => {
    this.queued = false;
    void this.draw();
  };

  constructor(
    private readonly host: LitElement,
    private readonly options: ChartDrawOptions,
  ) {
    this.sparks = new SparklineRenderer(() => host.renderRoot);
    // Added before this controller: on connecting, it observes anew before the first draw is asked.
    this.watch = new PlotWatch(host, {
      plots: () => [...host.renderRoot.querySelectorAll('.plot')],
      onScreenChange: () => {
        options.onScreenChange();
        this.schedule();
      },
      onResize: () => {
        this.markNarrowCards();
        this.schedule();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    // The draw key includes the plots' measured sizes, so a resize that ends where it began
    // (hidden and shown again) costs nothing.
    this.redraw();
  }

  hostUpdated(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    for (const clock of [chartClock, sparklineClock]) clock.cancel(this.drawJob);
    this.queued = false;
    // Chart.js keeps a page-wide registry of instances: a detached element must leave it.
    this.destroy();
  }

  /** Whether chart work may happen now at all. */
  get canDraw(): boolean {
    return this.host.isConnected && this.watch.onScreen && document.visibilityState === 'visible';
  }

  /** Draws in the next shared frame, if drawing may happen and something changed by then. */
  schedule(): void {
    if (this.queued || !this.canDraw || this.options.paused()) return;
    this.queued = true;
    clockFor(this.options.compact()).request(this.drawJob);
  }

  /** Draws anew even if nothing the draw key knows changed (another history, reconnected). */
  redraw(): void {
    this.lastDrawKey = '';
    this.schedule();
  }

  /** Colours or fonts may have changed: read them again at the next draw. */
  restyle(): void {
    this.styleVersion++;
    this.theme = null;
    this.schedule();
  }

  /** Drops the charts and sparklines (they are made again at the next draw). */
  destroy(): void {
    this.charts?.destroy();
    this.sparks.destroy();
    this.lastDrawKey = '';
    this.drawnVersion = -1;
  }

  /**
   * Marks the cards whose plot (their content's width) is too narrow for a title and two rates on
   * one line: the styles then put the rates under the title. Marked in the next frame, not inside
   * the resize observer's callback: a taller head may shrink the plot it observes, which the
   * browser reports as a resize loop error. A plot without a box (display: none) says nothing.
   */
  private markNarrowCards(): void {
    const marks = this.watch.plots.map((plot) => [plot.parentElement, this.watch.size(plot)[0]] as const).filter(([, w]) => w > 0);
    requestAnimationFrame(() => marks.forEach(([card, w]) => card?.toggleAttribute('data-narrow', w <= NARROW_CARD_PX)));
  }

  /** What the charts depend on; null when there is no box to draw in (display: none). */
  private drawKey(): string | null {
    const o = this.options;
    const h = o.history();
    const compact = o.compact();
    const span = windowSpan(o.window());
    let sizes = '';
    let area = 0;
    let edges = '';
    for (const plot of this.watch.plots) {
      const [w, ph] = this.watch.size(plot);
      sizes += `${w}x${ph},`;
      area += w * ph;
      // A sparkline changes when its window's edge moves a whole pixel, not with every sample.
      if (compact && h && h.series.length > 0) edges += `${sparklineEdge(h.series.lastTime, span, w)},`;
    }
    // Hidden by CSS (or not measured yet): the resize observer reports before the intersection
    // observer does, and it reports again when there is a box to draw in.
    if (area === 0) return null;
    const data = !h ? -1 : compact ? (h.series.length > 0 ? edges : 'empty') : h.version;
    return [h ? o.source() : 'none', data, o.window(), o.series(), this.styleVersion, sizes, compact].join('|');
  }

  private async draw(): Promise<void> {
    const o = this.options;
    if (!this.canDraw || o.paused() || this.drawing) return;
    const history = o.history();
    const key = this.drawKey();
    if (key === null || key === this.lastDrawKey) return;
    if (!history || history.series.length === 0) {
      // Nothing to draw: the placeholders say why; charts appear with the first sample.
      this.destroy();
      this.lastDrawKey = key;
      return;
    }
    const shown = parseSeries(o.series()).list;
    if (o.compact()) {
      // Sparklines: no Chart.js to load, drawn in this frame.
      this.drew(key, history, shown, this.sparks.update(history, shown, this.frame()));
      return;
    }
    if (!this.charts?.ready(shown)) {
      this.drawing = true;
      try {
        const { Chart, ChartRenderer } = await loadChartJs();
        if (!this.host.isConnected) return;
        this.charts ??= new ChartRenderer(() => this.host.renderRoot, o.values, o.history);
        const charts = this.charts;
        o.inLocale(() => charts.ensure(Chart, shown));
      } catch (e) {
        o.failed(`Could not load the charts: ${e instanceof Error ? e.message : String(e)}`);
        return;
      } finally {
        this.drawing = false;
      }
      // State may have changed while loading (hidden, paused, more data): start over.
      this.schedule();
      return;
    }
    this.drew(key, history, shown, this.charts.update(history, shown, this.frame()));
  }

  /** Takes the trends of a draw for the text alternatives, re-rendering only when one changed. */
  private drew(key: string, history: VmMetricsHistory, shown: readonly MetricSeries[], trends: Trends): void {
    if (shown.some((s) => SPECS[s].channels.some((ch) => trends[ch] !== this.trends[ch]))) {
      this.trends = trends;
      this.host.requestUpdate();
    }
    this.lastDrawKey = key;
    this.drawnVersion = history.version;
    this.drawCount++;
  }

  /** What one draw of the charts or sparklines needs from the element. */
  private frame(): DrawFrame {
    return {
      window: this.options.window(),
      theme: this.readTheme(),
      styleVersion: this.styleVersion,
      plotSize: (plot) => this.watch.size(plot),
      drawn: this.options.drawn,
    };
  }

  private readTheme(): Theme {
    if (this.theme) return this.theme;
    this.theme = readTheme(this.host);
    // The swatches in the values row use the resolved colours too.
    this.host.requestUpdate();
    return this.theme;
  }
}
