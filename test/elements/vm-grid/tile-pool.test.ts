// <vm-grid>'s pool as arithmetic (tile-pool.ts): how many tiles, which VM each slot draws as the
// view moves, where each tile goes, and where the keyboard takes the active tile.
import { expect } from '@open-wc/testing';
import { firstRow, GAP, indexOfSlot, keyTarget, OVERSCAN_ROWS, poolLayout, rowOfSlot, slotOfIndex, tileOffset } from '../../../src/elements/vm-grid/tile-pool.js';

describe('<vm-grid> tile pool (tile-pool.ts)', () => {
  it('fits as many columns as the width allows, and pools only the rows a view can show and their overscan', () => {
    const l = poolLayout(1000, 1280, 900, 280, 96);
    expect(l.cols).to.equal(4);
    expect(l.colWidth * 4 + 3 * GAP + 2 * GAP).to.be.closeTo(1280, 1e-9);
    expect(l.rows).to.equal(250);
    expect(l.rowHeight).to.equal(96 + GAP);
    expect(l.poolRows).to.equal(Math.ceil(900 / l.rowHeight) + 1 + 2 * OVERSCAN_ROWS);
    expect(l.height).to.equal(250 * l.rowHeight + GAP);
    // A phone: one column, never narrower than nothing.
    expect(poolLayout(10, 390, 800, 280, 96).cols).to.equal(1);
    expect(poolLayout(10, 0, 800, 280, 96).colWidth).to.equal(0);
    // Fewer rows than a view: the pool is the grid.
    expect(poolLayout(6, 1280, 900, 280, 96).poolRows).to.equal(2);
    expect(poolLayout(0, 1280, 900, 280, 96).height).to.equal(0);
  });

  it('draws every VM of the pooled rows exactly once, wherever the pool starts', () => {
    const l = poolLayout(1001, 1280, 900, 280, 96);
    const slots = l.poolRows * l.cols;
    for (const viewTop of [-500, 0, 50, 104 * 37 + 3, 104 * 240, 1e9]) {
      const first = firstRow(l, viewTop);
      expect(first).to.be.within(0, l.rows - l.poolRows);
      const drawn = Array.from({ length: slots }, (_, s) => indexOfSlot(l, first, s, 1001)).filter((i) => i >= 0);
      const expected = Array.from({ length: l.poolRows * l.cols }, (_, k) => first * l.cols + k).filter((i) => i < 1001);
      expect([...drawn].sort((a, b) => a - b)).to.deep.equal(expected);
      for (let s = 0; s < slots; s++) {
        const i = indexOfSlot(l, first, s, 1001);
        if (i >= 0) expect(slotOfIndex(l, first, i)).to.equal(s);
      }
      expect(slotOfIndex(l, first, (first + l.poolRows) * l.cols)).to.equal(-1);
    }
    // The view's own rows are in the pool, with the overscan above them.
    expect(firstRow(l, 104 * 37 + 3 + GAP)).to.equal(37 - OVERSCAN_ROWS);
  });

  it('moves one pool row when the view moves by one row (the rest keep their VMs)', () => {
    const l = poolLayout(1000, 1280, 900, 280, 96);
    const a = Array.from({ length: l.poolRows * l.cols }, (_, s) => indexOfSlot(l, 10, s, 1000));
    const b = Array.from({ length: l.poolRows * l.cols }, (_, s) => indexOfSlot(l, 11, s, 1000));
    const changed = a.filter((i, s) => b[s] !== i).length;
    expect(changed).to.equal(l.cols);
    // The slots that changed draw the row that came into the pool at the bottom.
    for (let s = 0; s < a.length; s++) if (a[s] !== b[s]) expect(rowOfSlot(l, 11, s)).to.equal(11 + l.poolRows - 1);
  });

  it('places tiles from the inline start, a row at a time', () => {
    const l = poolLayout(100, 1000, 900, 300, 96);
    expect(l.cols).to.equal(3);
    expect(tileOffset(l, 0)).to.deep.equal({ x: GAP, y: GAP });
    expect(tileOffset(l, 4)).to.deep.equal({ x: GAP + l.colWidth + GAP, y: GAP + l.rowHeight });
    expect(tileOffset(l, 2).x + l.colWidth + GAP).to.be.closeTo(1000, 1e-9);
  });

  it('moves the active tile as the grid keyboard does', () => {
    // 10 VMs, 4 columns: rows 0-3, 4-7, 8-9.
    const k = (key: string, i: number, ctrl = false, rtl = false) => keyTarget(key, ctrl, i, 10, 4, 2, rtl);
    expect(k('ArrowRight', 0)).to.equal(1);
    expect(k('ArrowRight', 9)).to.equal(9);
    expect(k('ArrowLeft', 0)).to.equal(0);
    expect(k('ArrowRight', 1, false, true)).to.equal(0);
    expect(k('ArrowDown', 1)).to.equal(5);
    expect(k('ArrowDown', 6)).to.equal(6);
    expect(k('ArrowUp', 5)).to.equal(1);
    expect(k('ArrowUp', 2)).to.equal(2);
    expect(k('Home', 6)).to.equal(4);
    expect(k('End', 5)).to.equal(7);
    expect(k('End', 8)).to.equal(9);
    expect(k('Home', 6, true)).to.equal(0);
    expect(k('End', 1, true)).to.equal(9);
    expect(k('PageDown', 1)).to.equal(9);
    expect(k('PageUp', 9)).to.equal(1);
    expect(k('a', 1)).to.equal(null);
    expect(keyTarget('ArrowRight', false, 0, 0, 4, 2, false)).to.equal(null);
  });
});
