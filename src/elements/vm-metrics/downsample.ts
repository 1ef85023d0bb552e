/**
 * Chart-ready points from a metrics series, reduced to what the canvas can show.
 *
 * Chart.js draws every point it is given; an hour of 1 Hz samples on a 300 px sparkline is 3600
 * points for 300 pixels. Here the window is cut into one bucket per `buckets` and each bucket
 * keeps its minimum and maximum (in their original order), so spikes survive and the work per
 * redraw is bounded by the canvas width, not by the history length. All channels of one chart
 * share the same x positions, which keeps index-mode tooltips truthful across datasets.
 *
 * A NaN value (a gap row or a missing rate) becomes `null`, which is where Chart.js breaks a line.
 */
import type { MetricChannel, ReadonlyTimeSeries } from '../../metrics/index.js';

export interface ChartPoint {
  x: number;
  y: number | null;
  /** Index of the source sample, for tooltips that want more than `y`. */
  i: number;
}

/** Points per channel, in the order asked for. */
export type ChannelPoints = ChartPoint[][];

/**
 * Points of `channels` with fromT <= t <= toT. With at most 2 × `buckets` samples in range every
 * sample is kept; otherwise min/max per bucket.
 */
export function pointsInWindow(
  series: ReadonlyTimeSeries<MetricChannel>,
  channels: readonly MetricChannel[],
  fromT: number,
  toT: number,
  buckets: number,
): ChannelPoints {
  const out: ChannelPoints = channels.map(() => []);
  const start = series.since(fromT);
  let end = series.since(toT);
  while (end < series.length && series.time(end) <= toT) end++;
  const n = end - start;
  if (n <= 0) return out;
  const b = Math.max(1, Math.floor(buckets));

  if (n <= 2 * b) {
    for (let i = start; i < end; i++) {
      const x = series.time(i);
      channels.forEach((ch, c) => {
        const v = series.get(ch, i);
        out[c].push({ x, y: Number.isFinite(v) ? v : null, i });
      });
    }
    return out;
  }

  const span = toT - fromT;
  let i = start;
  for (let k = 0; k < b && i < end; k++) {
    const bucketEnd = k === b - 1 ? Infinity : fromT + (span * (k + 1)) / b;
    const first = i;
    while (i < end && series.time(i) < bucketEnd) i++;
    const last = i - 1;
    if (last < first) continue;
    const x1 = series.time(first);
    const x2 = series.time(last);
    channels.forEach((ch, c) => {
      let minI = -1;
      let maxI = -1;
      let hole = false;
      for (let j = first; j <= last; j++) {
        const v = series.get(ch, j);
        if (!Number.isFinite(v)) {
          hole = true;
          continue;
        }
        if (minI < 0 || v < series.get(ch, minI)) minI = j;
        if (maxI < 0 || v > series.get(ch, maxI)) maxI = j;
      }
      const points = out[c];
      if (first === last) {
        points.push({ x: x1, y: minI < 0 ? null : series.get(ch, minI), i: first });
        return;
      }
      if (minI < 0) {
        points.push({ x: x1, y: null, i: first }, { x: x2, y: null, i: last });
        return;
      }
      const [a, z] = minI <= maxI ? [minI, maxI] : [maxI, minI];
      points.push({ x: x1, y: series.get(ch, a), i: a });
      // A gap inside the bucket must still break the line: the second point is the break.
      points.push({ x: x2, y: hole ? null : series.get(ch, z), i: z });
    });
  }
  return out;
}

export type Trend = 'rising' | 'falling' | 'steady';

/**
 * Rising, falling or steady over the points given: the mean of the last quarter against the mean
 * of the first quarter. `minChange` is the smallest absolute difference that counts (e.g. 2
 * percentage points); `relChange` the smallest relative one (0.1 = 10 % of the larger mean).
 * Null when there are fewer than two values.
 */
export function trendOf(points: readonly ChartPoint[], minChange: number, relChange: number): Trend | null {
  const ys: number[] = [];
  for (const p of points) if (p.y !== null) ys.push(p.y);
  if (ys.length < 2) return null;
  const q = Math.max(1, Math.floor(ys.length / 4));
  let head = 0;
  let tail = 0;
  for (let k = 0; k < q; k++) {
    head += ys[k];
    tail += ys[ys.length - 1 - k];
  }
  head /= q;
  tail /= q;
  const diff = tail - head;
  const threshold = Math.max(minChange, relChange * Math.max(Math.abs(head), Math.abs(tail)));
  if (Math.abs(diff) < threshold) return 'steady';
  return diff > 0 ? 'rising' : 'falling';
}
