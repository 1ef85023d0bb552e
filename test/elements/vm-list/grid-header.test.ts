/// <reference types="mocha" />
// <vm-list>'s header row (grid-header.ts): which column says it is sorted, how, and what a click asks.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderHeaderRow, type HeaderFacts } from '../../../src/elements/vm-list/grid-header.js';
import type { SortKey } from '../../../src/elements/vm-list/fleet-view.js';

function mount(over: Partial<HeaderFacts>) {
  const clicked: SortKey[] = [];
  const host = document.createElement('div');
  render(renderHeaderRow({ sort: 'name', direction: 'ascending', tab: (row, col) => (row === 0 && col === 1 ? 0 : -1), sortBy: (k) => clicked.push(k), ...over }), host);
  const headers = [...host.querySelectorAll<HTMLElement>('[role="columnheader"]')];
  return { host, headers, clicked };
}

describe('<vm-list> header row (grid-header.ts)', () => {
  it('gives each column its label and place, and the Actions cell last', () => {
    const { headers } = mount({});
    expect(headers.map((h) => [h.textContent!.replace(/\s+/g, ' ').trim(), h.getAttribute('aria-colindex')])).to.deep.equal([
      ['Status', '1'],
      ['Name▲', '2'],
      ['Description', '3'],
      ['CPU', '4'],
      ['Memory', '5'],
      ['Uptime', '6'],
      ['Actions', '7'],
    ]);
  });

  it('says the sort on the sorted column only, to the eye and to assistive technology', () => {
    const table: [SortKey, 'ascending' | 'descending', number, string][] = [
      ['name', 'ascending', 1, '▲'],
      ['cpu', 'descending', 3, '▼'],
      ['uptime', 'ascending', 5, '▲'],
    ];
    for (const [sort, direction, index, arrow] of table) {
      const { headers } = mount({ sort, direction });
      const sorted = headers.filter((h) => h.hasAttribute('aria-sort'));
      expect(sorted.map((h) => [headers.indexOf(h), h.getAttribute('aria-sort'), h.querySelector('.arrow')!.textContent]), sort).to.deep.equal([[index, direction, arrow]]);
    }
  });

  it('takes tabindex and position from the roving focus, and asks to sort by the clicked column', () => {
    const { host, headers, clicked } = mount({});
    const buttons = [...host.querySelectorAll<HTMLButtonElement>('button.sort')];
    expect(buttons.map((b) => [b.dataset.pos, b.tabIndex])).to.deep.equal([
      ['0,0', -1],
      ['0,1', 0],
      ['0,2', -1],
      ['0,3', -1],
      ['0,4', -1],
      ['0,5', -1],
    ]);
    expect([headers[6]!.dataset.pos, headers[6]!.tabIndex]).to.deep.equal(['0,6', -1]);
    buttons[3]!.click();
    buttons[0]!.click();
    expect(clicked).to.deep.equal(['cpu', 'status']);
  });
});
