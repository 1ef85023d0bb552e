/// <reference types="mocha" />
// <vm-list>'s keyboard grid (grid-nav-controller.ts) on a small grid of its own: where the keys
// move, which cell is the tab stop, what Enter chooses, and how the tab stop follows the rows.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { GridNavController } from '../../../src/elements/vm-list/grid-nav-controller.js';

const CELLS = 3;
const ROWS = 5;

class GridNavHost extends LitElement {
  chosen: number[] = [];
  rows = ROWS;
  readonly nav = new GridNavController(this, {
    rows: () => this.rows,
    cols: CELLS + 1,
    cells: CELLS,
    body: () => this.renderRoot.querySelector<HTMLElement>('.body'),
    choose: (index) => {
      if (index >= this.rows) return false;
      this.chosen.push(index);
      return true;
    },
  });
  override render() {
    const t = (r: number, c: number) => this.nav.tab(r, c);
    const cols = [...Array(CELLS).keys()];
    return html`<div role="grid" @keydown=${this.nav.onKeydown} @focusin=${this.nav.onFocusin}>
      <div role="row">
        ${cols.map((c) => html`<button data-pos="0,${c}" tabindex=${t(0, c)}>h${c}</button>`)}
        <div data-pos="0,${CELLS}" tabindex=${t(0, CELLS)}>Actions</div>
      </div>
      <div class="body">
        ${[...Array(this.rows).keys()].map(
          (i) => html`<div role="row">
            ${cols.map((c) => html`<div data-pos="${i + 1},${c}" tabindex=${t(i + 1, c)}>${i}:${c}</div>`)}
            <button data-pos="${i + 1},${CELLS}" tabindex=${t(i + 1, CELLS)}>act</button>
          </div>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('grid-nav-host', GridNavHost);

async function mount(): Promise<GridNavHost> {
  const el = document.createElement('grid-nav-host') as GridNavHost;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const cell = (el: GridNavHost, pos: string) => el.renderRoot.querySelector<HTMLElement>(`[data-pos="${pos}"]`)!;
const focusedPos = (el: GridNavHost) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.pos;
const tabStops = (el: GridNavHost) => [...el.renderRoot.querySelectorAll<HTMLElement>('[data-pos]')].filter((e) => e.tabIndex === 0).map((e) => e.dataset.pos);

function press(target: HTMLElement, key: string, ctrlKey = false): KeyboardEvent {
  const ev = new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(ev);
  return ev;
}

describe('<vm-list> grid navigation (grid-nav-controller.ts)', () => {
  it('starts with one tab stop on the first row, and moves it and the focus with the grid keys', async () => {
    const el = await mount();
    expect(tabStops(el)).to.deep.equal(['1,1']);
    cell(el, '1,1').focus();
    const table: [string, boolean, string][] = [
      ['ArrowRight', false, '1,2'],
      ['ArrowDown', false, '2,2'],
      ['End', false, `2,${CELLS}`],
      ['Home', false, '2,0'],
      ['End', true, `${ROWS},${CELLS}`],
      ['ArrowDown', false, `${ROWS},${CELLS}`],
      ['Home', true, '1,0'],
      ['ArrowUp', false, '0,0'],
    ];
    for (const [key, ctrl, pos] of table) {
      const ev = press(el.shadowRoot!.activeElement as HTMLElement, key, ctrl);
      expect(ev.defaultPrevented, key).to.equal(true);
      await el.updateComplete;
      await waitUntil(() => focusedPos(el) === pos, `${ctrl ? 'Ctrl+' : ''}${key} focuses ${pos}`, { timeout: 5000 });
      expect([el.nav.active.row, el.nav.active.col].join(','), key).to.equal(pos);
      expect(tabStops(el), key).to.deep.equal([pos]);
    }
    el.remove();
  });

  it('lets other keys through, chooses a row with Enter or Space on a cell, and not on a button', async () => {
    const el = await mount();
    cell(el, '3,1').focus();
    await el.updateComplete;
    expect(press(cell(el, '3,1'), 'a').defaultPrevented).to.equal(false);
    expect(press(cell(el, '3,1'), 'Enter').defaultPrevented).to.equal(true);
    expect(press(cell(el, '3,1'), ' ').defaultPrevented).to.equal(true);
    cell(el, `3,${CELLS}`).focus();
    press(cell(el, `3,${CELLS}`), 'Enter');
    expect(el.chosen).to.deep.equal([2, 2]);
    el.remove();
  });

  it('keeps the header Actions cell as the tab stop for every action column, and follows focus from a click', async () => {
    const el = await mount();
    cell(el, '0,1').focus();
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['0,1']);
    press(cell(el, '0,1'), 'End');
    await el.updateComplete;
    await waitUntil(() => focusedPos(el) === `0,${CELLS}`, 'the Actions cell has focus', { timeout: 5000 });
    expect(el.nav.active).to.deep.equal({ row: 0, col: CELLS });
    expect(el.nav.tab(0, CELLS)).to.equal(0);
    cell(el, '4,2').focus();
    await el.updateComplete;
    expect(el.nav.active).to.deep.equal({ row: 4, col: 2 });
    el.remove();
  });

  it('moves an active row that is gone back to the first, and keeps the tab stop among the rendered rows', async () => {
    const el = await mount();
    const activate = (pos: string) => {
      // Focus reports the active cell; blurred again, the grid has no focus while the ranges move.
      cell(el, pos).focus();
      cell(el, pos).blur();
    };
    activate('4,2');
    el.nav.clampTo(10);
    expect(el.nav.active).to.deep.equal({ row: 4, col: 2 });
    el.nav.clampTo(3);
    expect(el.nav.active).to.deep.equal({ row: 1, col: 2 });
    el.nav.clampTo(0);
    expect(el.nav.active).to.deep.equal({ row: 0, col: 2 });
    /** [active row, rendered range, shown range, active row after] (ranges are 0-based indexes) */
    const table: [number, [number, number], [number, number], number][] = [
      [1, [0, 9], [0, 4], 1],
      [1, [10, 30], [12, 20], 13],
      [2, [10, 30], [-1, -1], 11],
      [3, [0, 1], [0, 1], 1],
      [0, [10, 30], [12, 20], 0],
      [5, [-1, -1], [-1, -1], 5],
    ];
    for (const [row, [rf, rl], [sf, sl], after] of table) {
      activate(`${row},1`);
      expect(el.nav.active.row).to.equal(row);
      el.nav.keepInReach({ first: rf, last: rl }, { first: sf, last: sl });
      expect(el.nav.active, `row ${row}, rendered ${rf}-${rl}, shown ${sf}-${sl}`).to.deep.equal({ row: after, col: 1 });
    }
    // While the grid has focus, the focused cell stays the tab stop wherever the ranges go.
    cell(el, '2,1').focus();
    el.nav.keepInReach({ first: 10, last: 30 }, { first: 12, last: 20 });
    expect(el.nav.active).to.deep.equal({ row: 2, col: 1 });
    el.remove();
  });
});
