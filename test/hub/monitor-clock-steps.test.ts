/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { VmHub } from '../../src/hub/index.js';
import { preloadConnection } from '../../src/transport/index.js';
import { fakeSocketFactory, flush, line, ManualTimers } from '../helpers/fake-socket.js';

// Issue 15, item 2: one sample from a server whose clock is 10 minutes ahead froze the charts of
// every element watching that VM, until the clock caught up; the history outlived reconnects.
const metrics = (cpu: number, rx: number) => ({
  cpu: { utilization: cpu },
  memory: { used: 1, total: 2 },
  network: { rxBytes: rx, txBytes: 0 },
  disk: { readBytes: 0, writeBytes: 0 },
});
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2026-11-25T20:00:00Z');

describe('MonitorSession and server clock steps', () => {
  before(() => preloadConnection());

  for (const [name, skew] of [
    ['one sample stamped 10 minutes in the future', (i: number) => (i === 5 ? 10 * 60_000 : 0)],
    ['the server clock stepped 10 minutes back', (i: number) => (i >= 5 ? -10 * 60_000 : 0)],
    ['the server clock stepped 10 minutes forward', (i: number) => (i >= 5 ? 10 * 60_000 : 0)],
  ] as const) {
    it(`keeps giving the charts new points after ${name}`, async () => {
      const timers = new ManualTimers();
      const { factory, sockets } = fakeSocketFactory();
      const hub = new VmHub({ serverUrl: 'http://libgo.test', socketFactory: factory, timers, heartbeatMs: 60_000, tokenProvider: () => 'tok' });
      const { session, release } = hub.monitor('web-01');
      await flush(10);
      sockets[0]!.open();
      for (let i = 0; i < 12; i++) {
        sockets[0]!.receive(line('metrics', metrics(i, i * 5_000_000), iso(T0 + i * 5000 + skew(i))));
        if (i === 0) await waitUntil(() => session.history !== null, 'the history', { timeout: 3000, interval: 5 });
        timers.advance(5000);
      }
      const h = session.history!;
      const cpu = h.series.toArrays('cpu').y.filter((v) => v !== null);
      expect(cpu, 'every sample is charted').to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(h.latest()!.cpu, 'the newest value is shown').to.equal(11);
      expect(h.latest()!.rxRate, 'rates go on').to.equal(1_000_000);
      release();
      hub.dispose();
    });
  }
});
