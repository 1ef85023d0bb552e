/**
 * The grid's header row: a sort button per column (the sorted one says its direction, to the eye
 * with an arrow and to assistive technology with `aria-sort`), then the one Actions cell. Focus (a
 * roving tabindex) and what a click does stay with the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../internal/msg.js';
import { SORT_KEYS, type SortDirection, type SortKey } from './fleet-view.js';
import { CELL_COLS, COLUMN_LABEL } from './fleet-row.js';

export interface HeaderFacts {
  sort: SortKey;
  direction: SortDirection;
  /** The tabindex of a header cell (row 0). */
  tab: (row: number, col: number) => number;
  sortBy: (key: SortKey) => void;
}

export function renderHeaderRow(f: HeaderFacts): TemplateResult {
  return html`<div class="row head" part="header-row" role="row" aria-rowindex="1">
    ${SORT_KEYS.map((k, i) => renderHeader(f, k, i))}
    <div class="cell actions" role="columnheader" aria-colindex=${CELL_COLS + 1} tabindex=${f.tab(0, CELL_COLS)} data-pos="0,${CELL_COLS}">${msg('Actions', { id: 'list.col.actions' })}</div>
  </div>`;
}

function renderHeader(f: HeaderFacts, k: SortKey, i: number): TemplateResult {
  const sorted = f.sort === k;
  const arrow = sorted ? (f.direction === 'ascending' ? '▲' : '▼') : '';
  return html`<div class="cell col-${k}" role="columnheader" aria-colindex=${i + 1} aria-sort=${sorted ? f.direction : nothing}>
    <button class="sort" tabindex=${f.tab(0, i)} data-pos="0,${i}" @click=${() => f.sortBy(k)}>
      ${COLUMN_LABEL[k]}<span class="arrow" aria-hidden="true">${arrow}</span>
    </button>
  </div>`;
}
