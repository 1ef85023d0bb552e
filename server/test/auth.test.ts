import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import type { LibGoServer } from '../create-server.js';
import { command, login, open, openVm, startServer, upgradeStatus, wsUrl } from './helpers.js';

const b64url = (s: string) => Buffer.from(s).toString('base64url');

describe('upgrade authorisation and permissions', () => {
  let server: LibGoServer;
  let admin: string;
  before(async () => {
    server = await startServer();
    admin = await login(server, 'admin');
  });
  after(() => server.close());

  it('accepts the token in the query', async () => {
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${admin}`), 101);
  });

  it('accepts the token in an Authorization header', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', [], { headers: { Authorization: `Bearer ${admin}` } }), 101);
  });

  it('accepts the token as a Kubernetes-style subprotocol and selects libgo.v1, never the token', async () => {
    const offered = ['libgo.v1', `base64url.bearer.authorization.k8s.io.${b64url(admin)}`];
    const c = await open(server, '/ws/vms/web-01/console', offered);
    assert.equal(c.ws.protocol, 'libgo.v1');
    await c.nextOfType('connection');
    c.close();
  });

  it('refuses a token protocol that does not decode to a valid token', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', ['libgo.v1', 'base64url.bearer.authorization.k8s.io.!!!']), 401);
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', ['libgo.v1', `base64url.bearer.authorization.k8s.io.${b64url('x.y.z')}`]), 401);
  });

  it('refuses with 401 without a token, with a forged one and with an expired one', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01'), 401);
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${admin.slice(0, -3)}abc`), 401);
    const expired = await server.sim.auth.sign({ userId: 'x', username: 'admin', roles: ['admin'], exp: Math.floor(Date.now() / 1000) - 10 });
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${expired}`), 401);
  });

  it('refuses a token signed with another secret', async () => {
    const other = await startServer({ jwtSecret: 'another-secret-of-at-least-32-bytes' });
    const foreign = await login(other, 'admin');
    await other.close();
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${foreign}`), 401);
  });

  it('answers 404 for an unknown VM or path, with the name decoded exactly once', async () => {
    assert.equal(await upgradeStatus(server, `/ws/vms/nope?token=${admin}`), 404);
    assert.equal(await upgradeStatus(server, `/ws/vms/a%2F..%2Fweb-01?token=${admin}`), 404);
    assert.equal(await upgradeStatus(server, `/ws/vms/web%2D01?token=${admin}`), 101, '%2D is "-"');
    assert.equal(await upgradeStatus(server, `/ws/vms/web%252D01?token=${admin}`), 404, 'not decoded twice');
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01/shell?token=${admin}`), 404);
  });

  it('lets a viewer monitor but not command or open the console', async () => {
    const viewer = await login(server, 'viewer');
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${viewer}`), 101);
    assert.equal(await upgradeStatus(server, `/ws/vms/web-01/console?token=${viewer}`), 403);
    const c = await openVm(server, 'web-01', 'viewer');
    for (const action of ['start', 'stop', 'restart', 'suspend', 'resume']) {
      const res = await command(c, action);
      assert.equal(res.data.success, false, action);
      assert.match(res.data.message as string, /[Pp]ermission/);
    }
    assert.equal(c.messages.filter((m) => m.type === 'error' && m.data.code === 'AUTH_ERROR').length, 5);
    c.close();
  });

  it('grants console to admin and operator', async () => {
    for (const user of ['admin', 'operator']) {
      const t = await login(server, user);
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01/console?token=${t}`), 101, user);
    }
  });

  it('checks the permission each action needs (restart needs start and stop)', async () => {
    server.faults.setPermissions('operator', ['read', 'start']);
    try {
      const c = await openVm(server, 'web-01', 'operator');
      const restart = await command(c, 'restart');
      assert.equal(restart.data.success, false);
      assert.match(restart.data.message as string, /stop/);
      const stop = await command(c, 'suspend');
      assert.equal(stop.data.success, false);
      c.close();
    } finally {
      server.faults.setPermissions('operator', null);
    }
  });

  it('a token in the query does not leak into the welcome', async () => {
    const ws = new WebSocket(wsUrl(server, `/ws/vms/web-01?token=${admin}`));
    const first = await new Promise<string>((r) => ws.once('message', (d) => r(String(d))));
    assert.ok(!first.includes(admin));
    ws.close();
  });
});
