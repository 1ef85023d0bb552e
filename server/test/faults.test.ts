import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { command, login, openVm, sleep, startServer, upgradeStatus } from './helpers.js';

describe('fault injection', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('drops a VM’s sockets abruptly (1006) and leaves other VMs alone', async () => {
    const a = await openVm(server, 'web-01');
    const b = await openVm(server, 'web-01', 'admin', 'console');
    const other = await openVm(server, 'db-01');
    assert.equal(server.faults.dropConnections('web-01'), 2);
    assert.equal((await a.closed()).code, 1006);
    assert.equal((await b.closed()).code, 1006);
    await sleep(50);
    assert.equal(other.closeCode, null);
    other.close();
  });

  it('closes with a given code and reason', async () => {
    const c = await openVm(server, 'web-01');
    server.faults.closeConnections('web-01', 4000, 'maintenance');
    assert.deepEqual(await c.closed(), { code: 4000, reason: 'maintenance' });
    const d = await openVm(server, 'web-01');
    server.faults.closeConnections('web-01', 1005);
    assert.equal((await d.closed()).code, 1005);
  });

  it('stalls: nothing is sent and heartbeats go unanswered, the socket stays open', async () => {
    const c = await openVm(server, 'web-01');
    server.faults.stall('web-01', 400);
    const before = c.messages.length;
    c.send({ type: 'heartbeat', data: {} });
    await sleep(300);
    assert.equal(c.messages.length, before);
    assert.equal(c.closeCode, null);
    await c.nextOfType('status', 1000);
    assert.equal(c.messages.filter((m) => m.type === 'heartbeat').length, 0);
    c.send({ type: 'heartbeat', data: {} });
    await c.nextOfType('heartbeat');
    c.close();
  });

  it('sends a raw malformed frame on its own', async () => {
    const c = await openVm(server, 'web-01');
    const frames = c.frames.length;
    // The Client helper would throw on it: take the frame away from it.
    c.ws.removeAllListeners('message');
    const got = new Promise<string>((resolve) => c.ws.once('message', (d) => resolve(String(d))));
    server.faults.sendRaw('web-01', '{"type":"status","data":{trunc');
    assert.equal(await got, '{"type":"status","data":{trunc');
    assert.equal(c.frames.length, frames);
    c.ws.close();
  });

  it('caps messages per frame at run time', async () => {
    server.faults.setMaxBatch(1);
    try {
      const c = await openVm(server, 'web-01');
      await c.nextOfType('metrics');
      await c.nextOfType('metrics');
      assert.ok(c.frames.every((f) => !f.includes('\n')));
      c.close();
    } finally {
      server.faults.setMaxBatch(null);
    }
  });

  it('refuses the next N upgrades with a given status, then accepts again', async () => {
    const token = await login(server, 'admin');
    server.faults.refuseUpgrades(503, 2);
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${token}`), 503);
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${token}`), 503);
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${token}`), 101);
  });

  it('sets permissions per user, live', async () => {
    const c = await openVm(server, 'web-01', 'admin', 'console');
    server.faults.setPermissions('admin', ['read']);
    try {
      c.send({ type: 'console_input', data: { content: 'x' } });
      assert.equal((await c.nextOfType('error')).data.code, 'AUTH_ERROR');
      assert.equal((await command(c, 'restart')).data.success, false);
      const token = await login(server, 'admin');
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01/console?token=${token}`), 403);
      assert.throws(() => server.faults.setPermissions('admin', ['fly' as never]));
    } finally {
      server.faults.setPermissions('admin', null);
    }
    c.close();
  });

  it('crashes a VM (setVmStatus) with an immediate status', async () => {
    server.sim.reset();
    const c = await openVm(server, 'web-01');
    server.faults.setVmStatus('web-01', 'crashed');
    assert.equal((await c.nextOfType('status')).data.status, 'crashed');
    c.close();
    server.sim.reset();
  });

  it('exposes the faults over /__test routes', async () => {
    const c = await openVm(server, 'web-01');
    const r = await fetch(`${server.url}/__test/fault/closeConnections`, { method: 'POST', body: JSON.stringify(['web-01', 4001, 'via http']) });
    assert.deepEqual(await r.json(), { ok: true, result: 1 });
    assert.deepEqual(await c.closed(), { code: 4001, reason: 'via http' });
    const bad = await fetch(`${server.url}/__test/fault/takeUpgradeRefusal`, { method: 'POST' });
    assert.equal(bad.status, 404);
    const reset = await fetch(`${server.url}/__test/reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
  });

  it('stop() drops everything like a crash; start() listens on the same port; state survives', async () => {
    const port = server.port;
    const c = await openVm(server, 'db-01');
    await command(c, 'start');
    await server.stop();
    assert.equal((await c.closed()).code, 1006);
    await assert.rejects(fetch(`${server.url}/api/v1/vms`));
    await server.start();
    assert.equal(server.port, port);
    const d = await openVm(server, 'db-01');
    assert.equal((await d.nextOfType('status')).data.status, 'running');
    d.close();
  });

  it('restarts over /__test/restart', async () => {
    const c = await openVm(server, 'web-01');
    await fetch(`${server.url}/__test/restart`, { method: 'POST', body: JSON.stringify({ downMs: 100 }) });
    assert.equal((await c.closed()).code, 1006);
    await sleep(250);
    const d = await openVm(server, 'web-01');
    d.close();
  });
});

describe('keepalive', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ pingIntervalMs: 50, pongTimeoutMs: 120, metricsIntervalMs: 60_000 });
  });
  after(() => server.close());

  it('pings, and keeps a client that answers', async () => {
    const c = await openVm(server, 'web-01');
    let pings = 0;
    c.ws.on('ping', () => pings++);
    await sleep(400);
    assert.ok(pings >= 4, `pings: ${pings}`);
    assert.equal(c.closeCode, null);
    c.close();
  });

  it('drops a client that does not answer pings', async () => {
    const token = await login(server, 'admin');
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/vms/web-01?token=${token}`, { autoPong: false });
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    assert.equal(code, 1006);
  });
});
