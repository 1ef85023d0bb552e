/// <reference types="mocha" />
// <vm-list> with no list to show (list-messages.ts): a hub that never lists, and an empty fleet.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderEmpty, renderNoFleet } from '../../../src/internal/fleet-messages.js';

describe('<vm-list> no-list messages (list-messages.ts)', () => {
  it('says why there are no rows, as a status a screen reader announces', () => {
    const table: [string, () => Parameters<typeof render>[0], string, string][] = [
      ['no fleet', renderNoFleet, 'none', 'No VM list here | Listing VMs is switched off for this connection (its hub has fleetPollMs: false).'],
      ['empty', renderEmpty, 'empty', 'No VMs | This server has no VMs, or none you are allowed to see.'],
    ];
    for (const [name, make, state, words] of table) {
      const host = document.createElement('div');
      render(make(), host);
      const box = host.querySelector<HTMLElement>('[part="message"]')!;
      expect([box.dataset.state, box.getAttribute('role'), [...box.children].map((c) => c.textContent!.trim()).join(' | ')], name).to.deep.equal([state, 'status', words]);
    }
  });
});
