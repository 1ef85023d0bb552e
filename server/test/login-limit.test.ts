import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginLimiter } from '../login-limiter.js';
import { startServer } from './helpers.js';

const attempt = (url: string, username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('login rate limit', () => {
  it('a flood of wrong passwords for one user gets 429 with Retry-After, even with the right password', async () => {
    const server = await startServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await attempt(server.url, 'admin', `guess-${i}`)).status);
      assert.ok(statuses.slice(0, 5).every((s) => s === 401), 'the first few are ordinary failures');
      assert.ok(statuses.filter((s) => s === 429).length >= 25, `most of the flood is refused: ${statuses.join(',')}`);
      const limited = await attempt(server.url, 'admin', 'admin123');
      assert.equal(limited.status, 429, 'the right password does not get through while limited (no oracle)');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600, `Retry-After: ${limited.headers.get('retry-after')}`);
      const body = (await limited.json()) as { error: string; code: string };
      assert.equal(body.code, 'RATE_LIMITED');
      assert.match(body.error, /[Tt]oo many/);
    } finally {
      await server.close();
    }
  });

  it('spraying one password over many users is limited by client address', async () => {
    const server = await startServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await attempt(server.url, `user-${i}`, 'password1')).status);
      assert.ok(statuses.includes(429), `no 429 in ${statuses.join(',')}`);
      // Another user, same address: still limited.
      assert.equal((await attempt(server.url, 'viewer', 'nope')).status, 429);
    } finally {
      await server.close();
    }
  });

  it('successful sign-ins are not limited', async () => {
    const server = await startServer();
    try {
      for (let i = 0; i < 60; i++) assert.equal((await attempt(server.url, 'viewer', 'viewer123')).status, 200, `sign-in ${i}`);
    } finally {
      await server.close();
    }
  });

  it('the limiter forgets keys beyond its capacity (bounded memory) and lets a key through again once refilled', () => {
    let now = 0;
    const limiter = new LoginLimiter({ burst: 3, refillMs: 1000, maxKeys: 100, now: () => now });
    for (let i = 0; i < 10_000; i++) limiter.fail(`k${i}`);
    assert.ok(limiter.size <= 100, `size ${limiter.size}`);
    for (let i = 0; i < 3; i++) limiter.fail('x');
    assert.equal(limiter.retryAfterMs('x'), 1000);
    now += 1000;
    assert.equal(limiter.retryAfterMs('x'), 0);
  });
});
