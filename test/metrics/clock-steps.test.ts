/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { MetricsData } from '../../src/protocol/types.js';
import { VmMetricsHistory } from '../../src/metrics/vm-metrics-history.js';

// A server clock that jumps must not stop the charts (issue 15, item 2). Each sample is fed with
// the message's timestamp and the local monotonic time it was received at.
const T0 = Date.parse('2026-11-25T20:00:00Z');
const MIN = 60_000;

function data(rx: number, cpu = 10): MetricsData {
  return {
    cpu: { utilization: cpu },
    memory: { used: 1024, total: 4096 },
    network: { rxBytes: rx, txBytes: 0 },
    disk: { readBytes: 0, writeBytes: 0 },
  };
}

/** Feeds samples every 5 s of local time; `serverT(i)` is what the server's clock says. */
function feed(h: VmMetricsHistory, from: number, to: number, serverT: (i: number) => number, rx: (i: number) => number = (i) => i * 5_000_000) {
  const accepted: boolean[] = [];
  for (let i = from; i < to; i++) accepted.push(h.add(serverT(i), data(rx(i), i), 1000 + i * 5000));
  return accepted;
}

/** The chart's view: [t, rxRate or null] for every row. */
const rows = (h: VmMetricsHistory) => {
  const { x, y } = h.series.toArrays('rxRate');
  return x.map((t, i) => [t, y[i]] as const);
};
const cpuPoints = (h: VmMetricsHistory) => h.series.toArrays('cpu').y.filter((v) => v !== null);

function expectSortedWithNoNegativeRates(h: VmMetricsHistory) {
  const r = rows(h);
  for (let i = 1; i < r.length; i++) expect(r[i]![0], `row ${i} after row ${i - 1}`).to.be.greaterThan(r[i - 1]![0]);
  for (const [, v] of r) if (v !== null) expect(v).to.be.at.least(0);
}

describe('VmMetricsHistory across server clock steps', () => {
  it('keeps charting after the server clock steps 10 minutes forward, with a gap and no rate across the step', () => {
    const h = new VmMetricsHistory();
    feed(h, 0, 10, (i) => T0 + i * 5000);
    const accepted = feed(h, 10, 20, (i) => T0 + i * 5000 + 10 * MIN);
    expect(accepted.every(Boolean), 'every sample after the step is kept').to.equal(true);
    expect(cpuPoints(h)).to.have.length(20);
    expectSortedWithNoNegativeRates(h);
    const r = rows(h);
    // One gap row between the last sample before and the first after the step.
    const gapAt = r.findIndex(([, v], i) => i > 0 && v === null && h.series.get('cpu', i) !== h.series.get('cpu', i));
    expect(gapAt, 'a gap row marks the step').to.equal(10);
    expect(r[11]![1], 'no rate spans the step').to.equal(null);
    expect(r[12]![1], 'rates resume from the next sample').to.equal(1_000_000);
    // The line goes on at the pace of real time instead of leaping 10 minutes to the right.
    expect(r[11]![0] - r[9]![0]).to.equal(5000);
  });

  it('keeps charting after the server clock steps 10 minutes back (those samples used to be dropped as "not newer")', () => {
    const h = new VmMetricsHistory();
    feed(h, 0, 10, (i) => T0 + i * 5000);
    const accepted = feed(h, 10, 20, (i) => T0 + i * 5000 - 10 * MIN);
    expect(accepted.every(Boolean)).to.equal(true);
    expect(cpuPoints(h)).to.have.length(20);
    expectSortedWithNoNegativeRates(h);
    expect(h.latest()!.rxRate).to.equal(1_000_000);
    expect(h.latest()!.t - rows(h)[9]![0], 'ten samples on, at real time').to.equal(10 * 5000);
  });

  it('survives one sample stamped 10 minutes in the future, then goes on with normal samples', () => {
    const h = new VmMetricsHistory();
    feed(h, 0, 10, (i) => T0 + i * 5000);
    expect(h.add(T0 + 50_000 + 10 * MIN, data(50_000_000, 99), 1000 + 10 * 5000)).to.equal(true);
    const accepted = feed(h, 11, 20, (i) => T0 + i * 5000);
    expect(accepted.every(Boolean), 'normal samples after the outlier are kept').to.equal(true);
    expect(cpuPoints(h)).to.have.length(20);
    expectSortedWithNoNegativeRates(h);
    // Back on the server's own time once the clock is right again.
    expect(h.latest()!.t).to.equal(T0 + 19 * 5000);
    expect(h.latest()!.rxRate).to.equal(1_000_000);
  });

  it('does not treat gradual drift, jitter or late delivery within the tolerance as a step', () => {
    const h = new VmMetricsHistory();
    // The server clock runs 1 % fast, and messages arrive up to 3 s late.
    for (let i = 0; i < 100; i++) {
      expect(h.add(T0 + i * 5050, data(i * 5_050_000), 1000 + i * 5000 + (i % 3) * 1500)).to.equal(true);
    }
    expect(h.series.length, 'no gap rows').to.equal(100);
    expect(h.series.lastTime, 'times are the server\'s').to.equal(T0 + 99 * 5050);
    // A stall, then a burst of queued messages received at one moment.
    feed(h, 100, 101, () => T0 + 100 * 5050);
    for (let i = 101; i < 104; i++) expect(h.add(T0 + i * 5050, data(i * 5_050_000), 1000 + 103 * 5000 + 30_000)).to.equal(true);
    expect(h.series.length, 'still no gap rows').to.equal(104);
    expect(h.latest()!.rxRate).to.equal(1_000_000);
  });

  it('still drops a duplicate or a reordered message', () => {
    const h = new VmMetricsHistory();
    feed(h, 0, 5, (i) => T0 + i * 5000);
    expect(h.add(T0 + 4 * 5000, data(0), 1000 + 4 * 5000 + 100), 'duplicate').to.equal(false);
    expect(h.add(T0 + 3 * 5000, data(0), 1000 + 4 * 5000 + 200), 'reordered').to.equal(false);
    expect(h.series.length).to.equal(5);
  });

  it('never draws a negative or invented rate when a counter reset comes with a step', () => {
    const h = new VmMetricsHistory();
    feed(h, 0, 10, (i) => T0 + i * 5000);
    // The VM restarted (counters from 0) and the server's clock came back 10 minutes behind.
    feed(h, 10, 20, (i) => T0 + i * 5000 - 10 * MIN, (i) => (i - 10) * 2_000_000);
    expectSortedWithNoNegativeRates(h);
    expect(cpuPoints(h)).to.have.length(20);
    expect(h.latest()!.rxRate).to.equal(400_000);
    // Forward step with a reset: again no rate across it.
    feed(h, 20, 30, (i) => T0 + i * 5000 + 60 * MIN, (i) => (i - 20) * 1_000_000);
    expectSortedWithNoNegativeRates(h);
    expect(cpuPoints(h)).to.have.length(30);
    expect(h.latest()!.rxRate).to.equal(200_000);
  });
});
