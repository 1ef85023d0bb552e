/** Layer 4: bounded metric histories, counter rates and unit formatting. No DOM, no timers. */
export {
  TimeSeries,
  type ReadonlyTimeSeries,
  type SeriesArrays,
  type TimeSeriesSample,
} from './time-series.js';
export { CounterRate, DEFAULT_MAX_GAP_MS, type CounterRateOptions } from './counter-rate.js';
export {
  VmMetricsHistory,
  METRIC_CHANNELS,
  DEFAULT_HISTORY_CAPACITY,
  CLOCK_STEP_TOLERANCE_MS,
  type MetricChannel,
  type MetricsCounters,
  type MetricsInput,
  type MetricsSnapshot,
  type VmMetricsHistoryOptions,
} from './vm-metrics-history.js';
export {
  formatBytes,
  formatRate,
  formatPercent,
  formatUptime,
  NO_VALUE,
  BYTE_UNITS,
  type Locale,
} from './format.js';
