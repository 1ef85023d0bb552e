/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import { RowLeases } from '../../../src/elements/vm-list/row-leases.js';

/** A monitor session whose status, socket state and samples a test sets by hand. */
function fakeSession() {
  const listeners = new Set<() => void>();
  let cpu = NaN;
  const s = {
    status: { status: 'running' } as { status: string } | null,
    connection: { state: 'open' },
    history: { latest: () => (Number.isNaN(cpu) ? null : { cpu, memPct: 10 }) },
    currentUptime: () => 60,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    emit(change: { cpu?: number; status?: string; state?: string }) {
      if (change.cpu !== undefined) cpu = change.cpu;
      if (change.status !== undefined) s.status = { status: change.status };
      if (change.state !== undefined) s.connection.state = change.state;
      for (const l of listeners) l();
    },
  };
  return s;
}

function fakeHub(sessions: Map<string, ReturnType<typeof fakeSession>>): VmHub {
  return {
    monitor(name: string) {
      const session = fakeSession();
      sessions.set(name, session);
      return { session, setVisible() {}, release() {} };
    },
  } as unknown as VmHub;
}

describe('vm-list row leases', () => {
  it('calls a status or socket change urgent, and new samples not', () => {
    const calls: boolean[] = [];
    const sessions = new Map<string, ReturnType<typeof fakeSession>>();
    const leases = new RowLeases((urgent) => calls.push(urgent));
    leases.sync(fakeHub(sessions), ['web-01'], new Set(['web-01']));
    const s = sessions.get('web-01')!;
    s.emit({ cpu: 12 });
    s.emit({ cpu: 14 });
    s.emit({ status: 'paused' });
    s.emit({ cpu: 3 });
    s.emit({ state: 'reconnecting' });
    s.emit({ state: 'reconnecting' });
    expect(calls).to.deep.equal([false, false, true, false, true, false]);
    expect(leases.seen('web-01')?.cpu).to.equal(3);
  });

  it('says whether a sync took or let go of a session', () => {
    const sessions = new Map<string, ReturnType<typeof fakeSession>>();
    const hub = fakeHub(sessions);
    const leases = new RowLeases(() => {});
    expect(leases.sync(hub, ['a', 'b'], new Set(['a'])), 'two taken').to.equal(true);
    expect(leases.sync(hub, ['a', 'b'], new Set(['a'])), 'the same rows').to.equal(false);
    expect(leases.sync(hub, ['a', 'b'], new Set(['a', 'b'])), 'only which rows are in view').to.equal(false);
    expect(leases.sync(hub, ['a'], new Set(['a'])), 'b let go').to.equal(true);
    expect(leases.sync(fakeHub(sessions), ['a'], new Set(['a'])), 'another hub').to.equal(true);
    expect(leases.sync(null, ['a'], new Set(['a'])), 'no hub').to.equal(true);
    expect(leases.sync(null, ['a'], new Set(['a'])), 'still none').to.equal(false);
  });
});
