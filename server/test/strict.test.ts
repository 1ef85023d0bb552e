// LibGo-strict mode (`LIBGO_STRICT=1 npm start`): what an unmodified LibGo shows clients, each
// behaviour named after the LibGo function it follows (docs/deploying-with-libgo.md).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { base64urlEncodeText } from '../../src/testing/sim/base64url.js';
import { command, login, open, sleep, startServer, upgradeStatus, type Client } from './helpers.js';

const WHOLE_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('LibGo-strict mode', () => {
  let server: LibGoServer;
  let admin: string;
  let viewer: string;
  before(async () => {
    server = await startServer({ strict: true, metricsIntervalMs: 400 });
    admin = await login(server, 'admin');
    viewer = await login(server, 'viewer');
  });
  after(() => server.close());

  const call = async (method: string, path: string, token?: string) => {
    const res = await fetch(server.url + path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };

  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  const openStrict = async (path: string, token = admin): Promise<Client> => {
    const c = await open(server, path, undefined, bearer(token));
    await c.nextOfType('connection');
    return c;
  };

  /** The 101 response's headers for an upgrade offering `protocols`. */
  const upgradeHeaders = (path: string, headers: Record<string, string>) =>
    new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const req = request(server.url + path, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.headers);
      });
      req.on('response', (res) => reject(new Error(`refused with ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });

  describe('authentication (JWTMiddleware.Authenticate)', () => {
    it('accepts the token only in the Authorization header', async () => {
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${admin}`), 401);
      assert.equal(await upgradeStatus(server, '/ws/vms/web-01', ['libgo.v1', `base64url.bearer.authorization.k8s.io.${base64urlEncodeText(admin)}`]), 401);
      assert.equal(await upgradeStatus(server, '/ws/vms/web-01', undefined, { headers: { Cookie: `token=${admin}` } }), 401);
      assert.equal(await upgradeStatus(server, '/ws/vms/web-01', undefined, bearer(admin)), 101);
    });

    it('never selects a subprotocol, even when offered one it could name', async () => {
      const headers = await upgradeHeaders('/ws/vms/web-01', { Authorization: `Bearer ${admin}`, 'Sec-WebSocket-Protocol': 'libgo.v1' });
      assert.equal(headers['sec-websocket-protocol'], undefined);
    });
  });

  describe('REST', () => {
    it('answers an unknown VM with 200 {"vm": null} (VMHandler.GetVM)', async () => {
      const r = await call('GET', '/api/v1/vms/no-such-vm', admin);
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, { vm: null });
      assert.equal((await call('GET', '/api/v1/vms/web-01', admin)).json.vm.name, 'web-01');
    });

    it('paginates the list as {vms, count, page, pageSize} (VMHandler.ListVMs)', async () => {
      const all = server.sim.vmNames();
      assert.ok(all.length > 2);
      const first = await call('GET', '/api/v1/vms?page=1&pageSize=2', admin);
      assert.equal(first.status, 200);
      assert.deepEqual({ ...first.json, vms: first.json.vms.map((v: { name: string }) => v.name) }, { vms: all.slice(0, 2), count: all.length, page: 1, pageSize: 2 });
      const plain = await call('GET', '/api/v1/vms', admin);
      assert.deepEqual([plain.json.page, plain.json.pageSize, plain.json.count], [1, 50, all.length]);
      for (const bad of ['page=0', 'pageSize=101', 'page=x']) {
        const r = await call('GET', `/api/v1/vms?${bad}`, admin);
        assert.equal(r.status, 400, bad);
        assert.deepEqual(r.json, { code: 'INVALID_INPUT', message: 'invalid input', status: 400 });
      }
    });

    it("answers errors as {code, message, status} and start/stop as {success, message}", async () => {
      const anon = await call('GET', '/api/v1/vms/web-01');
      assert.deepEqual(anon.json, { code: 'INVALID_OR_MISSING_AUTHENTICATION_TOKEN', message: 'Missing authentication token', status: 401 });
      const forbidden = await call('PUT', '/api/v1/vms/web-01/stop', viewer);
      assert.deepEqual(forbidden.json, { code: 'FORBIDDEN', message: 'Insufficient permissions', status: 403 });
      // DomainManager.Start does nothing for a running VM, and says it succeeded.
      const noOp = await call('PUT', '/api/v1/vms/web-01/start', admin);
      assert.deepEqual(noOp.json, { success: true, message: 'VM started successfully' });
      // Other libvirt refusals are unmapped errors (build-01 is paused: DomainCreate fails).
      const refused = await call('PUT', '/api/v1/vms/build-01/start', admin);
      assert.deepEqual(refused.json, { code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error occurred', status: 500 });
      const nowhere = await call('GET', '/api/v1/nowhere', admin);
      assert.deepEqual(nowhere.json, { code: 'NOT_FOUND', message: 'The requested resource was not found', status: 404 });
      const stop = await call('PUT', '/api/v1/vms/db-01/stop', admin);
      assert.deepEqual(stop.json, { success: true, message: 'VM stopped successfully' }, 'db-01 is stopped already: a no-op');
      const start = await call('PUT', '/api/v1/vms/db-01/start', admin);
      assert.deepEqual(start.json, { success: true, message: 'VM started successfully' });
      assert.equal(server.sim.vmStatus('db-01'), 'running');
    });

    it('has GET /health', async () => {
      const r = await call('GET', '/health');
      assert.equal(r.status, 200);
      assert.equal(r.json.status, 'up');
    });
  });

  describe('sockets (websocket.Handler, VMMonitor)', () => {
    it('greets, then sends the first status only at the first monitoring tick, with whole-second times and uptime from that monitoring', async () => {
      const c = await openStrict('/ws/vms/web-01');
      assert.equal(c.messages[0]!.data.message, 'Connected to web-01 WebSocket');
      await sleep(150);
      assert.deepEqual(c.messages.map((m) => m.type), ['connection'], 'nothing before the first tick');
      const status = await c.nextOfType('status');
      assert.match(status.data.lastStateChange as string, WHOLE_SECONDS);
      // The simulated VM booted an hour ago; LibGo counts from its own first look.
      assert.ok((status.data.uptime as number) < 60, `uptime ${String(status.data.uptime)}`);
      c.send({ type: 'heartbeat', data: {} });
      assert.match((await c.nextOfType('heartbeat')).data.timestamp as string, WHOLE_SECONDS);
      c.close();
    });

    it('only acknowledges commands: the VM does not change', async () => {
      const c = await openStrict('/ws/vms/web-01');
      const r = await command(c, 'stop', 'req-1');
      assert.deepEqual(r.data, { requestId: 'req-1', success: true, message: "Command 'stop' acknowledged" });
      await c.nextOfType('status');
      const after = await c.nextOfType('status');
      assert.equal(after.data.status, 'running');
      assert.equal(server.sim.vmStatus('web-01'), 'running');
      const nonsense = await command(c, 'explode', 'req-2');
      assert.equal(nonsense.data.success, true, 'not even the action is checked');
      c.close();
    });

    it('console sockets get status and metrics, echo input and send no output of their own', async () => {
      const c = await openStrict('/ws/vms/web-01/console');
      c.send({ type: 'console_input', data: { content: 'root\r' } });
      await c.nextOfType('status');
      await c.nextOfType('metrics');
      await c.nextOfType('status');
      assert.equal(c.consoleText(), 'root\r');
      const monitor = await openStrict('/ws/vms/web-01');
      monitor.send({ type: 'console_input', data: { content: 'x' } });
      assert.deepEqual((await monitor.nextOfType('error')).data, { code: 'INVALID_MESSAGE_TYPE', message: 'Console input not allowed on this connection' });
      c.close();
      monitor.close();
    });
  });
});
