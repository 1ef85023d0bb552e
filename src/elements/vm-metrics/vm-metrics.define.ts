import { defineElement } from '../define.js';
import { VmMetrics } from './vm-metrics.js';

defineElement('vm-metrics', VmMetrics);

declare global {
  interface HTMLElementTagNameMap {
    'vm-metrics': VmMetrics;
  }
}

export { VmMetrics };
export type { MetricsSample, MetricSeries, MetricWindow } from './vm-metrics.js';
