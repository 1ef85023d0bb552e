import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackHost } from '../bind-policy.js';
import { createLibGoServer } from '../create-server.js';
import { runMain } from './helpers.js';

describe('listening beyond loopback', () => {
  it('npm start refuses HOST=0.0.0.0 without ALLOW_PUBLIC=1, and says why and what to set', async () => {
    const { code, output } = await runMain({ HOST: '0.0.0.0', ALLOW_PUBLIC: '' });
    assert.notEqual(code, 0);
    assert.match(output, /Refusing to listen on 0\.0\.0\.0/);
    assert.match(output, /ALLOW_PUBLIC=1/);
    assert.doesNotMatch(output, /listening on/);
  });

  it('with ALLOW_PUBLIC=1 it listens, after a warning naming the risks', async () => {
    const { output } = await runMain({ HOST: '0.0.0.0', ALLOW_PUBLIC: '1' }, /listening on http/); // not the warning's own words
    assert.match(output, /WARNING: listening on 0\.0\.0\.0/);
    assert.match(output, /passwords are published/);
    assert.match(output, /CORS allows any origin/);
    assert.match(output, /listening on http:\/\/0\.0\.0\.0:\d+/);
  });

  it('createLibGoServer refuses a public address unless allowPublic is set', async () => {
    await assert.rejects(createLibGoServer({ port: 0, host: '0.0.0.0' }), /Refusing to listen on 0\.0\.0\.0/);
    await assert.rejects(createLibGoServer({ port: 0, host: '::' }), /Refusing to listen on ::/);
  });

  it('knows loopback addresses from the others', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1', '::ffff:10.0.0.1']) assert.ok(!isLoopbackHost(h), h);
  });
});
