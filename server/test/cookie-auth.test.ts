import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { startServer, upgradeStatus } from './helpers.js';

const PORTAL = 'http://portal.example:8443';

async function signIn(server: LibGoServer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'admin', password: 'admin123' }),
  });
}

/** `name=value` of the session cookie, as a browser would send it back. */
function cookiePair(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  assert.match(set, /^libgo_session=/, `Set-Cookie: ${set}`);
  return set.split(';')[0]!;
}

describe('cookie authentication', () => {
  let server: LibGoServer;
  let cookie: string;
  before(async () => {
    server = await startServer({ allowedOrigins: [PORTAL] });
    cookie = cookiePair(await signIn(server));
  });
  after(() => server.close());

  it('login sets an HttpOnly, SameSite=Strict session cookie for the whole server, as long as the token lives', async () => {
    const res = await signIn(server);
    const set = res.headers.get('set-cookie') ?? '';
    assert.match(set, /; HttpOnly/i);
    assert.match(set, /; SameSite=Strict/i);
    assert.match(set, /; Path=\//i);
    assert.match(set, /; Max-Age=\d+/i);
    assert.doesNotMatch(set, /; Secure/i, 'not over plain HTTP: the browser would drop it');
    const token = ((await res.json()) as { token: string }).token;
    assert.equal(cookiePair(res), `libgo_session=${token}`);
  });

  it('the cookie is Secure when the request came over TLS (a proxy saying X-Forwarded-Proto: https)', async () => {
    assert.match((await signIn(server, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie') ?? '', /; Secure/i);
  });

  it('REST accepts the cookie alone, from the same origin or no browser at all', async () => {
    assert.equal((await fetch(`${server.url}/api/v1/vms/web-01`, { headers: { cookie } })).status, 200);
    assert.equal((await fetch(`${server.url}/api/v1/vms/web-01`, { headers: { cookie, origin: server.url } })).status, 200);
    assert.equal((await fetch(`${server.url}/api/v1/vms/web-01`, { headers: { cookie: 'libgo_session=forged' } })).status, 401);
  });

  it('REST refuses the cookie from a foreign origin (403), but not a bearer token', async () => {
    const res = await fetch(`${server.url}/api/v1/vms/web-01/stop`, { method: 'PUT', headers: { cookie, origin: 'http://evil.example' } });
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as { error: string }).error, /origin/i);
    const token = cookie.split('=')[1]!;
    assert.equal((await fetch(`${server.url}/api/v1/vms/web-01`, { headers: { authorization: `Bearer ${token}`, origin: 'http://evil.example' } })).status, 200);
  });

  it('a WebSocket upgrade accepts the cookie from the same origin', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01/console', [], { headers: { cookie }, origin: server.url }), 101);
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', ['libgo.v1'], { headers: { cookie }, origin: server.url }), 101);
  });

  it('a WebSocket upgrade with the cookie from a foreign origin is refused (cross-site WebSocket hijacking)', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01/console', [], { headers: { cookie }, origin: 'http://evil.example' }), 403);
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', [], { headers: { cookie }, origin: 'null' }), 403, 'an opaque origin');
    assert.equal(
      await upgradeStatus(server, '/ws/vms/web-01', [], { headers: { cookie }, origin: server.url.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`) }),
      403,
      'another port is another origin',
    );
  });

  it('an origin the operator allowed may use the cookie, and gets credentialed CORS', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', [], { headers: { cookie }, origin: PORTAL }), 101);
    const pre = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(pre.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(pre.headers.get('access-control-allow-credentials'), 'true');
    assert.match(pre.headers.get('vary') ?? '', /Origin/);
    const other = await fetch(`${server.url}/api/v1/vms`, { headers: { origin: 'http://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), '*', 'others get CORS without credentials');
    assert.equal(other.headers.get('access-control-allow-credentials'), null);
  });

  it('logout clears the cookie', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, origin: server.url } });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('set-cookie') ?? '', /^libgo_session=; .*Max-Age=0/i);
  });

  it('without a cookie, upgrades behave as before (401)', async () => {
    assert.equal(await upgradeStatus(server, '/ws/vms/web-01', [], { origin: server.url }), 401);
  });
});
