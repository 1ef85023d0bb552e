/// <reference types="mocha" />
// <vm-list>'s counts per status (each a filter toggle) and its "N shown" sentence.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { FleetView } from '../../../src/elements/vm-list/fleet-view.js';
import { renderSummary, shownText, toggleStatus } from '../../../src/elements/vm-list/status-summary.js';
import { VM_STATUSES, type VmStatus } from '../../../src/protocol/types.js';

const view = (counts: Partial<Record<VmStatus, number>>, shownRows: number): FleetView => {
  const all = Object.fromEntries(VM_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<VmStatus, number>;
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  return { rows: Array(shownRows).fill(null), counts: all, total } as FleetView;
};

describe('<vm-list> status summary (status-summary.ts)', () => {
  it('says how many VMs are shown, in the locale', () => {
    expect([
      shownText(view({ running: 1 }, 1), 'en'),
      shownText(view({ running: 1200, stopped: 4 }, 1204), 'en'),
      shownText(view({ running: 1200, stopped: 4 }, 4), 'de'),
    ]).to.deep.equal(['1 VM shown.', '1,204 VMs shown.', '4 of 1.204 VMs shown.']);
  });

  it('toggles a status in or out of the filter, in the statuses’ order', () => {
    expect([toggleStatus('', 'paused'), toggleStatus('paused', 'running'), toggleStatus('running paused', 'running'), toggleStatus('bogus', 'stopped')]).to.deep.equal([
      'paused',
      'running paused',
      'paused',
      'stopped',
    ]);
  });

  it('shows a chip per status present or chosen, in the shared words, pressed when chosen', () => {
    const host = document.createElement('div');
    const toggled: VmStatus[] = [];
    render(renderSummary(view({ running: 3, shutdown: 1 }, 4), 'crashed', 'en', (s) => toggled.push(s)), host);
    const chips = [...host.querySelectorAll<HTMLButtonElement>('[part="status-chip"]')];
    expect(chips.map((c) => [c.dataset.status, c.textContent!.replace(/\s+/g, ' ').trim(), c.getAttribute('aria-pressed')])).to.deep.equal([
      ['running', 'Running 3', 'false'],
      ['shutdown', 'Shut down 1', 'false'],
      ['crashed', 'Crashed 0', 'true'],
    ]);
    expect(host.querySelector('.total')!.textContent).to.equal('4 VMs');
    chips[1]!.click();
    expect(toggled).to.deep.equal(['shutdown']);
  });
});
