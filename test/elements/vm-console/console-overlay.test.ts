/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { ConnectionKind } from '../../../src/controllers/connection-view-controller.js';
import { renderOverlay, type OverlayFacts } from '../../../src/elements/vm-console/console-overlay.js';

const facts = (kind: ConnectionKind, more: Partial<OverlayFacts> = {}): OverlayFacts => ({
  kind,
  vmName: 'web-01',
  loadError: null,
  deniedAndClosed: false,
  nameError: null,
  authError: null,
  ...more,
});

function shown(f: OverlayFacts): string | null {
  const t = renderOverlay(f);
  if (!t) return null;
  const div = document.createElement('div');
  render(t, div);
  return `${div.querySelector('h2')!.textContent} | ${div.querySelector('p')!.textContent!.replace(/\s+/g, ' ').trim()}`;
}

describe('console overlay', () => {
  it('covers the terminal only when there is nothing to show in it, and says why', () => {
    const table: [OverlayFacts, string | null][] = [
      [facts('connected'), null],
      [facts('reconnecting'), null],
      [facts('not-running'), null],
      [facts('connected', { loadError: 'offline' }), 'The terminal could not be loaded | The terminal could not be loaded: offline'],
      [facts('none'), 'No VM selected | Set the vm-name attribute to show a VM console.'],
      [facts('invalid', { nameError: { reason: 'name-long' } }), 'Invalid VM name | A VM name is at most 255 characters long.'],
      [facts('invalid'), 'Invalid VM name | That VM name cannot be used.'],
      [facts('no-permission'), 'No console permission | Your account can see web-01 but may not use its console. Ask an administrator for the console permission.'],
      [facts('connecting', { deniedAndClosed: true }), 'No console permission | Your account can see web-01 but may not use its console. Ask an administrator for the console permission.'],
      [facts('unauthorized', { authError: 'Token expired.' }), 'Not signed in | Token expired.'],
      [facts('unauthorized'), 'Not signed in | Sign in again to use the console.'],
      [facts('not-found'), 'VM not found | There is no VM named web-01 on this server.'],
    ];
    expect(table.map(([f]) => shown(f))).to.deep.equal(table.map((r) => r[1]));
  });
});
