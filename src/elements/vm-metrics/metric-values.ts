/** The numbers `<vm-metrics>` writes: current values, axis and tooltip times, and each chart's text alternative. */
import type { Locale, MetricChannel, MetricsSnapshot } from '../../metrics/index.js';
import { formatBytes, formatPercent, formatRate } from '../../metrics/format.js';
import { isolate } from '../../internal/bidi.js';
import { msg, str } from '../../internal/msg.js';
import type { Trend } from './downsample.js';
import { SPECS, WINDOW_LABELS, readMark, writeMark, type Kind, type MetricSeries, type MetricWindow } from './series-specs.js';

export interface CurrentValue {
  /** Large text. */
  primary: string;
  secondary: string;
  /** The two values of a two-line chart (network, disk), for a compact tile. */
  parts: string[];
}

export class MetricValues {
  private timeFormat: Intl.DateTimeFormat | null = null;
  private timeFormatSeconds: Intl.DateTimeFormat | null = null;

  /**
   * `locale`: BCP 47, read on every call (undefined: the browser's). `run` makes words in the
   * element's locale when asked outside its render (chart tooltips).
   */
  constructor(
    readonly locale: () => Locale,
    readonly run: <T>(fn: () => T) => T = (fn) => fn(),
  ) {}

  /** The locale changed: the time formats are made again. */
  reset(): void {
    this.timeFormat = null;
    this.timeFormatSeconds = null;
  }

  time(t: number, seconds: boolean): string {
    if (seconds) {
      this.timeFormatSeconds ??= new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
      return this.timeFormatSeconds.format(t);
    }
    this.timeFormat ??= new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit' });
    return this.timeFormat.format(t);
  }

  value(kind: Kind, v: number | null | undefined): string {
    return kind === 'percent' ? formatPercent(v, this.locale()) : formatRate(v, this.locale());
  }

  /** Text of the current value of one card: primary (large) and secondary. */
  current(key: MetricSeries, s: MetricsSnapshot | null): CurrentValue {
    const loc = this.locale();
    switch (key) {
      case 'cpu':
        return { primary: formatPercent(s?.cpu, loc), secondary: msg('utilisation', { id: 'metrics.utilisation' }), parts: [] };
      case 'memory':
        return {
          primary: formatPercent(s?.memPct, loc),
          secondary: this.ofTotal(s),
          parts: [],
        };
      case 'network': {
        const sent = formatRate(s?.txRate, loc);
        return {
          primary: `↓ ${formatRate(s?.rxRate, loc)}`,
          secondary: `↑ ${msg(str`${sent} sent`, { id: 'metrics.sentRate' })}`,
          parts: [formatRate(s?.rxRate, loc), formatRate(s?.txRate, loc)],
        };
      }
      case 'disk':
        return {
          primary: `${readMark()} ${formatRate(s?.readRate, loc)}`,
          secondary: `${writeMark()} ${formatRate(s?.writeRate, loc)}`,
          parts: [formatRate(s?.readRate, loc), formatRate(s?.writeRate, loc)],
        };
    }
  }

  /** The canvas's text alternative: current value(s) and the trend over the window. */
  altText(key: MetricSeries, s: MetricsSnapshot | null, window: MetricWindow, trends: Partial<Record<MetricChannel, Trend | null>>): string {
    const spec = SPECS[key];
    const loc = this.locale();
    const span = WINDOW_LABELS[window] ?? WINDOW_LABELS['5m'];
    const labels = spec.labels;
    const pieces = spec.channels.map((ch, i) => {
      const value = key === 'memory' ? `${formatPercent(s?.memPct, loc)} (${this.ofTotal(s, false)})` : this.value(spec.kind, s?.[ch]);
      const trend = trends[ch];
      const label = spec.channels.length > 1 ? `${labels[i]!.toLocaleLowerCase(loc)} ` : '';
      return `${label}${value}${trend ? `, ${trendWord(trend)}` : ''}`;
    });
    const what = spec.title;
    const title =
      key === 'cpu' ? msg('CPU utilisation', { id: 'metrics.alt.cpu' }) : key === 'memory' ? msg('Memory used', { id: 'metrics.alt.memory' }) : msg(str`${what} rate`, { id: 'metrics.alt.rate' });
    const values = pieces.join('; ');
    return msg(str`${title}: ${values} over the last ${span}`, { id: 'metrics.alt' });
  }

  /** "1.5 GiB of 4 GiB"; each size isolated where it is shown (not in the canvas' text alternative, which is read, not laid out). */
  ofTotal(s: MetricsSnapshot | null, shown = true): string {
    const size = (n: number | undefined) => (shown ? isolate : String)(formatBytes(n, this.locale()));
    const used = size(s?.memUsed);
    const total = size(s?.memTotal);
    return msg(str`${used} of ${total}`, { id: 'metrics.ofTotal' });
  }
}

function trendWord(t: Trend): string {
  return t === 'rising' ? msg('rising', { id: 'metrics.trend.rising' }) : t === 'falling' ? msg('falling', { id: 'metrics.trend.falling' }) : msg('steady', { id: 'metrics.trend.steady' });
}
