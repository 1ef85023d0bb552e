// <vm-grid>'s inputs (grid-input.ts): bad sizes and names are said, and the rest used.
import { expect } from '@open-wc/testing';
import { checkSize, checkVms, sortedNames } from '../../../src/elements/vm-grid/grid-input.js';
import type { VmInfo } from '../../../src/protocol/types.js';

function warnings(fn: () => void): string[] {
  const said: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => said.push(args.join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return said;
}

describe('<vm-grid> inputs (grid-input.ts)', () => {
  it('keeps a size within its range, and says why it uses the default for any other', () => {
    expect(warnings(() => expect(checkSize('tile-width', 300, 280, 160, 1200)).to.equal(300))).to.deep.equal([]);
    for (const bad of [NaN, 0, 159, 1201, Infinity, '300', null, undefined]) {
      const said = warnings(() => expect(checkSize('tile-width', bad, 280, 160, 1200)).to.equal(280));
      expect(said).to.have.length(1);
      expect(said[0]).to.contain('<vm-grid>: tile-width=').and.contain('from 160 to 1200; using 280.');
    }
  });

  it('leaves out names that cannot be used and repeats, naming them, and keeps the order of the rest', () => {
    const { names, warning } = checkVms(['web-2', '', 'db-1', 42, '..', 'web-2', 'a\u0000b', 'x'.repeat(300), 'cache 1']);
    expect(names).to.deep.equal(['web-2', 'db-1', 'cache 1']);
    expect(warning).to.contain('left out 5 name(s) that cannot be used').and.contain('42 (A VM name is required.)').and.contain('showed 1 repeated name(s) once');
    expect(checkVms(['a', 'b']).warning).to.equal(null);
    expect(checkVms([]).names).to.deep.equal([]);
  });

  it('says a vms that is not a list, and shows none', () => {
    for (const bad of ['web-1 web-2', null, 7, { 0: 'a' }]) {
      const { names, warning } = checkVms(bad);
      expect(names).to.deep.equal([]);
      expect(warning).to.match(/^<vm-grid>: vms must be an array of VM names, not (string|null|number|object); showing none\.$/);
    }
  });

  it('sorts the fleet by name, numbers by value, in any locale (a bad one falls back)', () => {
    const vms = ['vm-10', 'vm-2', 'Vm-1', 'db'].map((name) => ({ name }) as VmInfo);
    expect(sortedNames(vms, 'en')).to.deep.equal(['db', 'Vm-1', 'vm-2', 'vm-10']);
    expect(sortedNames(vms, 'not a locale!')).to.deep.equal(['db', 'Vm-1', 'vm-2', 'vm-10']);
  });
});
