/// <reference types="mocha" />
/**
 * After an outage of the reference server, sockets come back when the server does, not at the end
 * of their backoff: real WebSockets and fetch on loopback, the server stopped and started again.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub } from '../../src/hub/index.js';
import { RestClient } from '../../src/transport/index.js';
import { createServer, type LibGoServer } from '../setup/libgo.js';

describe('reconnecting to the reference server after an outage', function () {
  this.timeout(30_000);
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

  it('is live again right after the server starts, long before its one-minute backoff', async () => {
    const token = (await new RestClient({ serverUrl: server.url }).login('admin', 'admin123')).token;
    const events: string[] = [];
    let probesFailed = 0;
    hub = new VmHub({
      serverUrl: server.url,
      tokenProvider: () => token,
      // Its own retry would come a minute after the drop: only the probe can bring it back sooner.
      backoff: { initialMs: 60_000, maxMs: 60_000, minMs: 60_000 },
      fetch: async (url, init) => {
        try {
          return await fetch(url, init);
        } catch (e) {
          if (new URL(url).pathname === '/health') probesFailed++;
          throw e;
        }
      },
    });
    const sockets = ['web-01', 'db-01', 'build-01'].map((vm) => hub!.monitor(vm).session);
    let last = '';
    for (const s of sockets) {
      s.subscribe(() => {
        const all = sockets.every((x) => x.connection.state === 'open') ? 'all open' : 'not all open';
        if (all !== last) events.push(all);
        last = all;
      });
    }
    await waitUntil(() => sockets.every((s) => s.connection.state === 'open'), 'connected', { timeout: 5000 });

    await server.stop();
    events.push('server stopped');
    await waitUntil(() => sockets.every((s) => s.connection.state === 'reconnecting'), 'waiting to retry', { timeout: 5000 });
    // An outage of a few seconds.
    await new Promise((r) => setTimeout(r, 3000));
    const retryAt = Math.min(...sockets.map((s) => s.connection.nextRetryAt!));
    await server.start();
    events.push('server started');
    await waitUntil(() => sockets.every((s) => s.connection.state === 'open'), 'live again', { timeout: 10_000 });
    expect(Date.now(), 'before any backoff timer fired').to.be.below(retryAt);
    expect(probesFailed, 'probes were refused while the server was down').to.be.greaterThan(0);
    const stopped = events.indexOf('server stopped');
    const started = events.indexOf('server started');
    expect(events.slice(stopped, started), 'nothing live while the server was down').not.to.include('all open');
    expect(events.slice(started), 'live again after the start').to.deep.equal(['server started', 'all open']);
  });
});
