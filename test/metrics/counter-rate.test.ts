/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { CounterRate } from '../../src/metrics/index.js';

const T0 = Date.parse('2026-11-25T20:14:03.123Z');

describe('CounterRate', () => {
  it('gives no rate for the first sample, then bytes/s from message timestamps', () => {
    const r = new CounterRate();
    expect(r.update(T0, 10_000_000)).to.be.NaN;
    expect(r.update(T0 + 5000, 15_000_000)).to.equal(1_000_000);
    expect(r.update(T0 + 10_000, 15_000_000)).to.equal(0);
  });

  it('computes from odd millisecond timestamps exactly 5 s apart', () => {
    const r = new CounterRate();
    r.update(Date.parse('2026-11-25T20:14:03.987Z'), 123);
    expect(r.update(Date.parse('2026-11-25T20:14:08.987Z'), 5_000_123)).to.equal(1_000_000);
  });

  it('turns a counter reset (VM restart) into a gap and a fresh baseline, never negative', () => {
    const r = new CounterRate();
    r.update(T0, 1_000_000_000);
    expect(r.update(T0 + 5000, 1_005_000_000)).to.equal(1_000_000);
    expect(r.update(T0 + 10_000, 0)).to.be.NaN;
    expect(r.update(T0 + 15_000, 2_500_000)).to.equal(500_000);
  });

  it('turns an interval longer than maxGapMs into a gap', () => {
    const r = new CounterRate({ maxGapMs: 15_000 });
    r.update(T0, 0);
    expect(r.update(T0 + 15_000, 15_000)).to.equal(1000); // exactly the limit is still a rate
    expect(r.update(T0 + 30_001, 30_000)).to.be.NaN;
    expect(r.update(T0 + 35_001, 35_000)).to.equal(1000);
  });

  it('ignores repeated or older timestamps without moving the baseline', () => {
    const r = new CounterRate();
    r.update(T0, 0);
    expect(r.update(T0, 999)).to.be.NaN;
    expect(r.update(T0 - 5000, 999)).to.be.NaN;
    expect(r.update(T0 + 5000, 5000)).to.equal(1000);
  });

  it('treats NaN, negative and infinite readings as gaps and keeps the last good baseline', () => {
    const r = new CounterRate();
    r.update(T0, 0);
    expect(r.update(T0 + 5000, NaN)).to.be.NaN;
    expect(r.update(T0 + 6000, -1)).to.be.NaN;
    expect(r.update(T0 + 7000, Infinity)).to.be.NaN;
    expect(r.update(NaN, 100)).to.be.NaN;
    expect(r.update(T0 + 10_000, 10_000)).to.equal(1000);
  });

  it('stays exact with huge counters (1e18 bytes)', () => {
    const r = new CounterRate();
    r.update(T0, 1e18);
    // 5_120_000 is a multiple of the float spacing at 1e18 (128), so the sum is exact.
    expect(r.update(T0 + 5000, 1e18 + 5_120_000)).to.equal(1_024_000);
    expect(r.update(T0 + 10_000, 1e18)).to.be.NaN;
  });

  it('starts a fresh baseline after markGap()', () => {
    const r = new CounterRate();
    r.update(T0, 0);
    r.markGap();
    expect(r.hasBaseline).to.equal(false);
    expect(r.update(T0 + 5000, 5000)).to.be.NaN;
    expect(r.update(T0 + 10_000, 10_000)).to.equal(1000);
  });

  it('rejects a non-positive maxGapMs', () => {
    expect(() => new CounterRate({ maxGapMs: 0 })).to.throw(RangeError);
  });
});
