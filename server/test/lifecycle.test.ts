import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { command, openVm, sleep, startServer, type Msg } from './helpers.js';

const STATES = ['running', 'stopped', 'paused', 'crashed', 'shutdown'] as const;
const VALID: Record<string, Record<string, string>> = {
  start: { stopped: 'running', crashed: 'running', shutdown: 'running' },
  stop: { running: 'stopped', paused: 'stopped' },
  restart: { running: 'running' },
  suspend: { running: 'paused' },
  resume: { paused: 'running' },
};

describe('lifecycle: every action from every state', () => {
  let server: LibGoServer;
  before(async () => {
    // No periodic ticks: every status seen below was sent because the state changed.
    server = await startServer({ metricsIntervalMs: 60_000, transitionDelayMs: 100 });
  });
  after(() => server.close());

  for (const action of Object.keys(VALID)) {
    for (const state of STATES) {
      const target = VALID[action]![state];
      it(`${action} from ${state} → ${target ? `succeeds, ${target}` : 'refused'}`, async () => {
        server.sim.reset();
        server.faults.setVmStatus('web-01', state);
        const c = await openVm(server, 'web-01');
        const sentAt = Date.now();
        const res = await command(c, action);
        if (!target) {
          assert.equal(res.data.success, false);
          assert.ok((res.data.message as string).length > 0, 'a reason');
          assert.ok(Date.now() - sentAt < 90, 'refused at once');
          assert.equal(server.sim.vmStatus('web-01'), state);
          assert.equal(c.messages.filter((m) => m.type === 'status').length, 0);
        } else {
          assert.equal(res.data.success, true, String(res.data.message));
          assert.ok(Date.now() - sentAt >= 95, 'response when the transition completes');
          const status = c.messages.find((m) => m.type === 'status') as Msg;
          assert.ok(status, 'a status went out on the change');
          assert.equal(status.data.status, target);
          assert.ok(c.messages.indexOf(status) < c.messages.indexOf(res), 'status before the response');
          assert.equal(server.sim.vmStatus('web-01'), target);
        }
        c.close();
      });
    }
  }

  it('refuses a second command while a transition is in progress', async () => {
    server.sim.reset();
    const c = await openVm(server, 'db-01');
    c.send({ type: 'command', data: { action: 'start', requestId: 'a' } });
    const second = await command(c, 'stop', 'b');
    assert.equal(second.data.success, false);
    assert.match(second.data.message as string, /in progress/);
    const first = await c.next((m) => m.type === 'response' && m.data.requestId === 'a');
    assert.equal(first.data.success, true);
    c.close();
  });

  it('informs every socket of the VM about a state change', async () => {
    server.sim.reset();
    const a = await openVm(server, 'db-01');
    const b = await openVm(server, 'db-01', 'viewer');
    await command(a, 'start');
    assert.equal((await b.nextOfType('status')).data.status, 'running');
    a.close();
    b.close();
  });
});

describe('lifecycle: uptime and counters', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ metricsIntervalMs: 60, transitionDelayMs: 20 });
  });
  after(() => server.close());

  const counters = (m: Msg) => {
    const d = m.data as { network: { rxBytes: number; txBytes: number }; disk: { readBytes: number; writeBytes: number } };
    return [d.network.rxBytes, d.network.txBytes, d.disk.readBytes, d.disk.writeBytes];
  };

  it('counters grow while running and fall back to 0 on restart', async () => {
    const c = await openVm(server, 'web-01');
    const m1 = counters(await c.nextOfType('metrics'));
    const m2 = counters(await c.nextOfType('metrics'));
    assert.ok(m1[0]! > 1e9, 'a VM up for days has large counters');
    m2.forEach((v, i) => assert.ok(v >= m1[i]!, 'cumulative'));
    const s1 = await c.nextOfType('status');
    assert.ok((s1.data.uptime as number) > 86400);
    await command(c, 'restart');
    const after = await c.next((m) => m.type === 'metrics');
    counters(after).forEach((v, i) => assert.ok(v < m1[i]! / 1000, `counter ${i} reset (${v})`));
    const s2 = await c.nextOfType('status');
    assert.ok((s2.data.uptime as number) < 5);
    c.close();
  });

  it('counters start at 0 when a stopped VM starts, and metrics stop when it stops', async () => {
    const c = await openVm(server, 'db-01');
    await command(c, 'start');
    const m = await c.nextOfType('metrics');
    counters(m).forEach((v) => assert.ok(v < 10_000_000, `small after boot: ${v}`));
    await command(c, 'stop');
    const count = c.messages.filter((x) => x.type === 'metrics').length;
    await sleep(200);
    assert.equal(c.messages.filter((x) => x.type === 'metrics').length, count);
    assert.equal((await c.nextOfType('status')).data.uptime, 0);
    c.close();
  });

  it('a paused VM keeps its uptime but sends no metrics', async () => {
    const c = await openVm(server, 'build-01');
    const s = await c.nextOfType('status');
    assert.equal(s.data.status, 'paused');
    assert.ok((s.data.uptime as number) > 3600);
    await sleep(150);
    assert.equal(c.messages.filter((x) => x.type === 'metrics').length, 0);
    c.close();
  });
});
