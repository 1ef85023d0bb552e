/// <reference types="mocha" />
// The bytes each entry of the special-keys menu sends, as xterm would for the same key, in normal
// and in application cursor mode (DECCKM). One row per key.
import { expect } from '@open-wc/testing';
import { SPECIAL_KEYS, findSpecialKey } from '../../../src/elements/vm-console/special-keys.js';

const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');

/** id → [bytes normally, bytes in application cursor mode] (hex). */
const EXPECTED: Record<string, [string, string]> = {
  'ctrl-c': ['03', '03'],
  'ctrl-d': ['04', '04'],
  'ctrl-z': ['1a', '1a'],
  'ctrl-backslash': ['1c', '1c'],
  'ctrl-l': ['0c', '0c'],
  esc: ['1b', '1b'],
  tab: ['09', '09'],
  up: ['1b 5b 41', '1b 4f 41'],
  down: ['1b 5b 42', '1b 4f 42'],
  right: ['1b 5b 43', '1b 4f 43'],
  left: ['1b 5b 44', '1b 4f 44'],
  home: ['1b 5b 48', '1b 4f 48'],
  end: ['1b 5b 46', '1b 4f 46'],
  insert: ['1b 5b 32 7e', '1b 5b 32 7e'],
  delete: ['1b 5b 33 7e', '1b 5b 33 7e'],
  pgup: ['1b 5b 35 7e', '1b 5b 35 7e'],
  pgdn: ['1b 5b 36 7e', '1b 5b 36 7e'],
  f1: ['1b 4f 50', '1b 4f 50'],
  f2: ['1b 4f 51', '1b 4f 51'],
  f3: ['1b 4f 52', '1b 4f 52'],
  f4: ['1b 4f 53', '1b 4f 53'],
  f5: ['1b 5b 31 35 7e', '1b 5b 31 35 7e'],
  f6: ['1b 5b 31 37 7e', '1b 5b 31 37 7e'],
  f7: ['1b 5b 31 38 7e', '1b 5b 31 38 7e'],
  f8: ['1b 5b 31 39 7e', '1b 5b 31 39 7e'],
  f9: ['1b 5b 32 30 7e', '1b 5b 32 30 7e'],
  f10: ['1b 5b 32 31 7e', '1b 5b 32 31 7e'],
  f11: ['1b 5b 32 33 7e', '1b 5b 32 33 7e'],
  f12: ['1b 5b 32 34 7e', '1b 5b 32 34 7e'],
  'ctrl-alt-del': ['1b 5b 33 3b 37 7e', '1b 5b 33 3b 37 7e'],
};

describe('special keys', () => {
  it('the menu offers exactly the keys in this table, each once', () => {
    expect(SPECIAL_KEYS.map((k) => k.id)).to.have.members(Object.keys(EXPECTED));
    expect(new Set(SPECIAL_KEYS.map((k) => k.id)).size).to.equal(SPECIAL_KEYS.length);
  });

  for (const [id, [normal, app]] of Object.entries(EXPECTED)) {
    it(`${id} sends ${normal}${app === normal ? '' : ` (${app} in application cursor mode)`}`, () => {
      const key = findSpecialKey(id);
      expect(key, id).to.not.equal(undefined);
      expect(hex(key!.bytes(false))).to.equal(normal);
      expect(hex(key!.bytes(true))).to.equal(app);
      expect(key!.label).to.not.equal('');
    });
  }

  it('an unknown id finds nothing', () => {
    expect(findSpecialKey('ctrl-alt-f1')).to.equal(undefined);
  });
});
