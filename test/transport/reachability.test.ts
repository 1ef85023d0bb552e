/// <reference types="mocha" />
/**
 * Reconnecting as soon as the server is back: the shared reachability probe and the sockets it
 * wakes. Fake sockets, a scripted `fetch` and manual timers; no assertion on real time.
 */
import { expect } from '@open-wc/testing';
import { VmHub, type VmHubConfig } from '../../src/hub/index.js';
import { preloadConnection, VmSocket, type VmSocketOptions } from '../../src/transport/index.js';
import { isServerAnswer } from '../../src/transport/reachability.js';
import { createInPagePeer } from '../../src/testing/index.js';
import { fakeSocketFactory, flush, ManualTimers, type FakeSocket } from '../helpers/fake-socket.js';

type Answer = () => Promise<Response>;
const jsonUp: Answer = async () => Response.json({ status: 'up' });
const refused: Answer = async () => {
  throw new TypeError('Failed to fetch');
};
const never: Answer = () => new Promise<Response>(() => undefined);

/** A server that is down until `back()`: the upgrade fails at once, /health is refused. */
function world(extra: Partial<VmSocketOptions> = {}) {
  const timers = new ManualTimers();
  const { factory, sockets } = fakeSocketFactory();
  const health: { at: number; settled: boolean }[] = [];
  const vmProbes: string[] = [];
  let answer: Answer = refused;
  let vmStatus = 200;
  const group = {};
  const fetch = async (url: string): Promise<Response> => {
    const path = new URL(url).pathname;
    if (path === '/health') {
      const entry = { at: timers.now(), settled: false };
      health.push(entry);
      try {
        return await answer();
      } finally {
        entry.settled = true;
      }
    }
    vmProbes.push(path);
    // Not a real Response: its body would settle on a task, and these steps flush microtasks only.
    return {
      status: vmStatus,
      ok: vmStatus < 400,
      headers: new Headers({ 'content-type': 'application/json' }),
      text: async () => '{}',
      json: async () => ({}),
    } as unknown as Response;
  };
  const make = (vmName: string, more: Partial<VmSocketOptions> = {}) =>
    new VmSocket({
      serverUrl: 'http://libgo.test:8080',
      vmName,
      route: 'monitor',
      socketFactory: factory,
      timers,
      random: () => 0.5,
      heartbeatMs: 600_000,
      tokenProvider: () => 'tok',
      fetch,
      reachabilityGroup: group,
      ...extra,
      ...more,
    });
  return {
    timers,
    sockets,
    health,
    vmProbes,
    make,
    setAnswer: (a: Answer) => (answer = a),
    setVmStatus: (s: number) => (vmStatus = s),
    inFlight: () => health.filter((h) => !h.settled).length,
    async step(ms = 0) {
      await flush(10);
      this.timers.advance(ms);
      await flush(10);
    },
    /** Steps in small increments, failing every socket attempt the moment it is made. */
    async downFor(ms: number, tick = 50) {
      for (let t = 0; t < ms; t += tick) {
        await this.step(tick);
        for (const s of sockets) if (s.readyState === 0) s.drop(1006);
      }
    },
  };
}

/** Fails attempts until the socket has just begun a long wait, so an early attempt can only be the probe's doing. */
async function untilLongWait(w: { step(ms?: number): Promise<void>; sockets: FakeSocket[]; timers: ManualTimers }, nextRetryAt: () => number | null, up = () => false) {
  for (let i = 0; i < 10_000; i++) {
    const at = nextRetryAt();
    if (at !== null && at - w.timers.now() > 10_000) return;
    await w.step(50);
    for (const s of w.sockets) if (s.readyState === 0 && !up()) s.drop(1006);
  }
  throw new Error('the socket never began a long wait');
}

describe('reachability probe', () => {
  before(() => preloadConnection());

  it('classifies probe answers: JSON below 500 is a live server; HTML, text, 5xx are not', () => {
    expect(isServerAnswer(200, 'application/json; charset=utf-8')).to.equal(true);
    expect(isServerAnswer(404, 'application/json'), 'a JSON 404 still comes from a live API').to.equal(true);
    expect(isServerAnswer(401, 'application/problem+json')).to.equal(true);
    expect(isServerAnswer(204, null)).to.equal(true);
    expect(isServerAnswer(200, 'text/html'), 'a captive portal or an app fallback page').to.equal(false);
    expect(isServerAnswer(200, 'text/plain')).to.equal(false);
    expect(isServerAnswer(200, null)).to.equal(false);
    expect(isServerAnswer(500, 'application/json')).to.equal(false);
    expect(isServerAnswer(502, 'text/html')).to.equal(false);
    expect(isServerAnswer(503, 'application/json')).to.equal(false);
    expect(isServerAnswer(0, null), 'an opaque answer').to.equal(false);
  });

  it('finds the simulated server up through its /health route, as LibGo answers it', async () => {
    const peer = createInPagePeer();
    try {
      const res = await peer.fetch(`${peer.serverUrl}/health`);
      expect(res.status).to.equal(200);
      expect(isServerAnswer(res.status, res.headers.get('content-type'))).to.equal(true);
      expect(await res.json()).to.deep.equal({ status: 'up' });
      expect((await peer.fetch(`${peer.serverUrl}/health`, { method: 'POST' })).status).to.equal(405);
    } finally {
      peer.close();
    }
  });

  it('wakes a socket waiting out a long backoff as soon as a probe finds the server back', async () => {
    const w = world();
    const socket = w.make('web-01');
    socket.connect();
    await w.step();
    w.sockets[0]!.open();
    w.sockets[0]!.drop(1006);
    await w.downFor(90_000);
    await untilLongWait(w, () => socket.state.nextRetryAt);
    expect(socket.state.state).to.equal('reconnecting');
    const waitingUntil = socket.state.nextRetryAt!;
    const attemptsBefore = w.sockets.length;
    w.setAnswer(jsonUp);
    await w.downFor(0);
    // Time passes in small steps until the socket tries again; it does so long before its own retry.
    let t = 0;
    while (w.sockets.length === attemptsBefore && t < 60_000) {
      await w.step(50);
      t += 50;
    }
    expect(w.sockets.length, 'a new attempt').to.equal(attemptsBefore + 1);
    expect(w.timers.now(), 'woken by the probe, not by its backoff timer').to.be.below(waitingUntil);
    w.sockets.at(-1)!.open();
    expect(socket.state.state).to.equal('open');
    socket.close();
  });

  it('sends one probe at a time for 50 sockets of one server, backing off while it is down', async () => {
    const w = world();
    // Refused after 300 ms, so that probes overlap in time if they can.
    w.setAnswer(() => new Promise<Response>((_, reject) => w.timers.setTimeout(() => reject(new TypeError('Failed to fetch')), 300)));
    const sockets = Array.from({ length: 50 }, (_, i) => w.make(`vm-${i}`));
    for (const s of sockets) s.connect();
    await w.step();
    for (const s of w.sockets) s.open();
    for (const s of [...w.sockets]) s.drop(1006);
    let maxInFlight = 0;
    for (let t = 0; t < 60_000; t += 50) {
      await w.downFor(50);
      maxInFlight = Math.max(maxInFlight, w.inFlight());
    }
    expect(maxInFlight).to.equal(1);
    const gaps = w.health.slice(1).map((h, i) => h.at - w.health[i]!.at);
    expect(w.health.length, 'probes in one minute down').to.be.within(25, 65);
    expect(Math.min(...gaps.slice(1)), 'probes at least 1 s apart once the server proved down').to.be.at.least(1000);
    expect(Math.max(...gaps), 'and at most 2 s after the previous refusal (300 ms, 50 ms steps)').to.be.at.most(2400);
    for (const s of sockets) s.close();
  });

  it('keeps one probe in flight when the server swallows them, and gives up on each after a timeout', async () => {
    const w = world();
    w.setAnswer(never);
    const sockets = Array.from({ length: 20 }, (_, i) => w.make(`vm-${i}`));
    for (const s of sockets) s.connect();
    await w.downFor(30_000);
    expect(w.health.length, 'probes were sent').to.be.greaterThan(3);
    const gaps = w.health.slice(1).map((h, i) => h.at - w.health[i]!.at);
    expect(Math.min(...gaps), 'the next probe only after the previous one timed out').to.be.at.least(3000);
    expect(sockets.every((s) => s.state.state === 'reconnecting' || s.state.state === 'connecting')).to.equal(true);
    for (const s of sockets) s.close();
  });

  it('wakes 50 sockets spread over a few hundred ms, not in one instant', async () => {
    const w = world({ random: Math.random });
    const sockets = Array.from({ length: 50 }, (_, i) => w.make(`vm-${i}`));
    for (const s of sockets) s.connect();
    await w.downFor(20_000);
    for (const s of w.sockets) if (s.readyState === 0) s.drop(1006);
    w.setAnswer(jsonUp);
    const instants = new Set<number>();
    let seen = w.sockets.length;
    for (let t = 0; t < 5000 && !sockets.every((s) => s.isOpen); t += 10) {
      await w.step(10);
      if (w.sockets.length > seen) instants.add(w.timers.now());
      seen = w.sockets.length;
      for (const s of w.sockets) if (s.readyState === 0) s.open();
    }
    expect(sockets.every((s) => s.isOpen), 'all live').to.equal(true);
    expect(instants.size, 'attempts spread over several instants').to.be.greaterThan(5);
    for (const s of sockets) s.close();
  });

  it('probes at once on online, focus and the page becoming visible again', async () => {
    const w = world();
    const socket = w.make('web-01');
    socket.connect();
    await w.downFor(20_000);
    for (const [target, type] of [
      [window, 'online'],
      [window, 'focus'],
      [document, 'visibilitychange'],
    ] as const) {
      await w.step(600);
      const n = w.health.length;
      target.dispatchEvent(new Event(type));
      await w.step();
      expect(w.health.length, `a probe on ${type}`).to.equal(n + 1);
    }
    // Bursts of focus events do not turn into bursts of probes.
    const n = w.health.length;
    await w.step(600);
    for (let i = 0; i < 10; i++) window.dispatchEvent(new Event('focus'));
    await w.step();
    expect(w.health.length).to.equal(n + 1);
    socket.close();
    await w.step();
    const after = w.health.length;
    window.dispatchEvent(new Event('online'));
    await w.downFor(10_000);
    expect(w.health.length, 'no probes once nothing waits').to.equal(after);
  });

  it('sends no probe while the browser is offline; on online one probe wakes the sockets, spread out', async () => {
    const w = world({ random: Math.random });
    const sockets = Array.from({ length: 20 }, (_, i) => w.make(`vm-${i}`));
    for (const s of sockets) s.connect();
    await w.step();
    for (const s of w.sockets) s.open();
    const attempts = w.sockets.length;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      for (const s of [...w.sockets]) s.drop(1006);
      await w.downFor(20_000);
      expect(sockets.every((s) => s.state.state === 'offline'), 'offline').to.equal(true);
      expect(w.health.length, 'no probes into no network').to.equal(0);
      expect(w.sockets.length, 'no attempts either').to.equal(attempts);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    w.setAnswer(jsonUp);
    window.dispatchEvent(new Event('online'));
    await w.step();
    expect(w.health.length, 'one probe on online').to.equal(1);
    const instants = new Set<number>();
    let seen = w.sockets.length;
    for (let t = 0; t < 5000 && !sockets.every((s) => s.isOpen); t += 10) {
      await w.step(10);
      if (w.sockets.length > seen) instants.add(w.timers.now());
      seen = w.sockets.length;
      for (const s of w.sockets) if (s.readyState === 0) s.open();
    }
    expect(sockets.every((s) => s.isOpen), 'all live').to.equal(true);
    expect(instants.size, 'not all in one instant').to.be.greaterThan(3);
    for (const s of sockets) s.close();
  });

  it('probes rarely while the page is hidden, and at once when it is shown again', async () => {
    const w = world();
    const socket = w.make('web-01');
    socket.connect();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      await w.downFor(60_000);
      const gaps = w.health.slice(2).map((h, i) => h.at - w.health[i + 1]!.at);
      expect(gaps.length, 'still probing').to.be.greaterThan(2);
      expect(Math.min(...gaps), 'every 5–10 s').to.be.at.least(5000);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
    const n = w.health.length;
    document.dispatchEvent(new Event('visibilitychange'));
    await w.step();
    expect(w.health.length, 'a probe when shown').to.equal(n + 1);
    socket.close();
  });

  it('does not short-circuit the backoff of a socket the server drops right after accepting it', async () => {
    const attemptsIn2Minutes = async (probing: boolean) => {
      const w = world();
      w.setAnswer(jsonUp);
      const socket = w.make('web-01', probing ? {} : { reachabilityGroup: undefined });
      socket.connect();
      for (let t = 0; t < 120_000; t += 50) {
        await w.step(50);
        for (const s of w.sockets) {
          if (s.readyState !== 0) continue;
          s.open();
          s.drop(1005); // e.g. the server's send buffer overflowed
        }
      }
      socket.close();
      return w.sockets.length;
    };
    const plain = await attemptsIn2Minutes(false);
    const probing = await attemptsIn2Minutes(true);
    expect(probing, `${probing} attempts with the probe, ${plain} without`).to.be.at.most(2 * plain);
  });

  it('does not loop on an auth failure while the server answers its health probe', async () => {
    const w = world();
    w.setAnswer(jsonUp);
    w.setVmStatus(401);
    const socket = w.make('web-01');
    socket.connect();
    // Every upgrade is refused (a browser sees only 1006); the REST probe says 401.
    await w.downFor(10_000);
    expect(socket.state.state).to.equal('unauthorized');
    const attempts = w.sockets.length;
    const probes = w.health.length;
    await w.downFor(300_000, 1000);
    expect(w.sockets.length, 'no more upgrade attempts').to.equal(attempts);
    expect(w.health.length, 'no more probes').to.equal(probes);
  });

  it('leaves a socket to its backoff when probes get HTML, 5xx, text or no answer', async () => {
    const hostile: [string, Answer][] = [
      ['an HTML page with 200', async () => new Response('<!doctype html><p>Welcome to the hotel Wi-Fi', { status: 200, headers: { 'content-type': 'text/html' } })],
      ['a proxy 502', async () => new Response('<h1>502 Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } })],
      ['a JSON 500', async () => Response.json({ error: 'boom' }, { status: 500 })],
      ['plain text', async () => new Response('ok', { status: 200 })],
      ['a body that never ends', async () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('<')) }), { status: 200, headers: { 'content-type': 'text/html' } })],
      ['no answer', never],
    ];
    for (const [what, answer] of hostile) {
      const w = world();
      const socket = w.make('web-01');
      socket.connect();
      await w.downFor(60_000);
      w.setAnswer(answer);
      const retryAt = socket.state.nextRetryAt!;
      const attempts = w.sockets.length;
      const probes = w.health.length;
      await w.step(Math.max(0, retryAt - w.timers.now() - 1));
      expect(w.sockets.length, `${what}: no early attempt`).to.equal(attempts);
      expect(w.health.length, `${what}: probing went on`).to.be.greaterThan(probes);
      expect(w.inFlight(), `${what}: at most one probe open`).to.be.at.most(1);
      await w.step(2);
      expect(w.sockets.length, `${what}: its own retry still comes`).to.equal(attempts + 1);
      socket.close();
    }
  });

  it('wakes less and less often when the server answers its probe but refuses every socket', async () => {
    const w = world({ random: () => 0.999, backoff: { initialMs: 600_000, maxMs: 600_000, minMs: 600_000 }, probeAfterFailures: 1000 });
    w.setAnswer(jsonUp);
    const socket = w.make('web-01');
    socket.connect();
    const attemptTimes: number[] = [];
    let seen = 0;
    for (let t = 0; t < 120_000; t += 50) {
      await w.downFor(50);
      while (seen < w.sockets.length) {
        attemptTimes.push(w.timers.now());
        seen++;
      }
    }
    const gaps = attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!);
    expect(gaps.length, 'woken several times').to.be.greaterThan(4);
    // The first gap runs from connect() to the first wake; the others are between wakes.
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]!, `gap ${i} grows`).to.be.at.least(gaps[i - 1]!);
    expect(gaps.at(-1)!, 'up to half a minute').to.be.at.least(16_000);
    socket.close();
  });
});

describe('VmHub reconnection', () => {
  before(() => preloadConnection());

  function hub(extra: Partial<VmHubConfig> = {}) {
    const timers = new ManualTimers();
    const { factory, sockets } = fakeSocketFactory();
    const calls: string[] = [];
    let up = true;
    const h = new VmHub({
      serverUrl: 'http://libgo.test',
      socketFactory: factory,
      timers,
      random: () => 0.5,
      heartbeatMs: 600_000,
      tokenProvider: () => 'tok',
      fetch: async (url) => {
        calls.push(new URL(url).pathname);
        if (!up) throw new TypeError('Failed to fetch');
        return Response.json(new URL(url).pathname === '/health' ? { status: 'up' } : { vm: { name: 'web-01', status: 'running' } });
      },
      ...extra,
    });
    return {
      h,
      sockets,
      calls,
      timers,
      setUp: (v: boolean) => (up = v),
      async step(ms = 0) {
        await flush(10);
        timers.advance(ms);
        await flush(10);
      },
      async run(ms: number) {
        for (let t = 0; t < ms; t += 50) {
          await this.step(50);
          for (const s of sockets) {
            if (s.readyState !== 0) continue;
            if (up) s.open();
            else s.drop(1006);
          }
        }
      },
    };
  }

  it('is live again within a probe period of the server coming back, not at the end of a 30 s backoff', async () => {
    const t = hub();
    const { session } = t.h.monitor('web-01');
    await t.run(100);
    expect(session.connection.state).to.equal('open');
    t.setUp(false);
    t.sockets[0]!.drop(1006);
    await t.run(120_000);
    await untilLongWait(t, () => session.connection.nextRetryAt);
    const retryAt = session.connection.nextRetryAt!;
    t.setUp(true);
    const backAt = t.timers.now();
    while (session.connection.state !== 'open' && t.timers.now() < retryAt) await t.run(50);
    expect(session.connection.state, 'live before its backoff ran out').to.equal('open');
    expect(t.timers.now() - backAt, 'within a probe period and the wake spread').to.be.at.most(2500);
    expect(t.calls.filter((c) => c === '/health').length, 'probes went out').to.be.greaterThan(0);
    t.h.dispose();
  });

  it('probes the server of its current configuration', async () => {
    const t = hub();
    t.h.monitor('web-01');
    await t.run(100);
    t.setUp(false);
    t.sockets[0]!.drop(1006);
    await t.run(10_000);
    t.h.configure({ serverUrl: 'http://other.test' });
    const probed: string[] = [];
    const fetch = t.h.config.fetch!;
    t.h.configure({ fetch: (url, init) => (probed.push(new URL(url).host + new URL(url).pathname), fetch(url, init)) });
    await t.run(10_000);
    expect(probed.filter((p) => p.endsWith('/health')).length, 'probes').to.be.greaterThan(3);
    expect(new Set(probed.filter((p) => p.endsWith('/health'))), 'only the new server').to.deep.equal(new Set(['other.test/health']));
    t.h.dispose();
  });

  it('shares one probe among all its sockets, and with reachabilityProbe: false keeps the plain backoff', async () => {
    const t = hub();
    for (let i = 0; i < 10; i++) t.h.monitor(`vm-${i}`);
    await t.run(100);
    t.setUp(false);
    for (const s of [...t.sockets]) s.drop(1006);
    await t.run(30_000);
    const probes = t.calls.filter((c) => c === '/health').length;
    expect(probes, 'one probe stream, not ten').to.be.within(10, 35);
    t.h.dispose();

    const off = hub({ reachabilityProbe: false });
    const { session } = off.h.monitor('web-01');
    await off.run(100);
    off.setUp(false);
    off.sockets[0]!.drop(1006);
    await off.run(120_000);
    await untilLongWait(off, () => session.connection.nextRetryAt);
    const retryAt = session.connection.nextRetryAt!;
    off.setUp(true);
    await off.run(Math.max(0, retryAt - off.timers.now() - 100));
    expect(session.connection.state, 'waits for its backoff').to.equal('reconnecting');
    await off.run(200);
    expect(session.connection.state).to.equal('open');
    expect(off.calls.filter((c) => c === '/health'), 'no probes').to.deep.equal([]);
    off.h.dispose();
  });
});
