import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { login, startServer } from './helpers.js';

describe('REST API', () => {
  let server: LibGoServer;
  let admin: string;
  let viewer: string;
  before(async () => {
    server = await startServer();
    admin = await login(server, 'admin');
    viewer = await login(server, 'viewer');
  });
  after(() => server.close());

  const call = async (method: string, path: string, token?: string, body?: string) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    // The assertions below check the body's shape field by field, so it stays loosely typed here.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
  };

  it('logs in with {token, expiresAt, user}', async () => {
    const r = await call('POST', '/api/v1/auth/login', undefined, JSON.stringify({ username: 'operator', password: 'operator123' }));
    assert.equal(r.status, 200);
    assert.match(r.json.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.ok(Date.parse(r.json.expiresAt) > Date.now());
    assert.deepEqual(r.json.user, { id: r.json.user.id, username: 'operator', email: 'operator@libgo.local', roles: ['operator'] });
    const payload = JSON.parse(Buffer.from(r.json.token.split('.')[1], 'base64url').toString());
    assert.deepEqual(Object.keys(payload).sort(), ['exp', 'iat', 'roles', 'userId', 'username']);
  });

  it('GET /health answers 200 without a token, as LibGo does (the clients probe it while reconnecting)', async () => {
    const r = await call('GET', '/health');
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'up');
  });

  it('401 for bad credentials, 400 for a malformed body', async () => {
    const bad = await call('POST', '/api/v1/auth/login', undefined, JSON.stringify({ username: 'admin', password: 'nope' }));
    assert.equal(bad.status, 401);
    assert.deepEqual(Object.keys(bad.json).sort(), ['code', 'error']);
    assert.equal((await call('POST', '/api/v1/auth/login', undefined, '{oops')).status, 400);
    assert.equal((await call('POST', '/api/v1/auth/login', undefined, JSON.stringify({ username: 'admin' }))).status, 400);
  });

  it('lists and gets VMs with the documented shape', async () => {
    const list = await call('GET', '/api/v1/vms', viewer);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.vms.map((v: { name: string }) => v.name), ['web-01', 'db-01', 'build-01', 'legacy-02']);
    assert.deepEqual(list.json.vms.map((v: { status: string }) => v.status), ['running', 'stopped', 'paused', 'crashed']);
    const one = await call('GET', '/api/v1/vms/web-01', viewer);
    const vm = one.json.vm;
    assert.deepEqual(Object.keys(vm), ['name', 'uuid', 'description', 'status', 'createdAt', 'cpu', 'memory', 'disks', 'networks']);
    assert.deepEqual(Object.keys(vm.cpu), ['count', 'model', 'sockets', 'cores', 'threads']);
    assert.deepEqual(Object.keys(vm.memory), ['sizeBytes', 'sizeMB']);
    assert.deepEqual(Object.keys(vm.disks[0]), ['path', 'format', 'sizeBytes', 'bus', 'readOnly', 'bootable', 'shareable', 'serial', 'storagePool', 'device']);
    assert.deepEqual(Object.keys(vm.networks[0]), ['type', 'source', 'model', 'macAddress', 'ipAddress', 'ipAddressV6']);
    assert.match(vm.networks[0].macAddress, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  });

  it('401 without or with a bad token, 403 without permission, 404 for an unknown VM', async () => {
    assert.equal((await call('GET', '/api/v1/vms/web-01')).status, 401);
    assert.equal((await call('GET', '/api/v1/vms/web-01', 'garbage')).status, 401);
    const forbidden = await call('PUT', '/api/v1/vms/db-01/start', viewer);
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.json.code, 'FORBIDDEN');
    const missing = await call('GET', '/api/v1/vms/nope', admin);
    assert.deepEqual(missing.json, { error: 'VM nope not found', code: 'VM_NOT_FOUND' });
  });

  it('decodes path segments exactly once', async () => {
    const r = await call('GET', '/api/v1/vms/a%2F..%2Fb', admin);
    assert.equal(r.status, 404);
    assert.equal(r.json.error, 'VM a/../b not found');
    assert.equal((await call('GET', '/api/v1/vms/web%2D01', admin)).status, 200);
    assert.equal((await call('GET', '/api/v1/vms/web%252D01', admin)).json.error, 'VM web%2D01 not found');
    assert.equal((await call('GET', '/api/v1/vms/a%2F..%2Fweb-01/start', admin)).status, 405);
    assert.equal((await call('GET', '/api/v1/vms/%E0%A4%A', admin)).status, 400);
  });

  it('start/stop answer when the transition is over, 409 for an invalid transition', async () => {
    server.sim.reset();
    const t0 = Date.now();
    const started = await call('PUT', '/api/v1/vms/db-01/start', admin);
    assert.equal(started.status, 200);
    assert.ok(Date.now() - t0 >= 15);
    assert.equal(typeof started.json.message, 'string');
    assert.equal(server.sim.vmStatus('db-01'), 'running');
    const again = await call('PUT', '/api/v1/vms/db-01/start', admin);
    assert.equal(again.status, 409);
    assert.equal(again.json.code, 'INVALID_STATE');
    assert.equal((await call('PUT', '/api/v1/vms/db-01/stop', admin)).status, 200);
    assert.equal((await call('PUT', '/api/v1/vms/db-01/stop', admin)).status, 409);
  });

  it('has no REST route for restart, suspend or resume', async () => {
    for (const a of ['restart', 'suspend', 'resume']) assert.equal((await call('PUT', `/api/v1/vms/web-01/${a}`, admin)).status, 404);
  });

  it('answers CORS preflights and sets CORS headers', async () => {
    const pre = await fetch(`${server.url}/api/v1/vms`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:9999', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
    const r = await call('GET', '/api/v1/vms', admin);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
  });

  it('has no /__test routes without faults', async () => {
    const plain = await startServer({ faults: false });
    const r = await fetch(`${plain.url}/__test/reset`, { method: 'POST' });
    assert.equal(r.status, 404);
    assert.throws(() => plain.faults.dropConnections());
    await plain.close();
  });
});
