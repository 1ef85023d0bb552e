/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { loadLocale } from '../../../src/internal/localize.js';
import { renderIn } from '../../../src/internal/msg.js';
// The public entry installs the translating half, as on a page that sets its locale.
import '../../../src/localize.js';
import { ConsoleStatus, noticeAnnouncement, type ConsoleStatusHost } from '../../../src/elements/vm-console/console-status.js';
import type { ConsoleSession } from '../../../src/hub/console.js';
import type { VmHub } from '../../../src/hub/vm-hub.js';
import { VmError } from '../../../src/protocol/errors.js';
import type { VmStatus } from '../../../src/protocol/types.js';
import type { SocketSnapshot } from '../../../src/transport/vm-socket.js';

interface FakeSession {
  vmName: string;
  connection: SocketSnapshot;
  vmStatus: VmStatus | null;
}

async function setup(perms: string[] | null = ['console']) {
  const element = await fixture<HTMLElement & { vmName: string; requestUpdate(): void }>(html`<div></div>`);
  let updates = 0;
  Object.assign(element, { vmName: 'web-01', requestUpdate: () => updates++ });
  const session: FakeSession = {
    vmName: 'web-01',
    connection: { state: 'connecting', attempt: 0, nextRetryAt: null, lastError: null, lastCloseCode: null },
    vmStatus: null,
  };
  const events: string[] = [];
  for (const type of ['vm-console-connect', 'vm-console-disconnect', 'vm-console-eof']) {
    element.addEventListener(type, (e) => events.push(`${type} ${JSON.stringify((e as CustomEvent).detail)}`));
  }
  const said: string[] = [];
  let views = 0;
  const hub = { permissions: async () => (perms ? new Set(perms) : Promise.reject(new Error('offline'))) } as unknown as VmHub;
  const host: ConsoleStatusHost = {
    element,
    session: () => session as unknown as ConsoleSession,
    hub: () => hub,
    announce: (words) => said.push(words()),
    syncView: () => views++,
  };
  const status = new ConsoleStatus(host);
  const set = (s: Partial<SocketSnapshot>, vmStatus: VmStatus | null = session.vmStatus) => {
    session.connection = { ...session.connection, ...s };
    session.vmStatus = vmStatus;
    status.changed();
  };
  return { status, session, set, events, said, views: () => views, updates: () => updates };
}

describe('console status', () => {
  it('fires connect and disconnect events and shows a reconnect countdown while the socket is away', async () => {
    const { status, set, events, said } = await setup();
    set({ state: 'open' });
    expect(events).to.deep.equal(['vm-console-connect {"vmName":"web-01"}']);
    set({ state: 'reconnecting', nextRetryAt: Date.now() + 2500, lastError: new VmError('NETWORK_ERROR', 'Lost it.'), lastCloseCode: 1006 });
    expect(events[1]).to.equal('vm-console-disconnect {"vmName":"web-01","reason":"Lost it.","code":1006}');
    expect(status.notice?.cause).to.equal('reconnect');
    expect(status.notice!.text()).to.equal('Disconnected — reconnecting in 3 s');
    expect(said).to.deep.equal(['Disconnected, reconnecting']);
    set({ state: 'connecting' });
    expect(status.notice!.text()).to.equal('Disconnected — reconnecting now…');
    set({ state: 'open' });
    expect(status.notice, 'the notice goes when the socket is back').to.equal(null);
    expect(events.length).to.equal(3);
  });

  it('says when the VM is not running, and withdraws it when it runs again', async () => {
    const { status, set, said } = await setup();
    set({ state: 'open' }, 'stopped');
    expect(status.notice).to.include({ tone: 'warn', cause: 'vm-status' });
    expect(status.notice!.text()).to.equal('VM stopped: the console has no guest to talk to.');
    expect(said).to.deep.equal(['VM stopped: the console has no guest to talk to.']);
    set({}, 'running');
    expect(status.notice).to.equal(null);
  });

  it('says EOF and fires vm-console-eof', async () => {
    const { status, events } = await setup();
    status.eof();
    expect(status.notice).to.include({ cause: 'eof' });
    expect(status.notice!.text()).to.equal('Console closed by the guest (EOF).');
    expect(events).to.deep.equal(['vm-console-eof {"vmName":"web-01"}']);
  });

  it('on a session swap, says the old one closed and starts afresh', async () => {
    const { status, set, events } = await setup();
    set({ state: 'open' }, 'stopped');
    status.swapped();
    expect(events.at(-1)).to.equal('vm-console-disconnect {"vmName":"web-01","reason":"The console was closed.","code":null}');
    expect(status.notice).to.equal(null);
    status.swapped();
    expect(events.filter((e) => e.startsWith('vm-console-disconnect')).length, 'once').to.equal(1);
  });

  it('judges the console permission from the hub and from the socket', async () => {
    for (const [perms, denied] of [
      [['console'], false],
      [['read'], true],
      [null, false],
    ] as const) {
      const { status } = await setup(perms as string[] | null);
      await status.checkPermissions();
      expect(status.permissionDenied, JSON.stringify(perms)).to.equal(denied);
      expect(status.readOnlyReason()).to.equal(denied ? 'You do not have the console permission for this VM.' : 'This console is read-only.');
    }
    const { status, set } = await setup();
    set({ state: 'unauthorized', lastError: new VmError('PERMISSION_DENIED', 'no') });
    expect([status.permissionDenied, status.denied]).to.deep.equal([false, true]);
  });

  it('makes the countdown and its announcement in the locale it is read in (German), parsing no English', async () => {
    await loadLocale('de');
    const { status, set } = await setup();
    set({ state: 'open' });
    set({ state: 'reconnecting', nextRetryAt: Date.now() + 2500 });
    expect(renderIn('de', () => [status.notice!.text(), noticeAnnouncement(status.notice!)])).to.deep.equal([
      'Getrennt – neuer Versuch in 3 s',
      'Getrennt, Verbindung wird wiederhergestellt',
    ]);
    expect(status.notice!.text(), 'the same notice read outside: English').to.equal('Disconnected — reconnecting in 3 s');
  });

  it('says a notice by its own announcement when it has one (a countdown once, without its number)', () => {
    expect(noticeAnnouncement({ tone: 'warn', cause: 'reconnect', text: () => 'Disconnected — reconnecting in 12 s', announce: () => 'Disconnected, reconnecting' })).to.equal(
      'Disconnected, reconnecting',
    );
    expect(noticeAnnouncement({ tone: 'info', cause: 'eof', text: () => 'Fine.' })).to.equal('Fine.');
  });
});
