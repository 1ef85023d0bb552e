/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { VmError } from '../../src/protocol/errors.js';
import { VM_STATUSES } from '../../src/protocol/types.js';
import { VM_STATUS_LABEL, connectionLabel, secondsUntil } from '../../src/internal/status-words.js';
import { VM_STATUS_PHRASE } from '../../src/internal/status-phrases.js';
import type { SocketSnapshot } from '../../src/transport/vm-socket.js';

const snap = (s: Partial<SocketSnapshot>): SocketSnapshot => ({ state: 'idle', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null, ...s });

describe('status words', () => {
  it('name every VM status, as a label and as a phrase', () => {
    for (const status of VM_STATUSES) {
      expect(VM_STATUS_LABEL[status], status).to.match(/^[A-Z]/);
      expect(VM_STATUS_PHRASE[status], status).to.match(/^VM /);
    }
    expect([VM_STATUS_LABEL.shutdown, VM_STATUS_PHRASE.shutdown, VM_STATUS_PHRASE.error, VM_STATUS_PHRASE.unknown]).to.deep.equal([
      'Shut down',
      'VM shut down',
      'VM in error',
      'VM state unknown',
    ]);
  });

  it('say each connection state', () => {
    const now = 1_000_000;
    const table: [SocketSnapshot, string][] = [
      [snap({ state: 'open' }), 'Live'],
      [snap({ state: 'connecting' }), 'Connecting…'],
      [snap({ state: 'connecting', attempt: 2 }), 'Reconnecting…'],
      [snap({ state: 'reconnecting', nextRetryAt: now + 2100 }), 'Reconnecting in 3 s'],
      [snap({ state: 'reconnecting', nextRetryAt: now - 500 }), 'Reconnecting in 0 s'],
      [snap({ state: 'reconnecting', nextRetryAt: null }), 'Reconnecting in 0 s'],
      [snap({ state: 'offline' }), 'Offline: waiting for the network'],
      [snap({ state: 'unauthorized', lastError: new VmError('PERMISSION_DENIED', 'no') }), 'No permission'],
      [snap({ state: 'unauthorized', lastError: new VmError('AUTH_ERROR', 'no') }), 'Not signed in'],
      [snap({ state: 'not-found' }), 'VM not found'],
      [snap({ state: 'closed' }), 'Disconnected'],
      [snap({ state: 'idle' }), 'Not connected'],
    ];
    expect(table.map(([c]) => connectionLabel(c, now))).to.deep.equal(table.map(([, words]) => words));
  });

  it('count whole seconds up, never below zero', () => {
    expect([secondsUntil(1001, 0), secondsUntil(1000, 0), secondsUntil(0, 1000), secondsUntil(null, 0)]).to.deep.equal([2, 1, 0, 0]);
  });
});
