/// <reference types="mocha" />
// What <vm-list> says instead of its rows: one row per error, the state and the words a user reads.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderListError, renderLoading, renderNoMatch } from '../../../src/internal/fleet-messages.js';
import { VmError, type VmErrorCode } from '../../../src/protocol/errors.js';

const shown = (t: Parameters<typeof render>[0]) => {
  const host = document.createElement('div');
  render(t, host);
  const box = host.querySelector<HTMLElement>('[part="message"]')!;
  // Each child's words (title, sentence, button), as a screen reader reads them one by one.
  const text = [...box.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
  return { state: box.dataset.state, text, host };
};

describe('<vm-list> messages (list-messages.ts)', () => {
  /** [code, message, stale, state, words] */
  const table: [VmErrorCode, string, boolean, string, string][] = [
    ['AUTH_ERROR', 'expired', false, 'unauthorized', 'Not signed in | Sign in again to see the VMs. | Retry now'],
    ['PERMISSION_DENIED', 'no', true, 'forbidden', 'No permission | Your account is not allowed to list VMs. | Retry now'],
    ['NETWORK_ERROR', 'down', false, 'unreachable', 'Server unreachable | The server at https://libgo.example cannot be reached. The page keeps trying. | Retry now'],
    ['TIMEOUT', 'slow', true, 'unreachable', 'The server at https://libgo.example cannot be reached. The list below may be out of date; the page keeps trying. | Retry now'],
    ['SERVER_ERROR', 'boom', false, 'error', 'The list could not be loaded | The server could not list the VMs (boom). The page keeps trying. | Retry now'],
  ];
  for (const [code, message, stale, state, words] of table) {
    it(`${code}${stale ? ' over a stale list' : ''}: ${state}`, () => {
      // As the transport makes them from a server's answer: its words in message and detail.
      const m = shown(renderListError(new VmError(code, message, { detail: message }), stale, 'https://libgo.example//', () => undefined));
      expect([m.state, m.text]).to.deep.equal([state, words]);
    });
  }

  it('quotes the server\'s words or the HTTP status, never the transport\'s English', () => {
    const said = (e: VmError) => shown(renderListError(e, false, 'https://a', () => undefined)).text;
    expect([
      said(new VmError('SERVER_ERROR', 'The server failed (HTTP 500).', { status: 500 })),
      said(new VmError('SERVER_ERROR', 'disk full', { status: 500, detail: 'disk full' })),
      said(new VmError('INVALID_RESPONSE', 'Expected JSON from /api/v1/vms, got text/html.')),
    ]).to.deep.equal([
      'The list could not be loaded | The server could not list the VMs (HTTP 500). The page keeps trying. | Retry now',
      'The list could not be loaded | The server could not list the VMs (disk full). The page keeps trying. | Retry now',
      'The list could not be loaded | The server could not list the VMs. The page keeps trying. | Retry now',
    ]);
  });

  it('Retry now and Clear filters call back; loading says it is busy', () => {
    const calls: string[] = [];
    const err = shown(renderListError(new VmError('TIMEOUT', 'x'), false, 'https://a', () => calls.push('retry')));
    err.host.querySelector('button')!.click();
    const none = shown(renderNoMatch(() => calls.push('clear')));
    none.host.querySelector('button')!.click();
    expect(calls).to.deep.equal(['retry', 'clear']);
    expect(none.state).to.equal('no-match');
    const loading = shown(renderLoading());
    expect([loading.state, loading.host.querySelector('[aria-busy="true"]') !== null]).to.deep.equal(['loading', true]);
  });
});
