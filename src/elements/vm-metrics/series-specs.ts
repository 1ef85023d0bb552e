/** What each chart of `<vm-metrics>` shows (channels, labels, colours, units) and the time windows. */
import type { MetricChannel } from '../../metrics/index.js';

/** The four charts, in display order. */
export const METRIC_SERIES = ['cpu', 'memory', 'network', 'disk'] as const;
export type MetricSeries = (typeof METRIC_SERIES)[number];

/** Selectable time windows. */
export const METRIC_WINDOWS = { '5m': 5 * 60_000, '15m': 15 * 60_000, '1h': 60 * 60_000 } as const;
export type MetricWindow = keyof typeof METRIC_WINDOWS;

export const WINDOW_LABELS: Record<MetricWindow, string> = { '5m': '5 minutes', '15m': '15 minutes', '1h': '1 hour' };
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

export const SPECS: Record<MetricSeries, SeriesSpec> = {
  cpu: { title: 'CPU', channels: ['cpu'], labels: ['CPU'], colourVars: ['--_m-cpu'], kind: 'percent' },
  memory: { title: 'Memory', channels: ['memPct'], labels: ['Memory'], colourVars: ['--_m-memory'], kind: 'percent' },
  network: {
    title: 'Network',
    channels: ['rxRate', 'txRate'],
    labels: ['Received', 'Sent'],
    colourVars: ['--_m-rx', '--_m-tx'],
    kind: 'rate',
  },
  disk: {
    title: 'Disk',
    channels: ['readRate', 'writeRate'],
    labels: ['Read', 'Write'],
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
export const duration = (ms: number) => (ms < 60_000 ? `${Math.floor(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min`);
