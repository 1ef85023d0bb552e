/// <reference types="mocha" />
// The words every element shows for a connection state, one row per state.
import { expect } from '@open-wc/testing';
import { VmError } from '../../src/protocol/errors.js';
import { connectionLabel } from '../../src/internal/status-words.js';
import type { SocketSnapshot } from '../../src/transport/vm-socket.js';

const NOW = 1_800_000_000_000;
const snapshot = (s: Partial<SocketSnapshot> & Pick<SocketSnapshot, 'state'>): SocketSnapshot => ({
  attempt: 0,
  nextRetryAt: null,
  lastError: null,
  lastCloseCode: null,
  ...s,
});

const CASES: [string, SocketSnapshot, string][] = [
  ['open', snapshot({ state: 'open' }), 'Live'],
  ['connecting, first attempt', snapshot({ state: 'connecting' }), 'Connecting…'],
  ['connecting after a failure', snapshot({ state: 'connecting', attempt: 2 }), 'Reconnecting…'],
  ['reconnecting, 2.1 s to wait (rounded up)', snapshot({ state: 'reconnecting', nextRetryAt: NOW + 2_100 }), 'Reconnecting in 3 s'],
  ['reconnecting, the time already passed', snapshot({ state: 'reconnecting', nextRetryAt: NOW - 500 }), 'Reconnecting in 0 s'],
  ['reconnecting, no time known', snapshot({ state: 'reconnecting' }), 'Reconnecting in 0 s'],
  ['offline', snapshot({ state: 'offline' }), 'Offline: waiting for the network'],
  ['unauthorized: no token', snapshot({ state: 'unauthorized', lastError: new VmError('AUTH_ERROR', 'expired') }), 'Not signed in'],
  ['unauthorized: no permission', snapshot({ state: 'unauthorized', lastError: new VmError('PERMISSION_DENIED', 'console') }), 'No permission'],
  ['not-found', snapshot({ state: 'not-found' }), 'VM not found'],
  ['closed', snapshot({ state: 'closed' }), 'Disconnected'],
  ['idle', snapshot({ state: 'idle' }), 'Not connected'],
  ['queued by the socket budget', snapshot({ state: 'queued' }), 'Not live: waiting for a connection'],
];

describe('connectionLabel', () => {
  for (const [name, input, label] of CASES) {
    it(`${name} → "${label}"`, () => {
      expect(connectionLabel(input, NOW)).to.equal(label);
    });
  }
});
