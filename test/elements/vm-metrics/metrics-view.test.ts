/// <reference types="mocha" />
// What <vm-metrics> shows for each state of its data, VM and connection: one row per state.
import { expect } from '@open-wc/testing';
import { describeMetrics, type MetricsFacts } from '../../../src/elements/vm-metrics/metrics-view.js';
import { VmError } from '../../../src/protocol/errors.js';
import type { VmStatus } from '../../../src/protocol/types.js';
import type { SocketSnapshot } from '../../../src/transport/vm-socket.js';

const sock = (state: SocketSnapshot['state'], over: Partial<SocketSnapshot> = {}): SocketSnapshot => ({
  state,
  attempt: 1,
  nextRetryAt: null,
  lastError: null,
  lastCloseCode: null,
  ...over,
});
const facts = (over: Partial<MetricsFacts>): MetricsFacts => ({
  hostMode: false,
  vmName: 'web-01',
  nameError: null,
  session: null,
  hasData: true,
  hasLatest: true,
  ...over,
});
const on = (connection: SocketSnapshot, status: VmStatus | null = 'running') => ({
  vmName: 'web-01',
  connection,
  status,
});

describe('<vm-metrics> view (metrics-view.ts)', () => {
  /** [case, facts, kind, badge, tone, placeholder, announced, ticking] */
  const table: [string, MetricsFacts, string, string, string, string, string, boolean][] = [
    ['host mode with samples', facts({ hostMode: true }), 'live', 'Live', 'ok', '', 'Live', false],
    ['host mode, none yet', facts({ hostMode: true, hasData: false }), 'waiting', 'Waiting for data', 'muted', 'Waiting for the first sample…', 'Waiting for the first sample', false],
    // Said from the reason: the message is English, for logs and events.
    ['a bad VM name', facts({ nameError: new VmError('INVALID_INPUT', 'Bad name') }), 'invalid-name', 'Invalid VM name', 'danger', 'That VM name cannot be used.', 'That VM name cannot be used.', false],
    ['a VM name too long', facts({ nameError: new VmError('INVALID_INPUT', 'Too long', { reason: 'name-long' }) }), 'invalid-name', 'Invalid VM name', 'danger', 'A VM name is at most 255 characters long.', 'A VM name is at most 255 characters long.', false],
    ['no VM', facts({ vmName: ' ' }), 'no-vm', 'No VM selected', 'muted', 'No VM selected: set vm-name, or push samples to .metrics.', 'No VM selected: set vm-name, or push samples to .metrics.', false],
    ['no session yet', facts({}), 'connecting', 'Connecting…', 'muted', 'Connecting…', 'Connecting…', false],
    ['first attempt', facts({ session: on(sock('connecting', { attempt: 0 })) }), 'connecting', 'Connecting…', 'muted', 'Connecting…', 'Connecting', false],
    ['reconnecting with data', facts({ session: on(sock('reconnecting', { nextRetryAt: Date.now() + 2500 })) }), 'disconnected', 'Reconnecting in 3 s', 'warn', 'Reconnecting in 3 s', 'Connection lost, reconnecting', true],
    ['offline, no data', facts({ hasData: false, session: on(sock('offline')) }), 'disconnected', 'Offline: waiting for the network', 'warn', 'Connection lost. Offline: waiting for the network', 'Offline: waiting for the network', false],
    ['no permission', facts({ session: on(sock('unauthorized', { lastError: new VmError('PERMISSION_DENIED', 'no') })) }), 'unauthorized', 'No permission', 'danger', 'You do not have permission to see this VM’s metrics.', 'You do not have permission to see this VM’s metrics.', false],
    ['not found', facts({ session: on(sock('not-found')) }), 'not-found', 'VM not found', 'danger', 'VM “web-01” was not found on the server.', 'VM “web-01” was not found on the server.', false],
    ['shut down', facts({ session: on(sock('open'), 'shutdown') }), 'stopped', 'Shut down', 'muted', 'VM is stopped — no live metrics', 'VM is stopped — no live metrics', false],
    ['crashed', facts({ session: on(sock('open'), 'crashed') }), 'stopped', 'Crashed', 'muted', 'VM has crashed — no live metrics', 'VM has crashed — no live metrics', false],
    ['paused', facts({ session: on(sock('open'), 'paused') }), 'stopped', 'Paused', 'muted', 'VM is paused — no live metrics', 'VM is paused — no live metrics', false],
    ['open, only kept history', facts({ hasLatest: false, session: on(sock('open')) }), 'waiting', 'Waiting for data', 'muted', 'Waiting for the first sample… LibGo sends one every 5 s', 'Connected, waiting for the first sample', false],
    ['open and live', facts({ session: on(sock('open')) }), 'live', 'Live', 'ok', '', 'Live', false],
  ];
  for (const [name, f, kind, label, tone, message, announce, ticking] of table) {
    it(name, () => expect(describeMetrics(f)).to.deep.equal({ kind, label, tone, message, announce, ticking }));
  }
});
