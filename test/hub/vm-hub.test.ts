/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { VmError, VmHub, type VmHubConfig } from '../../src/hub/index.js';
import { leaseConsole, ReplayBuffer } from '../../src/hub/console.js';
import { preloadConnection } from '../../src/transport/index.js';
import { fakeSocketFactory, flush, line, ManualTimers } from '../helpers/fake-socket.js';

/** Every hub a test made: disposed after it, so no socket of one test holds the page's budget in the next. */
const made: VmHub[] = [];

function setup(extra: Partial<VmHubConfig> = {}) {
  const timers = new ManualTimers();
  const { factory, sockets } = fakeSocketFactory();
  const restCalls: string[] = [];
  // What GET /vms/web-01 says; REST start/stop change it, as a server that acts does.
  const rest = { status: 'running' };
  const hub = new VmHub({
    serverUrl: 'http://libgo.test',
    socketFactory: factory,
    timers,
    random: () => 0.5,
    lingerMs: 1000,
    heartbeatMs: 60_000,
    tokenProvider: () => 'tok',
    fetch: async (url, init) => {
      restCalls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
      if (url.endsWith('/start') || url.endsWith('/stop')) {
        rest.status = url.endsWith('/start') ? 'running' : 'stopped';
        return Response.json({ message: 'done' });
      }
      return Response.json({ vm: { name: 'web-01', status: rest.status } });
    },
    ...extra,
  });
  made.push(hub);
  return { hub, sockets, timers, restCalls, rest, step: async (ms = 0) => { await flush(10); timers.advance(ms); await flush(10); } };
}

const metrics = (rx: number) => ({ cpu: { utilization: 5 }, memory: { used: 1, total: 2 }, network: { rxBytes: rx, txBytes: 0 }, disk: { readBytes: 0, writeBytes: 0 } });

const until = (fn: () => boolean, message: string) => waitUntil(fn, message, { timeout: 3000, interval: 5 });

describe('VmHub', () => {
  // The socket code loads on first connect; load it once so tests can count sockets synchronously.
  before(() => preloadConnection());
  afterEach(() => {
    for (const h of made.splice(0)) h.dispose();
  });

  // First in this file on purpose: nothing here has loaded the history code yet.
  it('keeps the samples and gaps that arrive while the history code loads, and says when it is there', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    const other = t.hub.monitor('db-01').session;
    let changes = 0;
    session.subscribe(() => changes++);
    await t.step();
    t.sockets[0]!.open();
    t.sockets[1]!.open();
    t.sockets[0]!.receive([line('metrics', metrics(0), '2026-11-25T20:00:00Z'), line('metrics', metrics(5_000_000), '2026-11-25T20:00:05Z')].join('\n'));
    t.sockets[1]!.receive(line('metrics', metrics(7), '2026-11-25T20:00:01Z'));
    expect(session.history, 'not loaded on first paint').to.equal(null);
    t.sockets[0]!.drop(); // a gap while loading
    await t.step(5_000);
    const again = t.sockets.filter((s) => s.url.includes('/web-01')).at(-1)!;
    again.open();
    again.receive(line('metrics', metrics(6_000_000), '2026-11-25T20:00:30Z'));
    const before = changes;
    await until(() => session.history !== null, 'the history');
    expect(changes, 'subscribers told').to.be.greaterThan(before);
    const h = session.history!;
    expect(h.series.length, 'three samples and one gap row').to.equal(4);
    const rx = h.series.toArrays('rxRate').y;
    // The rate before the outage survives; none is drawn across it.
    expect(rx.filter((v) => v !== null)).to.deep.equal([1_000_000]);
    await until(() => other.history !== null, 'the other VM\'s history');
    expect(other.history!.series.length, 'every session waiting for the code gets its samples').to.equal(1);
    t.hub.dispose();
  });

  it('shares one monitor socket among any number of subscribers, and one console socket', async () => {
    const t = setup();
    const leases = Array.from({ length: 10 }, () => t.hub.monitor('web-01'));
    const consoles = Array.from({ length: 3 }, () => leaseConsole(t.hub, 'web-01'));
    await t.step();
    expect(t.sockets.map((s) => new URL(s.url).pathname)).to.deep.equal(['/ws/vms/web-01', '/ws/vms/web-01/console']);
    expect(new Set(leases.map((l) => l.session)).size).to.equal(1);
    expect(new Set(consoles.map((l) => l.session)).size).to.equal(1);
    expect(t.hub.socketCount).to.equal(2);
  });

  it('closes the socket only after the linger once the last subscriber leaves, and reuses it within', async () => {
    const t = setup();
    const a = t.hub.monitor('web-01');
    const b = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    a.release();
    b.release();
    b.release(); // releasing twice is harmless
    await t.step(500);
    expect(t.sockets[0]!.closedWith).to.equal(null);
    const c = t.hub.monitor('web-01');
    expect(c.session).to.equal(a.session);
    c.release();
    await t.step(1000);
    expect(t.sockets[0]!.closedWith?.code).to.equal(1000);
    expect(t.hub.sessionCount).to.equal(0);
    expect(t.sockets.length).to.equal(1);
  });

  it('keeps status and a metrics history with rates from message timestamps', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive([line('status', { status: 'running', uptime: 10 }), line('metrics', metrics(0), '2026-11-25T20:00:00Z')].join('\n'));
    t.sockets[0]!.receive(line('metrics', metrics(5_000_000), '2026-11-25T20:00:05Z'));
    // A restart resets the counter: a gap, never a negative rate.
    t.sockets[0]!.receive(line('metrics', metrics(100), '2026-11-25T20:00:10Z'));
    expect(session.status!.status).to.equal('running');
    // The history's code loads with the first sample; the samples wait for it, none is lost.
    await until(() => session.history !== null, 'the history');
    const rx = session.history!.series.toArrays('rxRate').y;
    expect(rx.filter((v) => v !== null)).to.deep.equal([1_000_000]);
    expect(rx.every((v) => v === null || v >= 0)).to.equal(true);
  });

  it('runs commands over the socket when it is open', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive(line('status', { status: 'running', uptime: 100, lastStateChange: '2026-11-25T19:00:00Z' }));
    const p = session.command('restart');
    const sent = t.sockets[0]!.sentMessages()[0]!;
    expect(session.pendingActions.has('restart')).to.equal(true);
    t.sockets[0]!.receive(line('response', { requestId: sent.data.requestId, success: true, message: 'restarted' }));
    t.sockets[0]!.receive(line('status', { status: 'running', uptime: 0, lastStateChange: '2026-11-25T20:00:00Z' }));
    expect(await p).to.deep.equal({ action: 'restart', message: 'restarted', via: 'socket', status: 'running' });
    expect(session.pendingActions.size).to.equal(0);
  });

  it('turns success:false into a COMMAND_FAILED error with the server reason', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    const p = session.command('start').catch((e) => e);
    const sent = t.sockets[0]!.sentMessages()[0]!;
    t.sockets[0]!.receive(line('response', { requestId: sent.data.requestId, success: false, message: 'VM is already running' }));
    const e = await p;
    expect(e.code).to.equal('COMMAND_FAILED');
    expect(e.message).to.equal('VM is already running');
  });

  it('falls back to REST for start/stop and refuses restart/suspend/resume without a socket', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.drop(1006); // never opened
    expect(await session.command('stop')).to.deep.equal({ action: 'stop', message: 'done', via: 'rest', status: 'stopped' });
    expect(t.restCalls).to.include('PUT /api/v1/vms/web-01/stop');
    for (const action of ['restart', 'suspend', 'resume'] as const) {
      const e = await session.command(action).catch((x) => x);
      expect(e.code).to.equal('NOT_AVAILABLE_OFFLINE');
      expect(e.message).to.contain('needs a live connection');
    }
    const bad = await session.command('explode' as never).catch((x) => x);
    expect(bad.code).to.equal('INVALID_INPUT');
  });

  it('counts an action done when the status shows it, not when the server acknowledges it', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive(line('status', { status: 'running', uptime: 100 }));
    let settled = false;
    const p = session.command('stop').finally(() => (settled = true));
    const sent = t.sockets[0]!.sentMessages()[0]!;
    t.sockets[0]!.receive(line('response', { requestId: sent.data.requestId, success: true, message: "Command 'stop' acknowledged" }));
    // The waiting code loads with the first action (monitor-session.ts): wait for it, in real time.
    await waitUntil(() => session.confirming !== null, 'the session is waiting for the status');
    await t.step();
    expect(settled, 'an acknowledgement alone is not done').to.equal(false);
    expect(session.pendingActions.has('stop')).to.equal(true);
    expect(session.confirming).to.equal('The server accepted stop; waiting for web-01 to stop…');
    t.sockets[0]!.receive(line('status', { status: 'stopped', uptime: 0 }));
    expect(await p).to.include({ action: 'stop', via: 'socket', status: 'stopped' });
    expect(session.confirming).to.equal(null);
    expect(session.pendingActions.size).to.equal(0);
  });

  it('says honestly when the VM does not follow an acknowledged command in time', async () => {
    const t = setup({ actionConfirmTimeoutMs: 30_000 });
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive(line('status', { status: 'running', uptime: 100 }));
    const p = session.command('stop').catch((e: unknown) => e);
    const sent = t.sockets[0]!.sentMessages()[0]!;
    t.sockets[0]!.receive(line('response', { requestId: sent.data.requestId, success: true, message: "Command 'stop' acknowledged" }));
    // The waiting code loads with the first action (monitor-session.ts): wait for it, in real time.
    await waitUntil(() => session.confirming !== null, 'the session is waiting for the status');
    for (let i = 0; i < 6; i++) {
      await t.step(5_000);
      t.sockets[0]!.receive(line('status', { status: 'running', uptime: 105 + i * 5 }));
    }
    await t.step(1);
    const e = (await p) as VmError;
    expect(e).to.be.instanceOf(VmError);
    expect(e.code).to.equal('ACTION_NOT_CONFIRMED');
    expect(e.message).to.equal('The server acknowledged stop, but web-01 is still running after 30 s.');
    expect(session.pendingActions.size).to.equal(0);
  });

  it('does not take a running VM for restarted without a sign of the restart', async () => {
    const t = setup({ actionConfirmTimeoutMs: 20_000 });
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive(line('status', { status: 'running', uptime: 100, lastStateChange: '2026-11-25T19:00:00Z' }));
    const p = session.command('restart').catch((e: unknown) => e);
    const sent = t.sockets[0]!.sentMessages()[0]!;
    t.sockets[0]!.receive(line('response', { requestId: sent.data.requestId, success: true, message: "Command 'restart' acknowledged" }));
    // The waiting code loads with the first action (monitor-session.ts): wait for it, in real time.
    await waitUntil(() => session.confirming !== null, 'the session is waiting for the status');
    for (let i = 0; i < 5; i++) {
      await t.step(5_000);
      t.sockets[0]!.receive(line('status', { status: 'running', uptime: 105 + i * 5, lastStateChange: '2026-11-25T19:00:00Z' }));
    }
    const e = (await p) as VmError;
    expect(e.code).to.equal('ACTION_NOT_CONFIRMED');
    expect(e.message).to.equal('The server acknowledged restart, but web-01 shows no sign of a restart after 20 s.');
  });

  it('sends start/stop over REST while the socket is open when startStopOverRest is set, and watches the socket status', async () => {
    const t = setup({ startStopOverRest: true });
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive(line('status', { status: 'running', uptime: 100 }));
    const p = session.command('stop');
    await until(() => t.restCalls.includes('PUT /api/v1/vms/web-01/stop'), 'the REST stop');
    expect(t.sockets[0]!.sentMessages().filter((m) => m.type === 'command')).to.deep.equal([]);
    t.sockets[0]!.receive(line('status', { status: 'stopped', uptime: 0 }));
    expect(await p).to.include({ via: 'rest', status: 'stopped' });
    expect(() => t.hub.configure({ actionConfirmTimeoutMs: -1 })).to.throw(/actionConfirmTimeoutMs/);
  });

  it('reads the status over REST until it shows the effect when there is no socket', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.drop(1006);
    t.rest.status = 'running';
    const p = session.command('stop');
    await until(() => t.restCalls.includes('PUT /api/v1/vms/web-01/stop'), 'the REST stop');
    expect(await p).to.include({ via: 'rest', status: 'stopped' });
    expect(t.restCalls.filter((c) => c === 'GET /api/v1/vms/web-01').length).to.be.greaterThan(0);
  });

  it('does not use REST when the fallback is off', async () => {
    const t = setup({ restFallback: false });
    const { session } = t.hub.monitor('web-01');
    await t.step();
    const e = await session.command('start').catch((x) => x);
    expect(e.code).to.equal('NOT_AVAILABLE_OFFLINE');
    expect(t.restCalls).to.deep.equal([]);
  });

  it('replays console output to a late subscriber, then continues live without duplicates', async () => {
    const t = setup();
    const { session } = leaseConsole(t.hub, 'web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive([line('console', { content: 'boot 1\r\n' }), line('console', { content: 'boot 2\r\n' })].join('\n'));
    let seen = '';
    const first = session.attach({ write: (s) => (seen += s) });
    t.sockets[0]!.receive(line('console', { content: 'login: ' }));
    expect(seen).to.equal('boot 1\r\nboot 2\r\nlogin: ');
    const resumeAt = first.detach();
    t.sockets[0]!.receive(line('console', { content: 'root\r\n' }));
    let resumed = '';
    session.attach({ write: (s) => (resumed += s) }, resumeAt);
    expect(resumed).to.equal('root\r\n');
  });

  it('sends console input in order, chunked under 8192 bytes and paced by bufferedAmount', async () => {
    const t = setup();
    const { session } = leaseConsole(t.hub, 'web-01');
    await t.step();
    const ws = t.sockets[0]!;
    ws.open();
    ws.bufferedAmount = 1_000_000;
    const paste = 'x'.repeat(50_000);
    const done = session.sendInput(paste);
    const typed = session.sendInput('y');
    await t.step(100);
    expect(ws.sent.length).to.equal(0); // waiting for the buffer to drain
    ws.bufferedAmount = 0;
    for (let i = 0; i < 20; i++) await t.step(10);
    await done;
    await typed;
    const contents = ws.sentMessages().map((m) => m.data.content as string);
    expect(contents.join('')).to.equal(paste + 'y');
    expect(Math.max(...ws.sent.map((s) => new TextEncoder().encode(s).length))).to.be.at.most(8192);
  });

  it('rejects console input when the socket is not open, saying nothing was sent', async () => {
    const t = setup();
    const { session } = leaseConsole(t.hub, 'web-01');
    const e = await session.sendInput('ls\r').catch((x) => x);
    expect(e.code).to.equal('NOT_CONNECTED');
    expect(e.message).to.contain('not sent');
  });

  it('reconnects live sessions with a new configuration, keeping history and subscribers', async () => {
    const t = setup();
    const { session } = t.hub.monitor('web-01');
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive(line('metrics', metrics(0)));
    t.hub.configure({ serverUrl: 'https://other.test' });
    await t.step();
    expect(t.sockets[0]!.closedWith).not.to.equal(null);
    expect(t.sockets[1]!.url.startsWith('wss://other.test/ws/vms/web-01')).to.equal(true);
    await until(() => session.history !== null, 'the history');
    expect(session.history!.series.length).to.be.greaterThan(0);
    expect(() => t.hub.configure({ authMode: 'bogus' as never })).to.throw(/auth-mode/);
  });

  it('shows "connecting" at once and opens nothing when closed before the socket code is there', async () => {
    const t = setup({ lingerMs: 0 });
    const lease = t.hub.monitor('web-01');
    expect(lease.session.connection.state).to.equal('connecting');
    lease.release();
    t.timers.advance(0);
    await t.step();
    expect(t.sockets.length).to.equal(0);
    expect(t.hub.sessionCount).to.equal(0);
  });

  it('validates VM names before opening anything', async () => {
    const t = setup();
    expect(() => t.hub.monitor('..')).to.throw(/not allowed/);
    for (const bad of ['', '.', '..', 'a\u0000b', 'x'.repeat(256), 42 as unknown as string, null as unknown as string]) {
      expect(() => leaseConsole(t.hub, bad), `console lease for ${JSON.stringify(bad)}`).to.throw(VmError);
    }
    await t.step();
    expect(t.sockets.length).to.equal(0);
    expect(t.hub.sessionCount).to.equal(0);
  });

  it('lease() refuses an unknown route or a factory that is not a function, with a clear error', () => {
    const t = setup();
    expect(() => t.hub.lease('shell' as never, 'web-01', () => null as never)).to.throw(VmError, /route/);
    expect(() => t.hub.lease('monitor', 'web-01', 'nope' as never)).to.throw(VmError, /function/);
    expect(t.hub.sessionCount).to.equal(0);
  });
});

describe('ReplayBuffer', () => {
  it('is bounded in bytes and says how much a late reader missed', () => {
    const b = new ReplayBuffer(10);
    b.append('aaaa');
    b.append('bbbb');
    b.append('cccc');
    expect(b.size).to.equal(8);
    expect(b.since(0)).to.deep.equal({ text: 'bbbbcccc', nextSeq: 3, missedBytes: 4 });
    expect(b.since(2).text).to.equal('cccc');
    expect(b.since(3).text).to.equal('');
  });

  it('counts bytes as UTF-8', () => {
    const b = new ReplayBuffer(6);
    b.append('é');
    b.append('😀');
    expect(b.size).to.equal(6);
    b.append('x');
    expect(b.since().text).to.equal('😀x');
  });
});
