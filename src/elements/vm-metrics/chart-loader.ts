/**
 * Chart.js, loaded on first use and registered with only what line charts on linear axes need
 * (no `chart.js/auto`, no date adapter: the x axis is a LinearScale over ms since the epoch), with
 * the renderer that drives it: neither is needed before the first chart, so neither is in a first
 * paint. One promise per page: every <vm-metrics> waits for the same download.
 */
import type { Chart as ChartClass } from 'chart.js';
import type { ChartRenderer } from './chart-renderer.js';

export type ChartModule = { Chart: typeof ChartClass; ChartRenderer: typeof ChartRenderer };

let loading: Promise<ChartModule> | null = null;

export function loadChartJs(): Promise<ChartModule> {
  loading ??= (async () => {
    const [{ Chart, LineController, LineElement, PointElement, LinearScale, Filler, Tooltip }, { ChartRenderer }] = await Promise.all([
      import('chart.js'),
      import('./chart-renderer.js'),
    ]);
    Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);
    return { Chart, ChartRenderer };
  })();
  // A failed download (offline, CSP) may be retried by the next element that asks.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
