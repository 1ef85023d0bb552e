/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { TimeSeries } from '../../src/metrics/index.js';
import { FIRST_ROWS } from '../../src/metrics/time-series.js';

function times(ts: TimeSeries<string>): number[] {
  return Array.from({ length: ts.length }, (_, i) => ts.time(i));
}

describe('TimeSeries', () => {
  it('keeps chronological order across wrap-around and never exceeds its capacity', () => {
    const ts = new TimeSeries(['a', 'b'], 4);
    for (let k = 1; k <= 10; k++) expect(ts.push(k * 1000, { a: k, b: -k })).to.equal(true);
    expect(ts.length).to.equal(4);
    expect(ts.capacity).to.equal(4);
    expect(times(ts)).to.deep.equal([7000, 8000, 9000, 10000]);
    expect([0, 1, 2, 3].map((i) => ts.get('a', i))).to.deep.equal([7, 8, 9, 10]);
    expect([0, 1, 2, 3].map((i) => ts.get('b', i))).to.deep.equal([-7, -8, -9, -10]);
    expect(ts.lastTime).to.equal(10000);
    expect(ts.latest()).to.deep.equal({ t: 10000, values: { a: 10, b: -10 } });
  });

  it('allocates rows as samples come, doubling up to its capacity, and keeps every sample in order', () => {
    const ts = new TimeSeries(['a', 'b'], 720);
    expect(ts.allocatedRows, 'before any sample').to.equal(FIRST_ROWS);
    ts.push(1000, { a: 1, b: -1 });
    expect(ts.allocatedRows, 'one sample').to.equal(FIRST_ROWS);
    for (let k = 2; k <= FIRST_ROWS + 1; k++) ts.push(k * 1000, { a: k, b: -k });
    expect(ts.allocatedRows).to.equal(FIRST_ROWS * 2);
    // Past the capacity it wraps as before, never allocating more.
    for (let k = FIRST_ROWS + 2; k <= 2000; k++) ts.push(k * 1000, { a: k, b: -k });
    expect(ts.allocatedRows).to.equal(720);
    expect(ts.length).to.equal(720);
    expect(times(ts)).to.deep.equal(Array.from({ length: 720 }, (_, i) => (1281 + i) * 1000));
    expect(ts.get('b', 0)).to.equal(-1281);
    expect(ts.toArrays('a', 1999_000).y).to.deep.equal([1999, 2000]);
  });

  it('drops out-of-order, duplicate and non-finite timestamps without corrupting order', () => {
    const ts = new TimeSeries(['a'], 3);
    ts.push(1000, { a: 1 });
    ts.push(2000, { a: 2 });
    expect(ts.push(1500, { a: 99 })).to.equal(false);
    expect(ts.push(2000, { a: 99 })).to.equal(false);
    expect(ts.push(NaN, { a: 99 })).to.equal(false);
    expect(ts.push(Infinity, { a: 99 })).to.equal(false);
    expect(times(ts)).to.deep.equal([1000, 2000]);
    expect(ts.get('a', 1)).to.equal(2);
    // Also after wrapping, where the newest sample sits in a lower slot than the oldest.
    ts.push(3000, { a: 3 });
    ts.push(4000, { a: 4 });
    expect(ts.push(3500, { a: 99 })).to.equal(false);
    expect(times(ts)).to.deep.equal([2000, 3000, 4000]);
  });

  it('stores missing or non-number values as NaN gaps and hands them to charts as null', () => {
    const ts = new TimeSeries(['a', 'b'], 5);
    ts.push(1, { a: 1, b: 10 });
    ts.push(2, { a: NaN });
    ts.push(3, { a: 3, b: Infinity });
    expect(ts.get('b', 1)).to.be.NaN;
    expect(ts.toArrays('a')).to.deep.equal({ x: [1, 2, 3], y: [1, null, 3] });
    expect(ts.toArrays('b')).to.deep.equal({ x: [1, 2, 3], y: [10, null, null] });
  });

  it('finds samples by time with since(), forEachInRange() and toArrays(fromT)', () => {
    const ts = new TimeSeries(['v'], 5);
    for (let k = 1; k <= 7; k++) ts.push(k * 10, { v: k }); // keeps 30..70
    expect(ts.since(0)).to.equal(0);
    expect(ts.since(30)).to.equal(0);
    expect(ts.since(31)).to.equal(1);
    expect(ts.since(70)).to.equal(4);
    expect(ts.since(71)).to.equal(5);
    const seen: [number, number][] = [];
    ts.forEachInRange(40, 60, (t, i) => seen.push([t, i]));
    expect(seen).to.deep.equal([
      [40, 1],
      [50, 2],
      [60, 3],
    ]);
    expect(ts.toArrays('v', 55)).to.deep.equal({ x: [60, 70], y: [6, 7] });
  });

  it('copies rows from a time on (and before another) as typed arrays, across wrap-around and while still growing', () => {
    const ts = new TimeSeries(['a', 'b'] as const, 5);
    for (let i = 1; i <= 8; i++) ts.push(i * 10, i === 7 ? { a: i } : { a: i, b: -i });
    // Rows 40…80 are kept; the ring has wrapped, so the copy is read in two pieces.
    const all = ts.copyColumns();
    expect(all.t).to.be.an.instanceOf(Float64Array);
    expect([...all.t]).to.deep.equal([40, 50, 60, 70, 80]);
    expect([...all.cols.a]).to.deep.equal([4, 5, 6, 7, 8]);
    expect([...all.cols.b].map((v) => (Number.isNaN(v) ? null : v))).to.deep.equal([-4, -5, -6, null, -8]);
    expect([...ts.copyColumns(65).t]).to.deep.equal([70, 80]);
    expect(ts.copyColumns(81).t.length).to.equal(0);
    // Up to a time: the rows before it, across the wrap too.
    expect([...ts.copyColumns(45, 80).t]).to.deep.equal([50, 60, 70]);
    expect([...ts.copyColumns(-Infinity, 61).cols.a]).to.deep.equal([4, 5, 6]);
    expect(ts.copyColumns(60, 60).t.length).to.equal(0);
    expect(ts.copyColumns(70, 50).t.length, 'an empty range, not an error').to.equal(0);
    // A copy, not a view: later samples do not change it.
    ts.push(90, { a: 9, b: -9 });
    expect([...all.t]).to.deep.equal([40, 50, 60, 70, 80]);
    const growing = new TimeSeries(['a'] as const, 1000);
    for (let i = 0; i < FIRST_ROWS + 3; i++) growing.push(i, { a: i });
    expect([...growing.copyColumns(FIRST_ROWS).cols.a]).to.deep.equal([FIRST_ROWS, FIRST_ROWS + 1, FIRST_ROWS + 2]);
  });

  it('answers NaN out of range, throws on an unknown channel, and clears', () => {
    const ts = new TimeSeries(['v'], 2);
    expect(ts.latest()).to.equal(null);
    expect(ts.lastTime).to.be.NaN;
    ts.push(5, { v: 1 });
    expect(ts.get('v', 1)).to.be.NaN;
    expect(ts.time(-1)).to.be.NaN;
    expect(() => (ts as TimeSeries<string>).get('nope', 0)).to.throw('Unknown channel');
    ts.clear();
    expect(ts.length).to.equal(0);
    // After clear, an earlier time is acceptable again.
    expect(ts.push(1, { v: 2 })).to.equal(true);
    expect(ts.toArrays('v')).to.deep.equal({ x: [1], y: [2] });
  });

  it('rejects an invalid capacity', () => {
    expect(() => new TimeSeries(['v'], 0)).to.throw(RangeError);
    expect(() => new TimeSeries(['v'], 2.5)).to.throw(RangeError);
  });
});
