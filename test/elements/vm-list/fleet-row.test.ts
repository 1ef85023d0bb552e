/// <reference types="mocha" />
// One VM's row of <vm-list> (fleet-row.ts): what it shows from its facts, and what it calls back.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { CELL_COLS, renderRow, type RowFacts, type RowHandlers } from '../../../src/elements/vm-list/fleet-row.js';
import type { ActionState } from '../../../src/hub/action-rules.js';

const facts = (over: Partial<RowFacts>): RowFacts => ({
  name: 'web-01',
  description: 'Front end',
  index: 0,
  status: 'running',
  live: true,
  selected: false,
  cpu: 12.5,
  memory: 40,
  uptime: 3700,
  history: null,
  actions: [],
  locale: 'en-US',
  ...over,
});
const state = (action: 'start' | 'stop', enabled: boolean, over: Partial<ActionState> = {}): ActionState =>
  ({ action, enabled, busy: false, why: enabled ? null : { kind: 'status', status: 'running' }, ...over }) as ActionState;

function mount(f: RowFacts, over: Partial<RowHandlers> = {}) {
  const calls: string[] = [];
  const handlers: RowHandlers = {
    tab: (row, col) => (row === 1 && col === 1 ? 0 : -1),
    select: (n) => calls.push(`select ${n}`),
    reason: (st, n) => `${n} cannot ${st.action} now.`,
    act: (n, st) => calls.push(`${st.action} ${n}`),
    ...over,
  };
  const host = document.createElement('div');
  render(renderRow(f, handlers), host);
  const cell = (col: string) => host.querySelector<HTMLElement>(`.col-${col}`)!;
  const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
  return { host, calls, cell, words };
}

describe('<vm-list> row (fleet-row.ts)', () => {
  it('shows status in the shared words, live values, uptime, and the one tab stop', () => {
    const { host, cell, words } = mount(facts({ status: 'running' }));
    expect(words(cell('status'))).to.equal('Running');
    expect(host.querySelector('[part="row"]')!.getAttribute('aria-rowindex')).to.equal('2');
    expect(words(cell('cpu').querySelector('.value')!)).to.equal('12.5%');
    expect(cell('cpu').classList.contains('stale')).to.equal(false);
    expect(words(cell('uptime')).replace(/^Uptime/, '')).to.equal('1 h 1 min');
    expect(cell('name').tabIndex).to.equal(0);
    expect(cell('status').tabIndex).to.equal(-1);
  });

  it('marks values that are not live, and shows no uptime for a VM that is not running', () => {
    const { cell, words } = mount(facts({ status: 'shutdown', live: false }));
    expect(words(cell('status'))).to.equal('Shut down');
    expect(cell('memory').classList.contains('stale')).to.equal(true);
    expect(words(cell('memory'))).to.contain('(not live)');
    expect(words(cell('uptime'))).to.not.match(/\d/);
  });

  it('action buttons: enabled or disabled with the reason, in the grid columns after the cells; click selects or acts', () => {
    const { host, calls } = mount(facts({ actions: [state('start', false), state('stop', true)] }));
    const [start, stop] = [...host.querySelectorAll<HTMLButtonElement>('[part="action-button"]')] as [HTMLButtonElement, HTMLButtonElement];
    expect([start.dataset.pos, stop.dataset.pos]).to.deep.equal([`1,${CELL_COLS}`, `1,${CELL_COLS + 1}`]);
    expect([start.getAttribute('aria-disabled'), start.title, host.querySelector(`#${start.getAttribute('aria-describedby')}`)!.textContent]).to.deep.equal([
      'true',
      'web-01 cannot start now.',
      'web-01 cannot start now.',
    ]);
    expect([stop.getAttribute('aria-disabled'), stop.getAttribute('aria-label'), stop.hasAttribute('aria-describedby')]).to.deep.equal(['false', 'Stop web-01', false]);
    stop.click();
    host.querySelector<HTMLElement>('.col-name')!.click();
    expect(calls).to.deep.equal(['stop web-01', 'select web-01']);
  });
});
