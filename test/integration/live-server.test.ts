/// <reference types="mocha" />
/**
 * The data layer against the reference LibGo server on loopback, over real WebSockets: what a
 * user would meet when the server batches, restarts, stalls or refuses.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub, type SocketSnapshot, type VmHubConfig } from '../../src/hub/index.js';
import { leaseConsole } from '../../src/hub/console.js';
import { RestClient, VmSocket } from '../../src/transport/index.js';
import { TOKEN_SUBPROTOCOL_PREFIX } from '../../src/transport/urls.js';
import { createServer, type LibGoServer } from '../setup/libgo.js';

async function login(server: LibGoServer, user = 'admin', password = `${user}123`): Promise<string> {
  return (await new RestClient({ serverUrl: server.url }).login(user, password)).token;
}

function hubFor(server: LibGoServer, token: string | null, extra: Partial<VmHubConfig> = {}): VmHub {
  return new VmHub({
    serverUrl: server.url,
    tokenProvider: () => token,
    backoff: { initialMs: 50, maxMs: 300, minMs: 20 },
    lingerMs: 50,
    ...extra,
  });
}

const until = (fn: () => boolean, message: string, timeout = 5000) => waitUntil(fn, message, { timeout, interval: 10 });

/** Records every WebSocket the page opens (URL and subprotocols) until `restore()`. */
function recordSockets() {
  const Original = window.WebSocket;
  const opened: { url: string; protocols: string[] }[] = [];
  class Recording extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      opened.push({ url: String(url), protocols: protocols === undefined ? [] : [protocols].flat() });
    }
  }
  window.WebSocket = Recording;
  return { opened, restore: () => void (window.WebSocket = Original) };
}

/** Counts the Workers the page makes (they still run) until `restore()`. */
function countWorkers() {
  const Original = window.Worker;
  const counter = { made: 0, restore: () => void (window.Worker = Original) };
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      counter.made += 1;
    }
  };
  return counter;
}

describe('against the reference server', function () {
  this.timeout(20_000);
  let server: LibGoServer;
  let hub: VmHub | null = null;

  before(async () => {
    server = await createServer({ metricsIntervalMs: 100, transitionDelayMs: 30 });
  });
  afterEach(async () => {
    hub?.dispose();
    hub = null;
    await server.reset();
  });
  after(async () => {
    await server.close();
  });

  it('receives the welcome, then status and metrics, with rates from the counters', async () => {
    hub = hubFor(server, await login(server));
    const { session } = hub.monitor('web-01');
    await until(() => session.welcomed !== null, 'welcome');
    await until(() => (session.history?.series.length ?? 0) >= 3, 'three metrics samples');
    expect(session.status!.status).to.equal('running');
    const latest = session.history!.latest()!;
    expect(latest.rxRate).to.be.at.least(0);
    expect(latest.memTotal).to.be.greaterThan(0);
  });

  it('delivers every console message when the server batches them into one frame', async () => {
    hub = hubFor(server, await login(server));
    await server.fault('setMaxBatch', 64);
    const { session } = leaseConsole(hub, 'web-01');
    await until(() => session.connection.state === 'open', 'console open');
    let out = '';
    session.attach({ write: (s) => (out += s) });
    await session.sendInput('\r');
    await until(() => /login: $/.test(out) || /\$ $/.test(out), 'a prompt', 8000);
    if (/login: $/.test(out)) {
      await session.sendInput('root\r');
      await until(() => /assword: $/.test(out), 'password prompt');
      await session.sendInput('secret\r');
      await until(() => /\$ $|# $/.test(out), 'shell prompt');
    }
    const before = out.length;
    await session.sendInput('flood 200000 512\r');
    await until(() => out.length - before >= 200_000, 'the whole flood', 10_000);
    const lines = out.slice(before).split('\r\n').filter((l) => /^\d{6} /.test(l));
    const numbers = lines.map((l) => Number(l.slice(0, 6)));
    // Numbered lines arrive complete and strictly in order.
    numbers.forEach((n, i) => expect(n).to.equal(numbers[0]! + i));
  });

  it('delivers a 1 MB paste intact, every frame within 8192 bytes, without tripping the read limit', async () => {
    hub = hubFor(server, await login(server));
    const { session } = leaseConsole(hub, 'web-01');
    await until(() => session.connection.state === 'open', 'console open');
    const paste = Array.from({ length: 40_000 }, (_, i) => `${i} ünïcødé 😀 "q" \\ \t`).join('\n').slice(0, 1024 * 1024);
    const states: string[] = [];
    session.subscribe(() => states.push(session.connection.state));
    await session.sendInput(paste);
    type Stats = { frames: number; maxFrameBytes: number; chars: number; sha256: string };
    let stats: Stats = await server.sim<Stats>('consoleInputStats', 'web-01');
    await until(() => stats.chars >= paste.length, 'all characters received', 10_000).catch(() => undefined);
    for (let i = 0; i < 100 && stats.chars < paste.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      stats = await server.sim<Stats>('consoleInputStats', 'web-01');
    }
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(paste));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(stats.chars).to.equal(paste.length);
    expect(stats.sha256).to.equal(hex);
    expect(stats.maxFrameBytes).to.be.at.most(8192);
    expect(stats.frames).to.be.greaterThan(128);
    expect(states).not.to.include('reconnecting');
  });

  it('runs the console socket in a worker: batched output in order, a paced paste, reconnect', async () => {
    const workers = countWorkers();
    const pageSockets = recordSockets();
    try {
      hub = hubFor(server, await login(server), { consoleInWorker: true });
      await consoleThroughAWorker(hub);
    } finally {
      workers.restore();
      pageSockets.restore();
    }
    // A worker was made, and the console socket is not the page's own.
    expect(workers.made, 'new Worker() calls').to.be.greaterThan(0);
    expect(pageSockets.opened.map((s) => s.url).filter((u) => u.includes('/console'))).to.deep.equal([]);
  });

  async function consoleThroughAWorker(hub: VmHub) {
    const { session } = leaseConsole(hub, 'web-01');
    await until(() => session.connection.state === 'open', 'console open via worker');
    let out = '';
    session.attach({ write: (s) => (out += s) });
    await session.sendInput('\r');
    await until(() => /login: $/.test(out), 'login prompt');
    await session.sendInput('root\rpw\r');
    await until(() => /# $/.test(out), 'shell prompt');
    const before = out.length;
    await session.sendInput('flood 300000 1024\r');
    await until(() => out.length - before >= 300_000, 'the whole flood', 10_000);
    const numbers = out.slice(before).split('\r\n').filter((l) => /^\d{6} /.test(l)).map((l) => Number(l.slice(0, 6)));
    numbers.forEach((n, i) => expect(n).to.equal(numbers[0]! + i));
    const paste = 'p'.repeat(200_000);
    await session.sendInput(paste);
    type Stats = { chars: number; maxFrameBytes: number };
    let stats: Stats = { chars: 0, maxFrameBytes: 0 };
    for (let i = 0; i < 100 && stats.chars < paste.length + 14; i++) {
      stats = await server.sim<Stats>('consoleInputStats', 'web-01');
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(stats.chars).to.equal('\rroot\rpw\rflood 300000 1024\r'.length + paste.length);
    expect(stats.maxFrameBytes).to.be.at.most(8192);
    await server.stop();
    await until(() => session.connection.state !== 'open', 'noticed the drop');
    await server.start();
    await until(() => session.connection.state === 'open', 'open again via worker', 8000);
  }

  it('runs monitor sockets of many VMs in one worker: status, metrics and actions, none of them a page socket', async () => {
    const workers = countWorkers();
    const pageSockets = recordSockets();
    try {
      hub = hubFor(server, await login(server), { monitorsInWorker: true });
      const sessions = ['web-01', 'db-01', 'build-01'].map((vm) => hub!.monitor(vm).session);
      await until(() => (sessions[0]!.history?.series.length ?? 0) >= 2, 'samples', 8000);
      await until(() => sessions.every((s) => s.status !== null), 'the status of every VM', 8000);
      expect(sessions.map((s) => s.status?.status)).to.deep.equal(['running', 'stopped', 'paused']);
      const web = sessions[0]!;
      expect(await web.command('suspend')).to.deep.include({ action: 'suspend', via: 'socket', status: 'paused' });
      expect(await web.command('resume')).to.deep.include({ action: 'resume', via: 'socket', status: 'running' });
      await server.stop();
      await until(() => web.connection.state !== 'open', 'noticed the drop');
      await server.start();
      await until(() => sessions.every((s) => s.connection.state === 'open'), 'open again via the worker', 8000);
    } finally {
      workers.restore();
      pageSockets.restore();
    }
    // Three sockets, one worker (and it was made again after all three closed), no page sockets.
    expect(workers.made, 'new Worker() calls').to.be.within(1, 2);
    expect(pageSockets.opened.map((s) => s.url)).to.deep.equal([]);
  });

  it('monitor sockets fall back to page sockets when the worker is refused', async () => {
    const original = window.Worker;
    (window as { Worker: unknown }).Worker = function () {
      throw new DOMException('blocked', 'SecurityError');
    };
    const sockets = recordSockets();
    try {
      hub = hubFor(server, await login(server), { monitorsInWorker: true });
      const { session } = hub.monitor('web-01');
      await until(() => (session.history?.series.length ?? 0) >= 2, 'samples without a worker');
      expect(sockets.opened.map((s) => new URL(s.url).pathname)).to.deep.equal(['/ws/vms/web-01']);
    } finally {
      sockets.restore();
      window.Worker = original;
    }
  });

  it('falls back to a page socket when workers cannot be created', async () => {
    const original = window.Worker;
    let attempts = 0;
    (window as { Worker: unknown }).Worker = function () {
      attempts += 1;
      throw new DOMException('blocked', 'SecurityError');
    };
    const sockets = recordSockets();
    try {
      hub = hubFor(server, await login(server), { consoleInWorker: true });
      const { session } = leaseConsole(hub, 'web-01');
      await until(() => session.connection.state === 'open', 'console open without a worker');
      // It did try a worker, and the socket that opened is the page's own.
      expect(attempts, 'new Worker() attempts').to.be.greaterThan(0);
      expect(sockets.opened.map((s) => new URL(s.url).pathname)).to.include('/ws/vms/web-01/console');
    } finally {
      sockets.restore();
      window.Worker = original;
    }
  });

  it('reconnects after a server restart, with backoff, and keeps the history', async () => {
    hub = hubFor(server, await login(server));
    const { session } = hub.monitor('web-01');
    await until(() => (session.history?.series.length ?? 0) >= 2, 'samples');
    const states: SocketSnapshot['state'][] = [];
    session.subscribe(() => states.push(session.connection.state));
    await server.stop();
    await until(() => session.connection.state === 'reconnecting', 'reconnecting');
    const kept = session.history!.series.length;
    await new Promise((r) => setTimeout(r, 400));
    await server.start();
    await until(() => session.connection.state === 'open', 'open again', 8000);
    expect(states).to.include('reconnecting');
    expect(session.history!.series.length).to.be.at.least(kept);
    expect(hub.socketCount).to.equal(1);
  });

  it('stops at "unauthorized" after one refresh when the token is refused, without a loop', async () => {
    let asked = 0;
    hub = hubFor(server, null, {
      tokenProvider: () => {
        asked++;
        return 'not-a-valid-token';
      },
    });
    const { session } = hub.monitor('web-01');
    await until(() => session.connection.state === 'unauthorized', 'unauthorized', 8000);
    expect(session.connection.lastError!.code).to.equal('AUTH_ERROR');
    const askedAtStop = asked;
    await new Promise((r) => setTimeout(r, 800));
    expect(asked).to.equal(askedAtStop);
    expect(session.connection.state).to.equal('unauthorized');
  });

  it('says PERMISSION_DENIED when a viewer opens the console, and lets the viewer monitor', async () => {
    hub = hubFor(server, await login(server, 'viewer'));
    const monitor = hub.monitor('web-01').session;
    const consoleSession = leaseConsole(hub, 'web-01').session;
    await until(() => consoleSession.connection.state === 'unauthorized', 'console refused', 8000);
    expect(consoleSession.connection.lastError!.code).to.equal('PERMISSION_DENIED');
    await until(() => monitor.connection.state === 'open', 'monitor open');
  });

  it('says VM_NOT_FOUND for an unknown VM, and an encoded name never reaches another VM', async () => {
    hub = hubFor(server, await login(server));
    for (const name of ['no-such-vm', 'web-01/../db-01', 'web-01?x=1#frag']) {
      const { session } = hub.monitor(name);
      await until(() => session.connection.state === 'not-found', `not-found for ${name}`, 8000);
      expect(session.connection.lastError!.code).to.equal('VM_NOT_FOUND');
    }
  });

  it('replaces a socket whose server went silent (dead peer) and recovers', async () => {
    hub = hubFor(server, await login(server), { heartbeatMs: 150 });
    const { session } = hub.monitor('web-01');
    await until(() => session.connection.state === 'open', 'open');
    const states: string[] = [];
    session.subscribe(() => states.push(session.connection.state));
    await server.fault('stall', 'web-01', 1500);
    await until(() => states.includes('reconnecting') || states.includes('connecting'), 'declared dead', 5000);
    await until(() => session.connection.state === 'open', 'open again', 8000);
  });

  it('times out a command the server never answers', async () => {
    hub = hubFor(server, await login(server), { requestTimeoutMs: 200, heartbeatMs: 5000 });
    const { session } = hub.monitor('web-01');
    await until(() => session.connection.state === 'open', 'open');
    await server.fault('stall', 'web-01', 1000);
    const e = await session.command('suspend').catch((x) => x);
    expect(e.code).to.equal('TIMEOUT');
    expect(session.pendingActions.size).to.equal(0);
  });

  it('runs a command over the socket and sees the new status', async () => {
    hub = hubFor(server, await login(server));
    const { session } = hub.monitor('build-01');
    await until(() => session.status !== null, 'status');
    expect(session.status!.status).to.equal('paused');
    const result = await session.command('resume');
    expect(result.via).to.equal('socket');
    await until(() => session.status!.status === 'running', 'running');
    const refused = await session.command('resume').catch((x) => x);
    expect(refused.code).to.equal('COMMAND_FAILED');
    expect(refused.message.length).to.be.greaterThan(0);
  });

  it('resets rates across a VM restart: a gap, never a negative rate', async () => {
    hub = hubFor(server, await login(server));
    const { session } = hub.monitor('web-01');
    await until(() => (session.history?.series.length ?? 0) >= 3, 'samples');
    await session.command('restart');
    const n = session.history!.series.length;
    await until(() => (session.history?.series.length ?? 0) >= n + 4, 'samples after restart', 8000);
    for (const ch of ['rxRate', 'txRate', 'readRate', 'writeRate'] as const) {
      const ys = session.history!.series.toArrays(ch).y;
      expect(ys.every((v) => v === null || v >= 0), ch).to.equal(true);
    }
  });

  it('authenticates with the token in Sec-WebSocket-Protocol, and never in the URL', async () => {
    const token = await login(server);
    const sockets = recordSockets();
    try {
      hub = hubFor(server, token, { authMode: 'subprotocol' });
      const { session } = leaseConsole(hub, 'web-01');
      await until(() => session.connection.state === 'open', 'open with subprotocol');
    } finally {
      sockets.restore();
    }
    expect(sockets.opened.length).to.be.greaterThan(0);
    for (const { url, protocols } of sockets.opened) {
      expect(new URL(url).searchParams.has('token'), `${url} carries ?token=`).to.equal(false);
      expect(url).to.not.contain(token.split('.')[2]);
      expect(protocols.some((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)), `subprotocols of ${url}`).to.equal(true);
    }
  });

  it('keeps the token out of every state, error, event and console line', async () => {
    const token = await login(server);
    const logged: string[] = [];
    const orig = { error: console.error, warn: console.warn, log: console.log };
    for (const k of ['error', 'warn', 'log'] as const) console[k] = (...a: unknown[]) => (logged.push(a.map(String).join(' ')), orig[k](...a));
    const seen: string[] = [];
    try {
      const socket = new VmSocket({ serverUrl: server.url, vmName: 'no-such-vm', route: 'console', tokenProvider: () => token, backoff: { initialMs: 20, maxMs: 50 } });
      socket.events.on('state', (s) => seen.push(JSON.stringify(s), s.lastError?.message ?? '', String(s.lastError?.stack)));
      socket.events.on('message', (m) => seen.push(JSON.stringify(m)));
      socket.connect();
      await until(() => socket.state.state === 'not-found', 'not-found', 8000);
      const bad = new VmSocket({ serverUrl: server.url, vmName: 'web-01', route: 'monitor', tokenProvider: () => `${token}#frag`, backoff: { initialMs: 20, maxMs: 50 } });
      bad.events.on('state', (s) => seen.push(JSON.stringify(s), s.lastError?.message ?? ''));
      bad.connect();
      await until(() => bad.state.state === 'unauthorized', 'unauthorized', 8000);
      socket.close();
      bad.close();
    } finally {
      Object.assign(console, orig);
    }
    const signature = token.split('.')[2]!;
    for (const text of [...seen, ...logged]) expect(text).not.to.contain(signature);
  });
});
