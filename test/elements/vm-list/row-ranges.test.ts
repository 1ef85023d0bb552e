/// <reference types="mocha" />
// Which of <vm-list>'s rows have stayed rendered long enough for a session (row-ranges.ts).
import { expect } from '@open-wc/testing';
import { RowRanges } from '../../../src/elements/vm-list/row-ranges.js';

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const id = (r: string) => r;

describe('<vm-list> row ranges (row-ranges.ts)', () => {
  it('gives nothing before the virtualizer has rendered a row', () => {
    expect(new RowRanges().look(ROWS, id)).to.deep.equal({ stable: [], shown: new Set(), moving: true });
  });

  it('only rows on screen; while the ranges move, only those rendered at the last look too; once still, every row on screen', () => {
    const r = new RowRanges();
    r.setRendered({ first: 0, last: 3 });
    r.setShown({ first: 1, last: 2 });
    // First look while moving: nothing was rendered before, so nothing is stable yet.
    expect(r.look(ROWS, id)).to.deep.equal({ stable: [], shown: new Set(['b', 'c']), moving: true });
    // A fling: rows e..h come, a..d go, before the next look.
    r.setRendered({ first: 4, last: 7 });
    r.setShown({ first: 5, last: 6 });
    expect(r.look(ROWS, id).stable, 'no row of the fling holds a session').to.deep.equal([]);
    // The list rests at e..h: the rows on screen, not those rendered around them, hold sessions.
    expect(r.look(ROWS, id)).to.deep.equal({ stable: ['f', 'g'], shown: new Set(['f', 'g']), moving: false });
    // A small scroll: e, rendered at the last look beyond the view, comes on screen and takes its
    // session at once; g leaves the view and gives its session back.
    r.setRendered({ first: 3, last: 6 });
    r.setShown({ first: 4, last: 5 });
    expect(r.look(ROWS, id)).to.deep.equal({ stable: ['e', 'f'], shown: new Set(['e', 'f']), moving: true });
    // Up again: d was rendered at the last look and takes its session; c, new, waits one look.
    r.setRendered({ first: 1, last: 4 });
    r.setShown({ first: 2, last: 4 });
    expect(r.look(ROWS, id).stable).to.deep.equal(['d', 'e']);
  });
});
