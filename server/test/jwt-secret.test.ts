import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { createLibGoServer } from '../create-server.js';
import { login, runMain, startServer, upgradeStatus } from './helpers.js';

/** The secret version 0.1 signed with when none was given; it is public (it is in the sources). */
const PUBLISHED_SECRET = 'libgo-reference-server-dev-secret';

function forge(secret: string): Promise<string> {
  return new SignJWT({ userId: 'forged', username: 'admin', roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + 3600)
    .sign(new TextEncoder().encode(secret));
}

describe('the JWT secret', () => {
  it('without JWT_SECRET, a token forged with the published secret is refused', async () => {
    const server = await startServer();
    try {
      const forged = await forge(PUBLISHED_SECRET);
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01/console?token=${forged}`), 401);
      const res = await fetch(`${server.url}/api/v1/vms`, { headers: { Authorization: `Bearer ${forged}` } });
      assert.equal(res.status, 401);
      const own = await login(server, 'admin');
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01/console?token=${own}`), 101, 'its own tokens still work');
    } finally {
      await server.close();
    }
  });

  it('a token with alg "none" or an altered payload is refused (a standing check)', async () => {
    const server = await startServer();
    try {
      const own = await login(server, 'viewer');
      const [header, payload, signature] = own.split('.') as [string, string, string];
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, roles: ['admin'] })}.`;
      const promoted = `${header}.${b64({ ...claims, roles: ['admin'] })}.${signature}`;
      for (const token of [none, promoted]) {
        assert.equal(await upgradeStatus(server, `/ws/vms/web-01/console?token=${token}`), 401);
        assert.equal((await fetch(`${server.url}/api/v1/vms/web-01/stop`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` } })).status, 401);
      }
    } finally {
      await server.close();
    }
  });

  it('two servers started without a secret do not accept each other\'s tokens', async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    try {
      const fromA = await login(a, 'admin');
      assert.equal(await upgradeStatus(b, `/ws/vms/web-01?token=${fromA}`), 401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a token survives a stop and start of the same server (the secret is per process, not per listen)', async () => {
    const server = await startServer();
    try {
      const token = await login(server, 'admin');
      await server.stop();
      await server.start();
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${token}`), 101);
    } finally {
      await server.close();
    }
  });

  it('a given secret of 32 bytes or more is used as is', async () => {
    const secret = 'x'.repeat(32);
    const server = await startServer({ jwtSecret: secret });
    try {
      assert.equal(await upgradeStatus(server, `/ws/vms/web-01?token=${await forge(secret)}`), 101);
    } finally {
      await server.close();
    }
  });

  it('refuses a secret shorter than 32 bytes, saying why', async () => {
    await assert.rejects(createLibGoServer({ port: 0, jwtSecret: 'short' }), /JWT_SECRET.*5 bytes.*at least 32/s);
    await assert.rejects(createLibGoServer({ port: 0, jwtSecret: 'é'.repeat(15) }), /30 bytes/, 'counted in UTF-8 bytes');
  });

  it('npm start with a short JWT_SECRET exits with the reason, not a stack trace', async () => {
    const { code, output } = await runMain({ JWT_SECRET: 'changeme' });
    assert.notEqual(code, 0);
    assert.match(output, /JWT_SECRET is 8 bytes; it must be at least 32/);
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
  });
});
