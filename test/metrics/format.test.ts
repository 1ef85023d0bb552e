/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { formatBytes, formatPercent, formatRate, formatUptime, NO_VALUE } from '../../src/metrics/index.js';
import { formatCount } from '../../src/metrics/format.js';

const GiB = 2 ** 30;
const PiB = 2 ** 50;

describe('format', () => {
  const table: [number | null | undefined, string][] = [
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1_048_575, '1 MiB'],
    [1_048_576, '1 MiB'],
    [1_000_000, '977 KiB'],
    [5.5 * GiB, '5.5 GiB'],
    [1.234 * 2 ** 40, '1.23 TiB'],
    [PiB, '1 PiB'],
    [1e18, '888 PiB'],
    [20_000 * PiB, '20,000 PiB'],
    [NaN, NO_VALUE],
    [-1, NO_VALUE],
    [Infinity, NO_VALUE],
    [-Infinity, NO_VALUE],
    [null, NO_VALUE],
    [undefined, NO_VALUE],
  ];

  describe('formatBytes', () => {
    for (const [input, expected] of table) {
      it(`${String(input)} → ${expected}`, () => {
        expect(formatBytes(input, 'en-US')).to.equal(expected);
      });
    }

    it('follows the locale', () => {
      expect(formatBytes(1536, 'de-DE')).to.equal('1,5 KiB');
    });
  });

  describe('formatRate', () => {
    for (const [input, expected] of table) {
      const withUnit = expected === NO_VALUE ? NO_VALUE : `${expected}/s`;
      it(`${String(input)} → ${withUnit}`, () => {
        expect(formatRate(input, 'en-US')).to.equal(withUnit);
      });
    }

    it('never prints NaN or undefined', () => {
      for (const v of [NaN, undefined, null, -1e9]) {
        expect(formatRate(v)).to.equal('—');
      }
    });
  });

  describe('formatPercent', () => {
    it('shows at most one decimal, the sign placed by the locale', () => {
      expect(formatPercent(42.5, 'en-US')).to.equal('42.5%');
      expect(formatPercent(42.54, 'en-US')).to.equal('42.5%');
      expect(formatPercent(0, 'en-US')).to.equal('0%');
      expect(formatPercent(100, 'en-US')).to.equal('100%');
      expect(formatPercent(42.5, 'de-DE')).to.equal('42,5\u00a0%');
    });

    it('answers — for what cannot be a percentage', () => {
      for (const v of [NaN, -1, Infinity, null, undefined]) expect(formatPercent(v)).to.equal(NO_VALUE);
    });
  });

  describe('formatCount', () => {
    it('groups digits as the locale does, and reuses one formatter per locale', () => {
      expect(formatCount(1, 'en-US')).to.equal('1');
      expect(formatCount(10_000, 'en-US')).to.equal('10,000');
      expect(formatCount(10_000, 'de-DE')).to.equal('10.000');
      // Built once per locale: a list renders its counts on every update.
      const Native = Intl.NumberFormat;
      let built = 0;
      const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        built++;
        return new Native(...args);
      } as unknown as typeof Intl.NumberFormat;
      Intl.NumberFormat = Counting;
      try {
        for (let i = 0; i < 5; i++) formatCount(1204 + i, 'fr-FR');
      } finally {
        Intl.NumberFormat = Native;
      }
      expect(built).to.be.at.most(1);
    });
  });

  describe('formatUptime', () => {
    const cases: [number | null | undefined, string][] = [
      [0, '0 s'],
      [45, '45 s'],
      [45.9, '45 s'],
      [60, '1 min'],
      [125, '2 min 5 s'],
      [5 * 3600 + 12 * 60 + 30, '5 h 12 min'],
      [2 * 3600 + 30, '2 h'],
      [3 * 86400 + 4 * 3600 + 59 * 60, '3 d 4 h'],
      [86400, '1 d'],
      [1500 * 86400, '1,500 d'],
      [NaN, NO_VALUE],
      [-5, NO_VALUE],
      [Infinity, NO_VALUE],
      [undefined, NO_VALUE],
    ];
    for (const [input, expected] of cases) {
      it(`${String(input)} → ${expected}`, () => {
        expect(formatUptime(input, 'en-US')).to.equal(expected);
      });
    }
  });
});
