/// <reference types="mocha" />
// Samples a host pushes into <vm-metrics>.metrics (samples.ts): which are kept, what is said about the rest.
import { expect } from '@open-wc/testing';
import { addSamples, checkSample } from '../../../src/elements/vm-metrics/samples.js';

const good = (timestamp: number | string | Date, cpu = 10) => ({ timestamp, cpu: { utilization: cpu }, memory: { used: 1, total: 2 } });

describe('<vm-metrics> host samples (samples.ts)', () => {
  it('accepts ms, RFC3339 and Dates; rejects a sample it cannot trust, with a reason', () => {
    const t = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect([checkSample(good(t)), checkSample(good('2026-01-02T03:04:05Z')), checkSample(good(new Date(t)))].map((c) => c.ok && c.t)).to.deep.equal([t, t, t]);
    for (const bad of [null, 'x', good(-1), good('yesterday'), { ...good(t), cpu: { utilization: 'high' } }]) {
      const c = checkSample(bad);
      expect(c.ok, JSON.stringify(bad)).to.equal(false);
      expect(!c.ok && c.reason).to.be.a('string').and.not.equal('');
    }
  });

  it('adds the valid ones in order and words the invalid ones once', () => {
    const added: number[] = [];
    const history = { add: (t: number) => added.push(t) };
    expect(addSamples(history, [good(1000), good(2000)])).to.equal(null);
    const one = addSamples(history, [good(3000), null]);
    const two = addSamples(history, [{}, good(4000), 'x']);
    expect(added).to.deep.equal([1000, 2000, 3000, 4000]);
    expect(one).to.match(/^Invalid metrics sample skipped: .+\.$/);
    expect(two).to.match(/^2 invalid metrics samples skipped; the first: .+\.$/);
  });
});
