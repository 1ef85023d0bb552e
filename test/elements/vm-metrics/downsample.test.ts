/// <reference types="mocha" />
// Chart points from a series: every sample while they fit, min and max per bucket beyond that,
// NaN as a line break; and the trend arrow's rising/falling/steady. Table-driven, no chart.
import { expect } from '@open-wc/testing';
import { PointPool, pointsInWindow, trendOf, type ChartPoint } from '../../../src/elements/vm-metrics/downsample.js';
import { TimeSeries } from '../../../src/metrics/time-series.js';
import type { MetricChannel } from '../../../src/metrics/vm-metrics-history.js';

/** A cpu series with one sample per second from t = 1000 ms; NaN stays NaN (a gap). */
function cpuSeries(values: number[]): TimeSeries<MetricChannel> {
  const ts = new TimeSeries<MetricChannel>(['cpu', 'memPct'], 1024);
  values.forEach((v, k) => ts.push((k + 1) * 1000, { cpu: v, memPct: 50 }));
  return ts;
}
const ys = (points: ChartPoint[]) => points.map((p) => p.y);

describe('pointsInWindow', () => {
  const CASES: { name: string; values: number[]; from: number; to: number; buckets: number; cpu: (number | null)[] }[] = [
    { name: 'an empty window', values: [1, 2, 3], from: 10_000, to: 20_000, buckets: 4, cpu: [] },
    { name: 'few samples: every one kept', values: [5, 7, 6], from: 0, to: 10_000, buckets: 4, cpu: [5, 7, 6] },
    { name: 'only the samples inside the window, both ends included', values: [1, 2, 3, 4, 5], from: 2000, to: 4000, buckets: 4, cpu: [2, 3, 4] },
    { name: 'a gap (NaN) becomes null, a line break', values: [1, NaN, 3], from: 0, to: 10_000, buckets: 4, cpu: [1, null, 3] },
    {
      name: 'many samples: min and max per bucket, in time order, so a spike survives',
      values: [1, 1, 90, 1, 1, 2, 1, 1, 3, 1, 1, 1],
      from: 1000, to: 12_000, buckets: 2,
      cpu: [1, 90, 1, 3],
    },
    {
      name: 'a gap inside a bucket still breaks the line',
      values: [4, NaN, 6, 5, 5, 5, 5, 5, 5, 5],
      from: 1000, to: 10_000, buckets: 2,
      cpu: [4, null, 5, 5],
    },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const [cpu, mem] = pointsInWindow(cpuSeries(c.values), ['cpu', 'memPct'], c.from, c.to, c.buckets);
      expect(ys(cpu!)).to.deep.equal(c.cpu);
      // Every channel of a chart shares the same x positions (truthful index-mode tooltips).
      expect(mem!.map((p) => p.x)).to.deep.equal(cpu!.map((p) => p.x));
    });
  }

  it('never returns more than two points per bucket, however long the history', () => {
    const values = Array.from({ length: 1000 }, (_, k) => Math.sin(k / 7) * 50 + 50);
    const [cpu] = pointsInWindow(cpuSeries(values), ['cpu'], 1000, 1_000_000, 30);
    expect(cpu!.length).to.be.at.most(60);
    expect(Math.max(...(ys(cpu!) as number[]))).to.equal(Math.max(...values));
    expect(Math.min(...(ys(cpu!) as number[]))).to.equal(Math.min(...values));
  });

  it('with a pool: the same points as without, in the same objects call after call', () => {
    const pool = new PointPool();
    const long = cpuSeries(Array.from({ length: 300 }, (_, k) => (k % 17 === 5 ? NaN : (k * 37) % 101)));
    const calls: [TimeSeries<MetricChannel>, MetricChannel[], number, number, number][] = [
      [long, ['cpu', 'memPct'], 1000, 300_000, 20], // min/max buckets, gaps inside
      [long, ['cpu'], 1000, 300_000, 400], // every sample
      [cpuSeries([1, NaN, 3]), ['cpu', 'memPct'], 0, 10_000, 4],
      [long, ['cpu', 'memPct'], 500_000, 600_000, 20], // an empty window
      [long, ['cpu', 'memPct'], 1000, 300_000, 20],
    ];
    let before: ChartPoint | undefined;
    for (const [series, channels, from, to, buckets] of calls) {
      const plain = pointsInWindow(series, channels, from, to, buckets);
      const pooled = pointsInWindow(series, channels, from, to, buckets, pool);
      expect(pooled.length).to.equal(channels.length);
      expect(pooled.map((l) => l.map((p) => ({ ...p })))).to.deep.equal(plain);
      // The pool's first point is the same object every time (nothing new is made for it).
      if (pooled[0]!.length > 0) {
        before ??= pooled[0]![0];
        expect(pooled[0]![0]).to.equal(before);
      }
    }
  });
});

describe('trendOf', () => {
  const points = (values: (number | null)[]): ChartPoint[] => values.map((y, i) => ({ x: i, y, i }));
  const CASES: [string, (number | null)[], number, number, ReturnType<typeof trendOf>][] = [
    ['no values', [], 2, 0.1, null],
    ['one value (gaps do not count)', [null, 40, null], 2, 0.1, null],
    ['rising by more than both thresholds', [10, 10, 10, 10, 20, 20, 20, 20], 2, 0.1, 'rising'],
    ['falling', [60, 60, 40, 40], 2, 0.1, 'falling'],
    ['a change below the absolute threshold is steady', [10, 10, 11, 11], 2, 0.01, 'steady'],
    ['a change below the relative threshold is steady', [100, 100, 105, 105], 2, 0.1, 'steady'],
    // Quarters are of the values, gaps skipped: first [10, 12], last [30, 31].
    ['gaps at the ends and inside are skipped', [null, 10, null, 12, 20, null, 20, 21, 20, 30, null, 31, null], 2, 0.1, 'rising'],
    ['gaps only between two values', [50, null, null, 50], 2, 0.1, 'steady'],
  ];
  for (const [name, values, minChange, relChange, trend] of CASES) {
    it(`${name} → ${trend}`, () => {
      expect(trendOf(points(values), minChange, relChange)).to.equal(trend);
    });
  }
});
