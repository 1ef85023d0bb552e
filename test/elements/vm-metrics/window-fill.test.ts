/// <reference types="mocha" />
// How much of <vm-metrics>' window holds data (window-fill.ts): in numbers, in words, and hatched.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { placeUnfilled, renderFilling, windowFill, type WindowFill } from '../../../src/elements/vm-metrics/window-fill.js';

const MIN5 = 300_000;

describe('<vm-metrics> window fill (window-fill.ts)', () => {
  it('is the time from the first sample to the last while that is shorter than the window', () => {
    const table: [string, number | null, number | null, WindowFill | null][] = [
      ['no samples', null, null, null],
      ['one sample', 1000, 1000, { collected: 0, span: MIN5 }],
      ['20 s of 5 min', 1000, 21_000, { collected: 20_000, span: MIN5 }],
      ['just short of full', 0, MIN5 - 1, { collected: MIN5 - 1, span: MIN5 }],
      ['exactly full', 0, MIN5, null],
      ['more than the window', 0, 2 * MIN5, null],
    ];
    for (const [name, first, last, fill] of table) expect(windowFill(first, last, MIN5), name).to.deep.equal(fill);
  });

  it('says the fill in words, and nothing once the window is full', () => {
    const host = document.createElement('div');
    render(renderFilling({ collected: 20_000, span: MIN5 }), host);
    const p = host.querySelector('[part="filling"]')!;
    // The durations isolated from the sentence (FSI … PDI), so a right-to-left page keeps "5 min" whole.
    expect(p.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Collecting data — \u206820 s\u2069 of \u20685 min\u2069');
    render(renderFilling(null), host);
    expect(host.querySelector('[part="filling"]')).to.equal(null);
  });

  it('hatches the part of the plot left of the first sample, and hides the hatching otherwise', () => {
    const el = document.createElement('div');
    const area = { left: 10, top: 4, width: 200, height: 80 };
    placeUnfilled(el, { collected: 75_000, span: MIN5 }, area);
    expect([el.hidden, el.style.left, el.style.top, el.style.height, el.style.width]).to.deep.equal([false, '10px', '4px', '80px', '150px']);
    placeUnfilled(el, null, area);
    expect(el.hidden).to.equal(true);
    el.hidden = false;
    placeUnfilled(el, { collected: 75_000, span: MIN5 }, null);
    expect(el.hidden).to.equal(true);
  });
});
