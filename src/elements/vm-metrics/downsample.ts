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
 * Point objects and lists used again from one call of `pointsInWindow` to the next, for a caller
 * that is done with the points before its next call (a sparkline draws them at once). A fleet page
 * draws a few hundred sparklines a second; fresh objects for every point were a quarter of what
 * its idle tiles allocated (bench:fleet --alloc). One pool can serve every tile of a page.
 */
export class PointPool {
  private readonly points: ChartPoint[] = [];
  private next = 0;
  private readonly lists: ChartPoint[][] = [];

  /** Empty lists for `channels` channels; every point handed out before is taken back. */
  begin(channels: number): ChannelPoints {
    this.next = 0;
    while (this.lists.length < channels) this.lists.push([]);
    for (const list of this.lists) list.length = 0;
    return this.lists.length === channels ? this.lists : this.lists.slice(0, channels);
  }

  point(x: number, y: number | null, i: number): ChartPoint {
    const p = this.points[this.next];
    this.next++;
    if (!p) {
      const made = { x, y, i };
      this.points.push(made);
      return made;
    }
    p.x = x;
    p.y = y;
    p.i = i;
    return p;
  }
}

/**
 * Points of `channels` with fromT <= t <= toT. With at most 2 × `buckets` samples in range every
 * sample is kept; otherwise min/max per bucket. With a `pool`, the lists and points are the
 * pool's, valid until its next use.
 */
export function pointsInWindow(
  series: ReadonlyTimeSeries<MetricChannel>,
  channels: readonly MetricChannel[],
  fromT: number,
  toT: number,
  buckets: number,
  pool?: PointPool,
): ChannelPoints {
  const out: ChannelPoints = pool ? pool.begin(channels.length) : channels.map(() => []);
  const point = (x: number, y: number | null, i: number): ChartPoint => (pool ? pool.point(x, y, i) : { x, y, i });
  const start = series.since(fromT);
  let end = series.since(toT);
  while (end < series.length && series.time(end) <= toT) end++;
  const n = end - start;
  if (n <= 0) return out;
  const b = Math.max(1, Math.floor(buckets));

  if (n <= 2 * b) {
    for (let i = start; i < end; i++) {
      const x = series.time(i);
      for (let c = 0; c < channels.length; c++) {
        const v = series.get(channels[c]!, i);
        out[c]!.push(point(x, Number.isFinite(v) ? v : null, i));
      }
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
    for (let c = 0; c < channels.length; c++) {
      const ch = channels[c]!;
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
      const points = out[c]!;
      if (first === last) {
        points.push(point(x1, minI < 0 ? null : series.get(ch, minI), first));
        continue;
      }
      if (minI < 0) {
        points.push(point(x1, null, first), point(x2, null, last));
        continue;
      }
      const a = Math.min(minI, maxI);
      const z = Math.max(minI, maxI);
      points.push(point(x1, series.get(ch, a), a));
      // A gap inside the bucket must still break the line: the second point is the break.
      points.push(point(x2, hole ? null : series.get(ch, z), z));
    }
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
  // Over the values only (nulls are gaps), in place: called for every sparkline drawn.
  let count = 0;
  for (const p of points) if (p.y !== null) count++;
  if (count < 2) return null;
  const q = Math.max(1, Math.floor(count / 4));
  let head = 0;
  let tail = 0;
  for (let k = 0, seen = 0; seen < q; k++) {
    const y = points[k]!.y;
    if (y === null) continue;
    head += y;
    seen++;
  }
  for (let k = points.length - 1, seen = 0; seen < q; k--) {
    const y = points[k]!.y;
    if (y === null) continue;
    tail += y;
    seen++;
  }
  head /= q;
  tail /= q;
  const diff = tail - head;
  const threshold = Math.max(minChange, relChange * Math.max(Math.abs(head), Math.abs(tail)));
  if (Math.abs(diff) < threshold) return 'steady';
  return diff > 0 ? 'rising' : 'falling';
}
