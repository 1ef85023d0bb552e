/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { MetricsData, MetricsMessage } from '../../src/protocol/types.js';
import { VmMetricsHistory } from '../../src/metrics/index.js';

const T0 = Date.parse('2026-11-25T20:14:03.123Z');

function sample(net: number, disk = 0, cpu = 12.5): MetricsData {
  return {
    cpu: { utilization: cpu },
    memory: { used: 512 * 2 ** 20, total: 2 * 2 ** 30 },
    network: { rxBytes: net, txBytes: net / 2 },
    disk: { readBytes: disk, writeBytes: disk * 2 },
  };
}

function message(timestamp: number, data: MetricsData): MetricsMessage {
  return { type: 'metrics', timestamp, data };
}

describe('VmMetricsHistory', () => {
  it('derives gauges and rates, with no rate for the first sample', () => {
    const h = new VmMetricsHistory();
    expect(h.latest()).to.equal(null);
    expect(h.add(T0, sample(1_000_000, 100))).to.equal(true);
    const first = h.latest()!;
    expect(first.t).to.equal(T0);
    expect(first.cpu).to.equal(12.5);
    expect(first.memUsed).to.equal(536_870_912);
    expect(first.memTotal).to.equal(2_147_483_648);
    expect(first.memPct).to.equal(25);
    expect(first.rxRate).to.be.NaN;
    expect(first.counters).to.deep.equal({ rxBytes: 1_000_000, txBytes: 500_000, readBytes: 100, writeBytes: 200 });

    h.add(T0 + 5000, sample(6_000_000, 5100));
    const second = h.latest()!;
    expect(second.rxRate).to.equal(1_000_000);
    expect(second.txRate).to.equal(500_000);
    expect(second.readRate).to.equal(1000);
    expect(second.writeRate).to.equal(2000);
    expect(h.series.toArrays('rxRate')).to.deep.equal({ x: [T0, T0 + 5000], y: [null, 1_000_000] });
  });

  it('takes time from message timestamps: a burst delivered at once still reads 1 MB/s', () => {
    const h = new VmMetricsHistory();
    // The server batched three 5 s messages into one frame; they are handled within a millisecond.
    const frame = [0, 1, 2].map((k) => message(T0 + k * 5000, sample(k * 5_000_000)));
    for (const m of frame) expect(h.addMessage(m)).to.equal(true);
    expect(h.series.toArrays('rxRate').y).to.deep.equal([null, 1_000_000, 1_000_000]);
  });

  it('shows a VM restart (counters back to 0) as a gap, never a negative rate', () => {
    const h = new VmMetricsHistory();
    h.add(T0, sample(1e9, 1e9));
    h.add(T0 + 5000, sample(1e9 + 5e6, 1e9));
    h.add(T0 + 10_000, sample(0, 0));
    h.add(T0 + 15_000, sample(2.5e6, 0));
    const { y } = h.series.toArrays('rxRate');
    expect(y).to.deep.equal([null, 1_000_000, null, 500_000]);
    for (const ch of ['rxRate', 'txRate', 'readRate', 'writeRate'] as const) {
      for (let i = 0; i < h.series.length; i++) expect(h.series.get(ch, i)).not.to.be.below(0);
    }
  });

  it('breaks every line across a silence longer than maxGapMs', () => {
    const h = new VmMetricsHistory({ maxGapMs: 15_000 });
    h.add(T0, sample(0));
    h.add(T0 + 5000, sample(5e6));
    h.add(T0 + 65_000, sample(10e6));
    expect(h.series.toArrays('cpu')).to.deep.equal({
      x: [T0, T0 + 5000, T0 + 35_000, T0 + 65_000],
      y: [12.5, 12.5, null, 12.5],
    });
    expect(h.series.toArrays('rxRate').y).to.deep.equal([null, 1_000_000, null, null]);
  });

  it('markGap(t) breaks the chart at t and restarts the rates', () => {
    const h = new VmMetricsHistory();
    h.add(T0, sample(0));
    h.add(T0 + 5000, sample(5e6));
    const v = h.version;
    h.markGap(T0 + 7000);
    expect(h.version).to.equal(v + 1);
    h.markGap(T0 + 8000); // already broken: no second gap row
    expect(h.version).to.equal(v + 1);
    h.add(T0 + 10_000, sample(10e6));
    h.add(T0 + 15_000, sample(15e6));
    expect(h.series.toArrays('rxRate')).to.deep.equal({
      x: [T0, T0 + 5000, T0 + 7000, T0 + 10_000, T0 + 15_000],
      y: [null, 1_000_000, null, null, 1_000_000],
    });
    // latest() is the last real sample, never a gap row.
    expect(h.latest()!.t).to.equal(T0 + 15_000);
  });

  it('markGap() without a time breaks the chart before the next sample', () => {
    const h = new VmMetricsHistory();
    h.add(T0, sample(0));
    h.markGap();
    h.add(T0 + 5000, sample(5e6));
    expect(h.series.toArrays('cpu')).to.deep.equal({ x: [T0, T0 + 2500, T0 + 5000], y: [12.5, null, 12.5] });
    expect(h.latest()!.rxRate).to.be.NaN;
  });

  it('bumps version on every accepted change and only then', () => {
    const h = new VmMetricsHistory();
    expect(h.version).to.equal(0);
    h.add(T0, sample(0));
    expect(h.version).to.equal(1);
    h.add(T0 + 5000, sample(1));
    expect(h.version).to.equal(2);
    expect(h.add(T0 + 5000, sample(2))).to.equal(false); // duplicate
    expect(h.add(T0 + 1000, sample(2))).to.equal(false); // out of order
    expect(h.add(NaN, sample(2))).to.equal(false);
    expect(h.version).to.equal(2);
    h.clear();
    expect(h.version).to.equal(3);
    expect(h.latest()).to.equal(null);
    expect(h.series.length).to.equal(0);
  });

  it('bounds history to its capacity (default 720 = 1 h at 5 s)', () => {
    const h = new VmMetricsHistory();
    expect(h.capacity).to.equal(720);
    for (let k = 0; k < 800; k++) h.add(T0 + k * 5000, sample(k * 1000));
    expect(h.series.length).to.equal(720);
    expect(h.series.time(0)).to.equal(T0 + 80 * 5000);
    expect(h.series.get('rxRate', 719)).to.equal(200);
  });

  it('turns missing, negative, NaN and non-number host input into gaps, not zeros', () => {
    const h = new VmMetricsHistory();
    const loose = { cpu: { utilization: -5 }, memory: { used: NaN, total: 0 }, network: null } as const;
    expect(h.add(T0, loose)).to.equal(true);
    const s = h.latest()!;
    for (const v of [s.cpu, s.memUsed, s.memPct, s.rxRate, s.counters.rxBytes, s.counters.readBytes]) {
      expect(v).to.be.NaN;
    }
    // A total of 0 is reported as received; only the percentage built on it is undefined.
    expect(s.memTotal).to.equal(0);
    h.add(T0 + 5000, { cpu: { utilization: '7' as unknown as number }, memory: { used: 1, total: 4 } });
    expect(h.latest()!.cpu).to.be.NaN;
    expect(h.latest()!.memPct).to.equal(25);
  });

  it('handles huge counters (1e18) without losing the rate', () => {
    const h = new VmMetricsHistory();
    h.add(T0, sample(1e18));
    h.add(T0 + 5000, sample(1e18 + 5_120_000));
    expect(h.latest()!.rxRate).to.equal(1_024_000);
  });
});
