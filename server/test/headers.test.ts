import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LibGoServer } from '../create-server.js';
import { login, startServer } from './helpers.js';

const EVERY_RESPONSE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function assertHardened(headers: Headers, what: string): void {
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) assert.equal(headers.get(name), value, `${what}: ${name}`);
  assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
}

describe('response headers', () => {
  let server: LibGoServer;
  before(async () => {
    server = await startServer({ demo: true });
  });
  after(() => server.close());

  it('API answers, errors that echo input included, are nosniff, no-store and locked down', async () => {
    const token = await login(server, 'admin');
    const answers = [
      ['a list', await fetch(`${server.url}/api/v1/vms`, { headers: { Authorization: `Bearer ${token}` } })],
      ['an error echoing a name', await fetch(`${server.url}/api/v1/vms/%3Cscript%3Ealert(1)%3C%2Fscript%3E`, { headers: { Authorization: `Bearer ${token}` } })],
      ['a 401', await fetch(`${server.url}/api/v1/vms`)],
      ['a bad login body', await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', body: '<html>' })],
      ['a 404', await fetch(`${server.url}/nope`)],
      ['healthz', await fetch(`${server.url}/healthz`)],
    ] as const;
    for (const [what, res] of answers) {
      assertHardened(res.headers, what);
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, what);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/, `${what}: nothing loads from JSON`);
    }
  });

  it('the demo page gets a CSP that allows its own script and sockets, and no inline script', async () => {
    const res = await fetch(`${server.url}/`);
    assertHardened(res.headers, 'demo page');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, 'scripts only from the server, none inline');
    assert.match(csp, /connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/, 'the page may reach this server\'s API and sockets');
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    const script = await fetch(`${server.url}/main.js`);
    assertHardened(script.headers, 'demo script');
  });

  it('a refused upgrade is nosniff and no-store too', async () => {
    const raw = await new Promise<string>((resolve) => {
      const s = connect(server.port, '127.0.0.1');
      let text = '';
      s.on('data', (d) => (text += d.toString()));
      s.on('close', () => resolve(text));
      s.write('GET /ws/vms/web-01 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    });
    assert.match(raw, /^HTTP\/1\.1 401/);
    assert.match(raw, /\r\nX-Content-Type-Options: nosniff\r\n/i);
    assert.match(raw, /\r\nCache-Control: no-store\r\n/i);
  });
});
