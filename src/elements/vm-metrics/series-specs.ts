/** What each chart of `<vm-metrics>` shows (channels, labels, colours, units) and the time windows. */
import type { MetricChannel } from '../../metrics/index.js';
import { msg, str } from '../../internal/msg.js';

/** The four charts, in display order. */
export const METRIC_SERIES = ['cpu', 'memory', 'network', 'disk'] as const;
export type MetricSeries = (typeof METRIC_SERIES)[number];

/** Selectable time windows. */
export const METRIC_WINDOWS = { '5m': 5 * 60_000, '15m': 15 * 60_000, '1h': 60 * 60_000 } as const;
export type MetricWindow = keyof typeof METRIC_WINDOWS;

export const WINDOW_LABELS: Readonly<Record<MetricWindow, string>> = {
  get '5m'() {
    return msg('5 minutes', { id: 'metrics.window.5m' });
  },
  get '15m'() {
    return msg('15 minutes', { id: 'metrics.window.15m' });
  },
  get '1h'() {
    return msg('1 hour', { id: 'metrics.window.1h' });
  },
};
/** The one letter before a disk read and a disk write rate ("R 2 MB/s", German "L", "S"). */
export const readMark = () => msg('R', { id: 'metrics.read.short' });
export const writeMark = () => msg('W', { id: 'metrics.write.short' });

/** The x axis' tick step per window. */
export const WINDOW_STEP: Record<MetricWindow, number> = { '5m': 60_000, '15m': 3 * 60_000, '1h': 10 * 60_000 };

export type Kind = 'percent' | 'rate';

export interface SeriesSpec {
  title: string;
  channels: readonly MetricChannel[];
  labels: readonly string[];
  /** Custom properties (resolved in the stylesheet) holding each line's colour. */
  colourVars: readonly string[];
  kind: Kind;
}

// Titles and labels are getters: read in the locale of the element rendering them.
export const SPECS: Record<MetricSeries, SeriesSpec> = {
  cpu: {
    get title() {
      return msg('CPU', { id: 'metrics.cpu' });
    },
    channels: ['cpu'],
    get labels() {
      return [msg('CPU', { id: 'metrics.cpu' })];
    },
    colourVars: ['--_m-cpu'],
    kind: 'percent',
  },
  memory: {
    get title() {
      return msg('Memory', { id: 'metrics.memory' });
    },
    channels: ['memPct'],
    get labels() {
      return [msg('Memory', { id: 'metrics.memory' })];
    },
    colourVars: ['--_m-memory'],
    kind: 'percent',
  },
  network: {
    get title() {
      return msg('Network', { id: 'metrics.network' });
    },
    channels: ['rxRate', 'txRate'],
    get labels() {
      return [msg('Received', { id: 'metrics.received' }), msg('Sent', { id: 'metrics.sent' })];
    },
    colourVars: ['--_m-rx', '--_m-tx'],
    kind: 'rate',
  },
  disk: {
    get title() {
      return msg('Disk', { id: 'metrics.disk' });
    },
    channels: ['readRate', 'writeRate'],
    get labels() {
      return [msg('Read', { id: 'metrics.read' }), msg('Write', { id: 'metrics.write' })];
    },
    colourVars: ['--_m-read', '--_m-write'],
    kind: 'rate',
  },
};

/** The `series` attribute: the charts named (all when none is), and the words that name none. */
export function parseSeries(value: string | null | undefined): { list: MetricSeries[]; unknown: string[] } {
  const tokens = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const list = METRIC_SERIES.filter((s) => tokens.includes(s));
  const unknown = tokens.filter((t) => !(METRIC_SERIES as readonly string[]).includes(t));
  return { list: list.length > 0 ? list : [...METRIC_SERIES], unknown };
}

/** The window's length in ms (5 minutes for an unknown one). */
export function windowSpan(w: MetricWindow): number {
  return METRIC_WINDOWS[w] ?? METRIC_WINDOWS['5m'];
}

/** "20 s", "12 min": whole units, never rounded up to a full window. */
export function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const min = Math.floor(ms / 60_000);
  return ms < 60_000 ? msg(str`${s} s`, { id: 'metrics.seconds' }) : msg(str`${min} min`, { id: 'metrics.minutes' });
}
