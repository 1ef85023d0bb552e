/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  DEFAULT_MAX_PENDING_BYTES,
  effectiveFontSize,
  steppedFontSize,
  validMaxPending,
  validScrollback,
} from '../../../src/elements/vm-console/terminal-options.js';

describe('terminal options', () => {
  it('take the font size from the property, else CSS, else 14, within 8–32 px', () => {
    const table: [number | undefined, number | null, number][] = [
      [undefined, null, 14],
      [undefined, 18, 18],
      [20, 18, 20],
      [4, null, 8],
      [99, null, 32],
      [undefined, 2, 8],
      [NaN, null, 14],
      [Infinity, null, 14],
    ];
    expect(table.map(([p, css]) => effectiveFontSize(p, css))).to.deep.equal(table.map((r) => r[2]));
  });

  it('step the font size by one within the limits', () => {
    expect([steppedFontSize(14, 1), steppedFontSize(14, -1), steppedFontSize(32, 1), steppedFontSize(8, -1)]).to.deep.equal([15, 13, 32, 8]);
  });

  it('keep scrollback and the pending-output bound sane', () => {
    expect([5000, 0, 12.7, -1, 'x', 5e6, null].map(validScrollback)).to.deep.equal([5000, 0, 12, 5000, 5000, 1_000_000, 0]);
    expect([4096, 1023, -5, 'x', NaN].map(validMaxPending)).to.deep.equal([4096, ...Array(4).fill(DEFAULT_MAX_PENDING_BYTES)]);
  });
});
