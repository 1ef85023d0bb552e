/**
 * A row's sparkline as one SVG path: the last samples of a 0–100 % channel, gaps (NaN, and the
 * time without a socket) left open. An SVG path per row instead of a canvas: a list of 30 rows
 * has 60 of them, each a few hundred bytes, and no canvas layer to composite while scrolling.
 */
import type { ReadonlyTimeSeries } from '../../metrics/time-series.js';

export const SPARK_WIDTH = 60;
export const SPARK_HEIGHT = 18;

/** The path's `d` for the newest `points` samples of `channel`, or '' when there is nothing to draw. */
export function sparkPath<C extends string>(series: ReadonlyTimeSeries<C> | null | undefined, channel: C, points = 30): string {
  if (!series || series.length === 0) return '';
  const n = Math.min(points, series.length);
  const first = series.length - n;
  const step = n > 1 ? SPARK_WIDTH / (points - 1) : 0;
  // Right-aligned: the newest sample is always at the right edge, as in every live sparkline.
  const x0 = SPARK_WIDTH - (n - 1) * step;
  let d = '';
  let pen = false;
  for (let k = 0; k < n; k++) {
    const v = series.get(channel, first + k);
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const y = SPARK_HEIGHT - 1 - (Math.max(0, Math.min(100, v)) / 100) * (SPARK_HEIGHT - 2);
    const x = x0 + k * step;
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}
