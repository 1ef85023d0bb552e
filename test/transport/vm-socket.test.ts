/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { VmError, type SocketSnapshot, type VmSocketOptions } from '../../src/hub/index.js';
import { VmSocket } from '../../src/transport/index.js';
import { fakeSocketFactory, flush, line, ManualTimers } from '../helpers/fake-socket.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiIxIn0.SECRET-SIGNATURE';

/** Microtasks, then a task: the probe reads a Response body, which settles on a task. */
async function settle(): Promise<void> {
  await flush(10);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flush(10);
}

function setup(extra: Partial<VmSocketOptions> = {}) {
  const timers = new ManualTimers();
  const { factory, sockets } = fakeSocketFactory();
  const states: SocketSnapshot[] = [];
  const fetchCalls: { url: string; auth: string | null }[] = [];
  let probeStatus = 200;
  let probeBody = '{}';
  const tokenRequests: boolean[] = [];
  const socket = new VmSocket({
    serverUrl: 'http://libgo.test:8080',
    vmName: 'web-01',
    route: 'monitor',
    socketFactory: factory,
    timers,
    random: () => 0.5,
    heartbeatMs: 1000,
    requestTimeoutMs: 5000,
    tokenProvider: ({ forceRefresh }) => {
      tokenRequests.push(forceRefresh);
      return Promise.resolve(TOKEN);
    },
    fetch: async (url, init) => {
      fetchCalls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
      return new Response(probeBody, { status: probeStatus });
    },
    ...extra,
  });
  socket.events.on('state', (s) => states.push(s));
  return {
    socket,
    sockets,
    timers,
    states,
    fetchCalls,
    tokenRequests,
    setProbe: (s: number, body = '{}') => {
      probeStatus = s;
      probeBody = body;
    },
    /** Runs timers and lets the async token provider and probe settle. */
    async step(ms = 0) {
      await settle();
      timers.advance(ms);
      await settle();
    },
  };
}

describe('VmSocket', () => {
  it('asks the token provider at every connect and puts the token in the query by default', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    expect(t.sockets.length).to.equal(1);
    const url = new URL(t.sockets[0]!.url);
    expect(url.href.startsWith('ws://libgo.test:8080/ws/vms/web-01?')).to.equal(true);
    expect(url.searchParams.get('token')).to.equal(TOKEN);
    t.sockets[0]!.open();
    t.sockets[0]!.drop(1006);
    await t.step(60_000);
    expect(t.sockets.length).to.equal(2);
    expect(t.tokenRequests.length).to.equal(2);
  });

  it('sends the token as a subprotocol and nothing in the URL in subprotocol mode', async () => {
    const t = setup({ authMode: 'subprotocol' });
    t.socket.connect();
    await t.step();
    expect(t.sockets[0]!.url).to.equal('ws://libgo.test:8080/ws/vms/web-01');
    expect(t.sockets[0]!.protocols![0]).to.equal('libgo.v1');
    expect(t.sockets[0]!.protocols![1]).to.match(/^base64url\.bearer\.authorization\.k8s\.io\./);
  });

  it('uses no token at all in cookie mode', async () => {
    const t = setup({ authMode: 'cookie' });
    t.socket.connect();
    await t.step();
    expect(t.sockets[0]!.url).to.equal('ws://libgo.test:8080/ws/vms/web-01');
    expect(t.tokenRequests).to.deep.equal([]);
  });

  it('emits every message of a batched frame, in order', async () => {
    const t = setup();
    const got: string[] = [];
    t.socket.events.on('message', (m) => got.push(m.type));
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.receive([line('connection', { status: 'connected', vmName: 'web-01', message: '' }), line('status', { status: 'running', uptime: 1 }), line('metrics', { cpu: { utilization: 1 }, memory: { used: 1, total: 2 }, network: { rxBytes: 1, txBytes: 1 }, disk: { readBytes: 1, writeBytes: 1 } })].join('\n'));
    expect(got).to.deep.equal(['connection', 'status', 'metrics']);
  });

  it('correlates responses by requestId, out of order', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    const a = t.socket.request('stop');
    const b = t.socket.request('restart');
    const [ma, mb] = t.sockets[0]!.sentMessages();
    expect(ma!.type).to.equal('command');
    expect(ma!.data.action).to.equal('stop');
    expect(ma!.data.requestId).not.to.equal(mb!.data.requestId);
    t.sockets[0]!.receive(line('response', { requestId: mb!.data.requestId, success: false, message: 'no' }));
    t.sockets[0]!.receive(line('response', { requestId: ma!.data.requestId, success: true, message: 'stopped' }));
    expect(await a).to.deep.equal({ requestId: ma!.data.requestId, success: true, message: 'stopped' });
    expect((await b).success).to.equal(false);
  });

  it('rejects a request on timeout, when not open, and when the socket closes', async () => {
    const t = setup({ heartbeatMs: 60_000 });
    const notOpen = await t.socket.request('start').catch((e) => e);
    expect(notOpen).to.be.instanceOf(VmError);
    expect(notOpen.code).to.equal('NOT_CONNECTED');
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    const timedOut = t.socket.request('start').catch((e) => e);
    t.timers.advance(5000);
    expect((await timedOut).code).to.equal('TIMEOUT');
    const lost = t.socket.request('stop').catch((e) => e);
    t.sockets[0]!.drop(1006);
    expect((await lost).code).to.equal('SOCKET_CLOSED');
  });

  it('rejects the oldest pending command when the server answers INVALID_COMMAND without an id', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    const p = t.socket.request('start').catch((e) => e);
    t.sockets[0]!.receive(line('error', { code: 'INVALID_COMMAND', message: 'bad action' }));
    const e = await p;
    expect(e.code).to.equal('INVALID_COMMAND');
    expect(e.message).to.equal('bad action');
  });

  it('reconnects with exponential backoff and jitter, and resets after a stable connection', async () => {
    const t = setup({ random: () => 1, backoff: { initialMs: 500, maxMs: 4000 }, stableAfterMs: 10_000 });
    t.socket.connect();
    await t.step();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.sockets.at(-1)!.open();
      t.sockets.at(-1)!.drop(1006);
      const s = t.socket.state;
      expect(s.state).to.equal('reconnecting');
      delays.push(s.nextRetryAt! - t.timers.now());
      await t.step(s.nextRetryAt! - t.timers.now());
    }
    expect(delays).to.deep.equal([500, 1000, 2000, 4000, 4000]);
    t.sockets.at(-1)!.open();
    t.sockets.at(-1)!.receive(line('heartbeat', {}));
    // Stay alive past stableAfterMs by answering heartbeats.
    for (let i = 0; i < 11; i++) {
      t.timers.advance(1000);
      t.sockets.at(-1)!.receive(line('heartbeat', {}));
    }
    t.sockets.at(-1)!.drop(1006);
    expect(t.socket.state.nextRetryAt! - t.timers.now()).to.equal(500);
  });

  it('uses full jitter: the delay is anywhere up to the cap', async () => {
    const t = setup({ random: () => 0.25, backoff: { initialMs: 1000, maxMs: 30_000, minMs: 100 } });
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    t.sockets[0]!.drop(1006);
    expect(t.socket.state.nextRetryAt! - t.timers.now()).to.equal(250);
  });

  it('sends heartbeats and replaces a socket that has been silent for two periods', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    t.timers.advance(1000);
    expect(t.sockets[0]!.sentMessages().filter((m) => m.type === 'heartbeat').length).to.equal(1);
    t.timers.advance(1000);
    expect(t.sockets[0]!.closedWith).to.deep.equal({ code: 4000, reason: 'heartbeat timeout' });
    expect(t.socket.state.state).to.equal('reconnecting');
    expect(t.socket.state.lastError!.message).to.contain('stopped answering');
    await t.step(60_000);
    expect(t.sockets.length).to.equal(2);
  });

  it('reading paused by a terminal that is behind is not mistaken for a silent server; resumed, silence counts again', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    const ws = t.sockets[0]!;
    const paused: boolean[] = [];
    (ws as { pauseReading?: (p: boolean) => void }).pauseReading = (p) => paused.push(p);
    ws.open();
    t.socket.pauseReading(true);
    expect(paused).to.deep.equal([true]);
    t.timers.advance(10_000);
    expect(ws.closedWith).to.equal(null);
    expect(t.socket.state.state).to.equal('open');
    t.socket.pauseReading(false);
    t.timers.advance(2000);
    expect(ws.closedWith).to.deep.equal({ code: 4000, reason: 'heartbeat timeout' });
  });

  it('stays connected while the server keeps talking', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    for (let i = 0; i < 20; i++) {
      t.timers.advance(500);
      t.sockets[0]!.receive(line('heartbeat', {}));
    }
    expect(t.socket.state.state).to.equal('open');
    expect(t.sockets.length).to.equal(1);
  });

  it('diagnoses refused upgrades with one REST probe: 401 → one fresh token, then unauthorized and no loop', async () => {
    const t = setup();
    t.setProbe(401);
    t.socket.connect();
    await t.step();
    t.sockets[0]!.drop(1006);
    await t.step(60_000);
    t.sockets[1]!.drop(1006);
    await t.step();
    expect(t.fetchCalls.length).to.equal(1);
    expect(t.fetchCalls[0]!.url).to.equal('http://libgo.test:8080/api/v1/vms/web-01');
    expect(t.fetchCalls[0]!.auth).to.equal(`Bearer ${TOKEN}`);
    // The retry asks the provider for a fresh token.
    expect(t.tokenRequests.at(-1)).to.equal(true);
    for (let i = 2; i < 4; i++) {
      t.sockets[i]!.drop(1006);
      await t.step(60_000);
    }
    expect(t.socket.state.state).to.equal('unauthorized');
    expect(t.socket.state.lastError!.code).to.equal('AUTH_ERROR');
    const count = t.sockets.length;
    await t.step(10 * 60_000);
    expect(t.sockets.length).to.equal(count);
  });

  it('stops with PERMISSION_DENIED on 403 and VM_NOT_FOUND on 404', async () => {
    for (const [status, state, code] of [
      [403, 'unauthorized', 'PERMISSION_DENIED'],
      [404, 'not-found', 'VM_NOT_FOUND'],
    ] as const) {
      const t = setup({ tokenProvider: undefined });
      t.setProbe(status);
      t.socket.connect();
      await t.step();
      t.sockets[0]!.drop(1006);
      await t.step(60_000);
      t.sockets[1]!.drop(1006);
      await t.step();
      expect(t.socket.state.state).to.equal(state);
      expect(t.socket.state.lastError!.code).to.equal(code);
      const n = t.sockets.length;
      await t.step(10 * 60_000);
      expect(t.sockets.length).to.equal(n);
    }
  });

  it('on the console route, a refused upgrade with a valid sign-in means no console permission', async () => {
    const t = setup({ route: 'console' });
    t.socket.connect();
    await t.step();
    t.sockets[0]!.drop(1006);
    await t.step(60_000);
    t.sockets[1]!.drop(1006);
    await t.step();
    expect(t.socket.state.state).to.equal('unauthorized');
    expect(t.socket.state.lastError!.code).to.equal('PERMISSION_DENIED');
    expect(t.socket.state.lastError!.message).to.contain('console');
  });

  it("stops as not found when the probe gets LibGo's 200 {\"vm\": null}", async () => {
    const t = setup();
    t.setProbe(200, '{"vm":null}');
    t.socket.connect();
    await t.step();
    t.sockets[0]!.drop(1006);
    await t.step(60_000);
    t.sockets[1]!.drop(1006);
    await t.step();
    expect(t.socket.state.state).to.equal('not-found');
    expect(t.socket.state.lastError!.code).to.equal('VM_NOT_FOUND');
  });

  it('keeps retrying when the probe says the VM is there (a server restart)', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    for (let i = 0; i < 4; i++) {
      t.sockets.at(-1)!.drop(1006);
      await t.step(60_000);
    }
    expect(t.fetchCalls.length).to.equal(1);
    expect(t.sockets.length).to.equal(5);
    t.sockets.at(-1)!.open();
    expect(t.socket.state.state).to.equal('open');
  });

  it('never lets the token reach a state, an error or a message', async () => {
    const t = setup({ socketFactory: (url) => { throw new SyntaxError(`bad url ${url}`); } });
    t.socket.connect();
    await t.step();
    const seen = JSON.stringify(t.states.map((s) => ({ ...s, err: s.lastError?.message, cause: String(s.lastError?.cause ?? '') })));
    expect(seen).not.to.contain('SECRET');
    expect(t.socket.state.lastError!.code).to.equal('INVALID_CONFIG');
  });

  it('stops for good on close(): no reconnect, pending requests rejected', async () => {
    const t = setup();
    t.socket.connect();
    await t.step();
    t.sockets[0]!.open();
    const p = t.socket.request('start').catch((e) => e);
    t.socket.close();
    expect((await p).code).to.equal('SOCKET_CLOSED');
    await t.step(10 * 60_000);
    expect(t.sockets.length).to.equal(1);
    expect(t.socket.state.state).to.equal('closed');
    expect(t.timers.pending).to.equal(0);
  });

  it('reports a failing token provider as unauthorized instead of looping', async () => {
    const t = setup({ tokenProvider: () => Promise.reject(new Error('login expired')) });
    t.socket.connect();
    await t.step();
    expect(t.socket.state.state).to.equal('unauthorized');
    expect(t.sockets.length).to.equal(0);
  });
});
