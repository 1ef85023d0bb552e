/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { ACTION_ORDER, actionState, parseConfirmActions, type ActionInput, type Why } from '../../src/hub/action-rules.js';
import type { VmAction, VmStatus } from '../../src/protocol/types.js';
import type { SocketSnapshot } from '../../src/transport/vm-socket.js';

const socket = (state: SocketSnapshot['state']): SocketSnapshot => ({ state, attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null });
const ALL = new Set(['read', 'start', 'stop', 'console']);

function input(over: Partial<ActionInput>): ActionInput {
  return { status: 'running', permissions: ALL, connection: socket('open'), restFallback: true, pending: new Set(), vmName: 'web-01', ...over };
}

describe('actionState (hub/action-rules.ts)', () => {
  // Which actions each status offers over an open socket, with every permission (LibGo's lifecycle).
  const offered: [VmStatus, VmAction[]][] = [
    ['running', ['stop', 'restart', 'suspend']],
    ['stopped', ['start']],
    ['shutdown', ['start']],
    ['crashed', ['start']],
    ['paused', ['stop', 'resume']],
    ['suspended', ['stop', 'resume']],
    ['error', []],
    ['unknown', []],
  ];
  for (const [status, enabled] of offered) {
    it(`offers ${enabled.join(', ') || 'nothing'} for a ${status} VM, and says why not for the rest`, () => {
      for (const action of ACTION_ORDER) {
        const s = actionState(action, input({ status }));
        expect(s.enabled, action).to.equal(enabled.includes(action));
        expect(s.busy).to.equal(false);
        expect(s.why, action).to.deep.equal(enabled.includes(action) ? null : { kind: 'status', status });
      }
    });
  }

  const refused: [string, VmAction, Partial<ActionInput>, Why, boolean?][] = [
    ['its own action is pending', 'stop', { pending: new Set<VmAction>(['stop']) }, { kind: 'busy' }, true],
    ['another action is pending', 'restart', { pending: new Set<VmAction>(['stop']) }, { kind: 'wait', other: 'stop' }],
    ['the start permission is missing', 'start', { status: 'stopped', permissions: new Set(['read', 'stop']) }, { kind: 'permission', missing: ['start'] }],
    ['restart lacks both permissions', 'restart', { permissions: new Set(['read']) }, { kind: 'permission', missing: ['start', 'stop'] }],
    ['suspend needs stop', 'suspend', { permissions: new Set(['read', 'start']) }, { kind: 'permission', missing: ['stop'] }],
    ['the server does not know the VM', 'stop', { connection: socket('not-found') }, { kind: 'not-found' }],
    ['the session was refused', 'stop', { connection: socket('unauthorized') }, { kind: 'sign-in' }],
    ['restart has no REST route', 'restart', { connection: socket('reconnecting') }, { kind: 'offline' }],
    ['suspend has no REST route', 'suspend', { connection: socket('offline') }, { kind: 'offline' }],
    ['the REST fallback is off', 'stop', { connection: socket('offline'), restFallback: false }, { kind: 'offline' }],
    ['there is no socket yet and no REST fallback', 'start', { status: 'stopped', connection: null, restFallback: false }, { kind: 'offline' }],
    ['the status is not known yet', 'stop', { status: null }, { kind: 'no-status' }],
  ];
  for (const [why, action, over, expected, busy = false] of refused) {
    it(`disables ${action} when ${why}`, () => {
      expect(actionState(action, input(over))).to.deep.equal({ action, enabled: false, busy, why: expected });
    });
  }

  const allowed: [string, VmAction, Partial<ActionInput>][] = [
    ['permissions are not known (the server decides)', 'restart', { permissions: null }],
    ['stop over REST while the socket is down', 'stop', { connection: socket('reconnecting') }],
    ['start over REST before any socket', 'start', { status: 'stopped', connection: null }],
  ];
  for (const [why, action, over] of allowed) {
    it(`enables ${action}: ${why}`, () => {
      expect(actionState(action, input(over))).to.deep.equal({ action, enabled: true, busy: false, why: null });
    });
  }
});

describe('parseConfirmActions (hub/action-rules.ts)', () => {
  const cases: [string | null | undefined, VmAction[], string[]][] = [
    ['stop restart suspend', ['stop', 'restart', 'suspend'], []],
    ['', [], []],
    [null, [], []],
    [undefined, [], []],
    ['  Stop,RESTART ', ['stop', 'restart'], []],
    ['stop reboot', ['stop'], ['reboot']],
  ];
  for (const [value, actions, unknown] of cases) {
    it(`reads ${JSON.stringify(value)}`, () => {
      const r = parseConfirmActions(value);
      expect([...r.actions]).to.deep.equal(actions);
      expect(r.unknown).to.deep.equal(unknown);
    });
  }
});
