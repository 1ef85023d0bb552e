/**
 * The full panel's charts (Chart.js, loaded on first use by the element): one line chart per
 * series, kept between draws and updated in place; restyled only when the theme changed.
 */
import type { Chart, ChartConfiguration, TooltipItem } from 'chart.js';
import type { MetricChannel } from '../../metrics/index.js';
import { formatBytes, formatPercent } from '../../metrics/format.js';
import { isolate } from '../../internal/bidi.js';
import { msg, str } from '../../internal/msg.js';
import type { VmMetricsHistory } from '../../metrics/vm-metrics-history.js';
import type { Theme } from './chart-theme.js';
import { pointsInWindow, trendOf, type ChartPoint, type Trend } from './downsample.js';
import type { MetricValues } from './metric-values.js';
import { SPECS, WINDOW_STEP, windowSpan, type MetricSeries, type MetricWindow } from './series-specs.js';

/** A plot's drawing area, in CSS pixels of the plot box. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What one draw needs from the element. */
export interface DrawFrame {
  window: MetricWindow;
  theme: Theme;
  /** Bumped when colours or fonts changed: the charts are restyled once. */
  styleVersion: number;
  /** A plot's size as last measured (no layout read in the frame). */
  plotSize(plot: Element): [number, number];
  /**
   * Where the chart of `key` draws now (null: nowhere), to hatch what the window has no data for
   * (sparklines hatch inside their own drawing).
   */
  drawn(key: MetricSeries, area: PlotArea | null): void;
}

/**
 * What draws the series of a history into their canvases (the charts here; a compact tile's
 * sparklines can implement it too). `update` returns each channel's trend over the window.
 */
export interface SeriesRenderer {
  update(history: VmMetricsHistory, shown: readonly MetricSeries[], frame: DrawFrame): Partial<Record<MetricChannel, Trend | null>>;
  destroy(): void;
}

interface ChartSlot {
  chart: Chart<'line', ChartPoint[]>;
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
  /** styleVersion whose colours and fonts the chart's options hold. */
  style: number;
  window: string;
}

export class ChartRenderer implements SeriesRenderer {
  private readonly slots = new Map<MetricSeries, ChartSlot>();

  constructor(
    /** Where the canvases are (`canvas[data-series=…]`); read when charts are made. */
    private readonly root: () => ParentNode,
    private readonly values: MetricValues,
    /** The history the tooltip reads memory bytes from. */
    private readonly history: () => VmMetricsHistory | null,
  ) {}

  /** Whether every shown series has its chart (else `ensure` them, with Chart.js loaded). */
  ready(shown: readonly MetricSeries[]): boolean {
    return shown.every((s) => this.slots.has(s));
  }

  /** Makes a chart for each shown series whose canvas has none (or a new one). */
  ensure(ChartCtor: typeof Chart, shown: readonly MetricSeries[]): void {
    for (const s of shown) {
      const canvas = this.root().querySelector<HTMLCanvasElement>(`canvas[data-series="${s}"]`);
      const existing = this.slots.get(s);
      if (existing && existing.canvas === canvas) continue;
      existing?.chart.destroy();
      this.slots.delete(s);
      if (!canvas) continue;
      this.slots.set(s, { chart: new ChartCtor(canvas, this.config(s)), canvas, width: 0, height: 0, style: -1, window: '' });
    }
  }

  update(history: VmMetricsHistory, shown: readonly MetricSeries[], frame: DrawFrame): Partial<Record<MetricChannel, Trend | null>> {
    for (const [s, slot] of this.slots) {
      if (!shown.includes(s)) {
        slot.chart.destroy();
        this.slots.delete(s);
      }
    }
    const theme = frame.theme;
    const series = history.series;
    const toT = series.lastTime;
    const fromT = toT - windowSpan(frame.window);
    const trends: Partial<Record<MetricChannel, Trend | null>> = {};
    for (const key of shown) {
      const slot = this.slots.get(key);
      if (!slot) continue;
      const spec = SPECS[key];
      const [width, height] = frame.plotSize(slot.canvas.parentElement!);
      if (width !== slot.width || height !== slot.height) {
        slot.width = width;
        slot.height = height;
        if (width > 0 && height > 0) slot.chart.resize(width, height);
      }
      // Two points per bucket: about one point per horizontal pixel.
      const points = pointsInWindow(series, spec.channels, fromT, toT, Math.max(16, Math.floor(width / 2)));
      const chart = slot.chart;
      const restyle = slot.style !== frame.styleVersion;
      slot.style = frame.styleVersion;
      spec.channels.forEach((ch, i) => {
        const ds = chart.data.datasets[i];
        ds.data = points[i];
        if (restyle) {
          ds.borderColor = theme.colours[spec.colourVars[i]];
          ds.backgroundColor = theme.fills[spec.colourVars[i]];
        }
        trends[ch] = trendOf(points[i], spec.kind === 'percent' ? 2 : 1024, 0.1);
      });
      const o = chart.options;
      const x = o.scales!.x!;
      x.min = fromT;
      x.max = toT;
      if (slot.window !== frame.window) {
        slot.window = frame.window;
        (x.ticks as { stepSize?: number }).stepSize = WINDOW_STEP[frame.window] ?? WINDOW_STEP['5m'];
      }
      if (restyle) this.restyle(chart, spec.kind === 'percent', theme);
      chart.update('none');
      frame.drawn(key, chart.chartArea ?? null);
    }
    return trends;
  }

  destroy(): void {
    for (const slot of this.slots.values()) slot.chart.destroy();
    this.slots.clear();
  }

  private restyle(chart: Chart<'line', ChartPoint[]>, percent: boolean, theme: Theme): void {
    const o = chart.options;
    const x = o.scales!.x!;
    x.ticks!.color = theme.muted;
    x.ticks!.font = { family: theme.font, size: 11 };
    const y = o.scales!.y!;
    if (percent) {
      // 0–100 % unless a value goes beyond (memory can briefly exceed a shrunk total).
      (y as { suggestedMax?: number }).suggestedMax = 100;
    }
    y.grid = { color: theme.grid, drawTicks: false };
    y.ticks!.color = theme.muted;
    y.ticks!.font = { family: theme.font, size: 11 };
    const tooltip = o.plugins!.tooltip!;
    tooltip.backgroundColor = theme.surface;
    tooltip.titleColor = theme.text;
    tooltip.bodyColor = theme.text;
    tooltip.borderColor = theme.border;
    tooltip.borderWidth = 1;
    tooltip.titleFont = { family: theme.font, size: 12, weight: 'bold' };
    tooltip.bodyFont = { family: theme.font, size: 12 };
  }

  private config(key: MetricSeries): ChartConfiguration<'line', ChartPoint[]> {
    const spec = SPECS[key];
    const single = spec.channels.length === 1;
    return {
      type: 'line',
      data: {
        datasets: spec.channels.map((_ch, i) => ({
          label: spec.labels[i],
          data: [],
          borderWidth: 1.5,
          pointRadius: 0,
          pointHoverRadius: 3,
          tension: 0,
          spanGaps: false,
          fill: single ? 'origin' : false,
        })),
      },
      options: {
        responsive: false,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        normalized: true,
        events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
        interaction: { mode: 'index', intersect: false },
        layout: { padding: { top: 4, right: 4 } },
        scales: {
          x: {
            type: 'linear',
            display: true,
            grid: { display: false },
            border: { display: false },
            ticks: {
              maxRotation: 0,
              autoSkipPadding: 16,
              includeBounds: false,
              callback: (v) => this.values.time(Number(v), false),
            },
          },
          y: {
            type: 'linear',
            display: true,
            min: 0,
            border: { display: false },
            ticks: {
              maxTicksLimit: 4,
              callback: (v) => this.values.value(spec.kind, Number(v)),
            },
          },
        },
        plugins: {
          tooltip: {
            enabled: true,
            callbacks: {
              title: (items) => (items.length > 0 ? this.values.time(items[0].parsed.x ?? NaN, true) : ''),
              // Chart.js asks outside the element's render: the words are made in its locale here.
              label: (item) => this.values.run(() => this.tooltipLabel(key, item)),
            },
          },
        },
      },
    };
  }

  private tooltipLabel(key: MetricSeries, item: TooltipItem<'line'>): string {
    const spec = SPECS[key];
    const raw = item.raw as ChartPoint;
    const label = spec.labels[item.datasetIndex];
    if (raw.y === null) return msg(str`${label}: no data`, { id: 'metrics.tooltip.noData' });
    if (key === 'memory') {
      const h = this.history();
      const used = h?.series.get('memUsed', raw.i);
      const total = h?.series.get('memTotal', raw.i);
      // The ring buffer may have moved on since this point was drawn; then only % is certain.
      const same = h?.series.time(raw.i) === raw.x;
      const loc = this.values.locale();
      const percent = formatPercent(raw.y, loc);
      const u = isolate(formatBytes(used, loc));
      const t = isolate(formatBytes(total, loc));
      return same ? msg(str`Memory: ${u} of ${t} (${percent})`, { id: 'metrics.tooltip.memory' }) : msg(str`Memory: ${percent}`, { id: 'metrics.tooltip.memoryPercent' });
    }
    const value = this.values.value(spec.kind, raw.y);
    return msg(str`${label}: ${value}`, { id: 'metrics.tooltip' });
  }
}
