/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { MonitorSession } from '../../../src/hub/monitor-session.js';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import { OverviewLoad } from '../../../src/elements/vm-detail/overview-load.js';
import { OverviewRefresh } from '../../../src/elements/vm-detail/overview-refresh.js';
import { VmError } from '../../../src/protocol/errors.js';
import type { VmInfo } from '../../../src/protocol/types.js';

/** A hub whose REST answers from `vm` (or fails while `fail`), counting reads; its config event can be fired. */
function fakeHub() {
  const h = {
    reads: 0,
    fail: false,
    vm: { name: 'web-01', status: 'running', rawStatus: 'running' } as VmInfo,
    onConfig: null as (() => void) | null,
    rest: {
      getVm: async () => {
        h.reads++;
        if (h.fail) throw new VmError('NETWORK_ERROR', 'down');
        return h.vm;
      },
    },
    events: {
      on: (_: string, fn: () => void) => {
        h.onConfig = fn;
        return () => (h.onConfig = null);
      },
    },
  };
  return h;
}

function setup() {
  const hub = fakeHub();
  const monitor = {
    hub: hub as unknown as VmHub,
    session: null as MonitorSession | null,
    nameError: null as VmError | null,
  };
  const overview = new OverviewLoad({ requestUpdate: () => undefined } as never);
  let configChanges = 0;
  let name = 'web-01';
  const refresh = new OverviewRefresh({ overview, monitor, vmName: () => name, connected: () => true, configChanged: () => configChanges++ });
  const session = (state: string, rawStatus?: string) =>
    (monitor.session = { connection: { state }, status: rawStatus ? { status: rawStatus, rawStatus } : null } as unknown as MonitorSession);
  const settle = () => new Promise((r) => setTimeout(r));
  return { hub, monitor, overview, refresh, session, settle, setName: (n: string) => (name = n), configs: () => configChanges };
}

describe('<vm-detail> when the Overview is read again (overview-refresh.ts)', () => {
  it('reads a VM once, and not without a hub, a name, or with a bad name', async () => {
    const t = setup();
    t.refresh.sync();
    t.refresh.sync();
    await t.settle();
    expect(t.hub.reads).to.equal(1);
    expect(t.overview.vm?.name).to.equal('web-01');
    t.setName('  ');
    t.refresh.sync();
    t.setName('db-01');
    t.monitor.nameError = new VmError('INVALID_INPUT', 'bad');
    t.refresh.sync();
    await t.settle();
    expect(t.hub.reads).to.equal(1);
  });

  it('reads again when the socket opens after a failed read, or after a reconnect, but not on its first open', async () => {
    const t = setup();
    t.session('connecting');
    t.refresh.sync();
    await t.settle();
    t.session('open');
    t.refresh.sessionChanged();
    await t.settle();
    expect(t.hub.reads, 'first open after a good read').to.equal(1);
    t.session('reconnecting');
    t.refresh.sessionChanged();
    t.session('open');
    t.refresh.sessionChanged();
    await t.settle();
    expect(t.hub.reads, 'after a reconnect').to.equal(2);
    expect(t.refresh.socketWasOpen).to.equal(true);
    t.refresh.sessionReplaced();
    expect(t.refresh.socketWasOpen).to.equal(false);
    t.hub.fail = true;
    t.refresh.load(true);
    await t.settle();
    expect(t.overview.error?.code).to.equal('NETWORK_ERROR');
    t.hub.fail = false;
    t.session('connecting');
    t.refresh.sessionChanged();
    t.session('open');
    t.refresh.sessionChanged();
    await t.settle();
    expect(t.hub.reads, 'after a failed read').to.equal(4);
    expect(t.overview.error).to.equal(null);
  });

  it("reads again when the VM's state changes, or differs from what was read", async () => {
    const t = setup();
    t.refresh.sync();
    await t.settle();
    t.session('open', 'running');
    t.refresh.sessionChanged();
    t.refresh.sessionChanged();
    await t.settle();
    expect(t.hub.reads, 'same state as read').to.equal(1);
    t.session('open', 'paused');
    t.refresh.sessionChanged();
    await t.settle();
    expect(t.hub.reads, 'state changed').to.equal(2);
    t.refresh.vmChanged();
    expect(t.overview.vm).to.equal(null);
    t.hub.vm = { ...t.hub.vm, rawStatus: 'running', status: 'running' };
    t.refresh.sync();
    await t.settle();
    t.refresh.sessionChanged();
    await t.settle();
    expect(t.hub.reads, 'socket says paused, REST said running').to.equal(4);
  });

  it("follows the hub's configuration: a change reads again and tells the element; another hub stops that", async () => {
    const t = setup();
    t.refresh.hubChanged(t.monitor.hub);
    t.refresh.sync();
    await t.settle();
    t.hub.onConfig!();
    await t.settle();
    expect(t.configs()).to.equal(1);
    expect(t.hub.reads).to.equal(2);
    t.refresh.hubChanged(null);
    expect(t.hub.onConfig).to.equal(null);
  });
});
