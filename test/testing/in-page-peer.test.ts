import { expect } from '@open-wc/testing';
import { createInPagePeer, floodText, type InPagePeer } from '../../src/testing/index.js';
import type { WebSocketLike } from '../../src/transport/socket-factory.js';

interface Msg {
  type: string;
  data: Record<string, unknown>;
}

/** Collects decoded messages (frames split on \n, as the server batches) and the close event. */
function record(ws: WebSocketLike) {
  const state = { messages: [] as Msg[], frames: [] as string[], close: null as CloseEvent | null, errors: 0, opened: false };
  ws.onopen = () => {
    state.opened = true;
  };
  ws.onmessage = (ev) => {
    state.frames.push(String(ev.data));
    for (const line of String(ev.data).split('\n')) state.messages.push(JSON.parse(line) as Msg);
  };
  ws.onerror = () => {
    state.errors++;
  };
  ws.onclose = (ev) => {
    state.close = ev;
  };
  return state;
}

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const consoleText = (s: { messages: Msg[] }) =>
  s.messages.filter((m) => m.type === 'console').map((m) => m.data.content as string).join('');

describe('in-page LibGo peer', () => {
  let peer: InPagePeer;
  beforeEach(() => {
    peer = createInPagePeer({ metricsIntervalMs: 50, transitionDelayMs: 10, bootLineDelayMs: 0 });
  });
  afterEach(() => peer.close());

  it('opens asynchronously and welcomes, then sends status + metrics in one frame', async () => {
    const token = await peer.login('admin');
    const ws = peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01?token=${token}`);
    const s = record(ws);
    expect(ws.readyState).to.equal(0);
    await until(() => s.messages.length > 0);
    expect(ws.readyState).to.equal(1);
    expect(s.messages[0]).to.deep.include({ type: 'connection' });
    await until(() => s.messages.some((m) => m.type === 'metrics'));
    expect(s.frames.some((f) => f.split('\n').length === 2)).to.equal(true);
    ws.close();
    await until(() => s.close !== null);
    expect(s.close!.code).to.equal(1005);
  });

  it('selects libgo.v1 when the token travels as a subprotocol', async () => {
    const token = await peer.login('operator');
    const b64 = btoa(token).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const ws = peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01/console`, ['libgo.v1', `base64url.bearer.authorization.k8s.io.${b64}`]);
    const s = record(ws);
    await until(() => s.opened);
    expect(ws.protocol).to.equal('libgo.v1');
    ws.close(1000);
  });

  it('delivers a refused upgrade as error + close 1006 without a reason', async () => {
    const viewer = await peer.login('viewer');
    for (const url of [`${peer.wsUrl}/ws/vms/web-01`, `${peer.wsUrl}/ws/vms/web-01/console?token=${viewer}`, 'ws://elsewhere.test/ws/vms/web-01']) {
      const s = record(peer.socketFactory(url));
      await until(() => s.close !== null);
      expect(s.errors).to.equal(1);
      expect([s.close!.code, s.close!.reason, s.close!.wasClean]).to.deep.equal([1006, '', false]);
    }
  });

  it('throws like a browser for a URL with a fragment', () => {
    expect(() => peer.socketFactory(`${peer.wsUrl}/ws/vms/a#b?token=secret`)).to.throw(/fragment/);
  });

  it('closes with 1009 when a client frame exceeds 8192 bytes', async () => {
    const token = await peer.login('admin');
    const ws = peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01/console?token=${token}`);
    const s = record(ws);
    await until(() => s.opened);
    ws.send('x'.repeat(8193));
    await until(() => s.close !== null);
    expect(s.close!.code).to.equal(1009);
  });

  it('drains bufferedAmount over time at the configured upload rate', async () => {
    const slow = createInPagePeer({ uploadBytesPerMs: 10, metricsIntervalMs: 60_000 });
    try {
      const token = await slow.login('admin');
      const ws = slow.socketFactory(`${slow.wsUrl}/ws/vms/web-01?token=${token}`);
      const s = record(ws);
      await until(() => s.opened);
      const frame = JSON.stringify({ type: 'heartbeat', data: {} });
      for (let i = 0; i < 20; i++) ws.send(frame);
      const full = ws.bufferedAmount;
      expect(full).to.equal(frame.length * 20);
      await new Promise((r) => setTimeout(r, 30));
      expect(ws.bufferedAmount).to.be.below(full);
      expect(ws.bufferedAmount).to.be.above(0);
      await until(() => ws.bufferedAmount === 0 && s.messages.filter((m) => m.type === 'heartbeat').length === 20);
      ws.close();
    } finally {
      slow.close();
    }
  });

  it('runs the console: login, shell, exact flood output', async () => {
    const token = await peer.login('admin');
    const ws = peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01/console?token=${token}`);
    const s = record(ws);
    await until(() => s.opened);
    ws.send(JSON.stringify({ type: 'console_input', data: { content: 'root\rpw\r' } }));
    await until(() => consoleText(s).endsWith('root@web-01:~# '));
    ws.send(JSON.stringify({ type: 'console_input', data: { content: 'flood 20000 500\r' } }));
    await until(() => consoleText(s).split('root@web-01:~# ').length === 3);
    const text = consoleText(s);
    const start = text.indexOf('flood 20000 500\r\n') + 'flood 20000 500\r\n'.length;
    expect(text.slice(start, start + 20000) === floodText(20000)).to.equal(true);
    ws.close();
  });

  it('runs commands and reports transitions with status before response', async () => {
    const token = await peer.login('admin');
    const s = record(peer.socketFactory(`${peer.wsUrl}/ws/vms/db-01?token=${token}`));
    await until(() => s.opened);
    peer.sockets()[0]!.send(JSON.stringify({ type: 'command', data: { action: 'start', requestId: 'r1' } }));
    await until(() => s.messages.some((m) => m.type === 'response'));
    const types = s.messages.map((m) => m.type).filter((t) => t === 'status' || t === 'response');
    expect(types.slice(0, 2)).to.deep.equal(['status', 'response']);
    expect(peer.sim.vmStatus('db-01')).to.equal('running');
  });

  it('strict: commands only acknowledged, the token only from the header unless tokenOutsideHeader', async () => {
    const strict = createInPagePeer({ strict: true, transitionDelayMs: 10 });
    const proxied = createInPagePeer({ strict: { tokenOutsideHeader: true }, transitionDelayMs: 10 });
    try {
      const refused = record(strict.socketFactory(`${strict.wsUrl}/ws/vms/db-01?token=${await strict.login('admin')}`));
      await until(() => refused.close !== null);
      expect(refused.opened).to.equal(false);
      const s = record(proxied.socketFactory(`${proxied.wsUrl}/ws/vms/db-01?token=${await proxied.login('admin')}`));
      await until(() => s.opened);
      proxied.sockets()[0]!.send(JSON.stringify({ type: 'command', data: { action: 'start', requestId: 'r1' } }));
      await until(() => s.messages.some((m) => m.type === 'response'));
      expect(s.messages.find((m) => m.type === 'response')!.data).to.deep.include({ success: true, message: "Command 'start' acknowledged" });
      expect(proxied.sim.vmStatus('db-01')).to.equal('stopped');
    } finally {
      strict.close();
      proxied.close();
    }
  });

  it('answers REST through its fetch with real Response objects', async () => {
    const login = await peer.fetch(`${peer.serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin123' }),
    });
    expect(login).to.be.instanceOf(Response);
    const { token } = (await login.json()) as { token: string };
    const vm = await peer.fetch(`${peer.serverUrl}/api/v1/vms/build-01`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await vm.json()) as { vm: { status: string } }).vm.status).to.equal('paused');
    const escaped = await peer.fetch(`${peer.serverUrl}/api/v1/vms/a%2F..%2Fb`, { headers: { Authorization: `Bearer ${token}` } });
    expect(escaped.status).to.equal(404);
    expect(await escaped.json()).to.deep.equal({ error: 'VM a/../b not found', code: 'VM_NOT_FOUND' });
    expect((await peer.fetch(`${peer.serverUrl}/api/v1/vms`)).status).to.equal(401);
  });

  it('injects faults: abrupt drop, close code, refused upgrades', async () => {
    const token = await peer.login('admin');
    const a = record(peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01?token=${token}`));
    await until(() => a.opened);
    peer.faults.dropConnections('web-01');
    await until(() => a.close !== null);
    expect([a.close!.code, a.close!.wasClean, a.errors]).to.deep.equal([1006, false, 1]);

    const b = record(peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01?token=${token}`));
    await until(() => b.opened);
    peer.faults.closeConnections('web-01', 4002, 'bye');
    await until(() => b.close !== null);
    expect([b.close!.code, b.close!.reason]).to.deep.equal([4002, 'bye']);

    peer.faults.refuseUpgrades(503, 1);
    const c = record(peer.socketFactory(`${peer.wsUrl}/ws/vms/web-01?token=${token}`));
    await until(() => c.close !== null);
    expect(c.close!.code).to.equal(1006);
  });
});
