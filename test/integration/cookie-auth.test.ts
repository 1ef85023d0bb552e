/// <reference types="mocha" />
/**
 * `auth-mode="cookie"` against the reference server: signing in sets the session cookie, and the
 * client's sockets and REST calls then authenticate with it alone; a server that does not trust
 * this page's origin refuses the same cookie (cross-site WebSocket hijacking).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { RestClient, VmSocket } from '../../src/transport/index.js';
import { createServer, type LibGoServer } from '../setup/libgo.js';

// Two servers with one secret: a cookie minted by one is valid on the other, only the origin differs.
const SECRET = 'cookie-auth-browser-test-secret-0123456789';

/** The page and the servers must be the same site, or a SameSite=Strict cookie is never sent. */
const serverHost = location.hostname;

const until = (fn: () => boolean, message: string, timeout = 5000) => waitUntil(fn, message, { timeout, interval: 10 });

describe('cookie authentication against the reference server', function () {
  this.timeout(20_000);
  let trusting: LibGoServer;
  let foreign: LibGoServer;
  const sockets: VmSocket[] = [];

  before(async () => {
    [trusting, foreign] = await Promise.all([
      createServer({ host: serverHost, jwtSecret: SECRET, allowedOrigins: [location.origin] }),
      createServer({ host: serverHost, jwtSecret: SECRET }),
    ]);
    const signedIn = await new RestClient({ serverUrl: trusting.url, authMode: 'cookie' }).login('admin', 'admin123');
    expect(signedIn.user.username).to.equal('admin');
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  after(async () => {
    // Cookies are per host, not per port: leave none behind for the other test files.
    await fetch(`${trusting.url}/api/v1/auth/logout`, { method: 'POST', credentials: 'include' });
    await Promise.all([trusting.close(), foreign.close()]);
  });

  function cookieSocket(server: LibGoServer, route: 'monitor' | 'console' = 'monitor'): VmSocket {
    const socket = new VmSocket({ serverUrl: server.url, vmName: 'web-01', route, authMode: 'cookie', backoff: { initialMs: 50, maxMs: 200, minMs: 20 } });
    sockets.push(socket);
    return socket;
  }

  it('opens the monitor and the console with the cookie alone (no token in the URL or protocols)', async () => {
    for (const route of ['monitor', 'console'] as const) {
      const socket = cookieSocket(trusting, route);
      socket.connect();
      await until(() => socket.state.state === 'open', `${route} open`);
    }
  });

  it('reads the REST API with the cookie alone', async () => {
    const rest = new RestClient({ serverUrl: trusting.url, authMode: 'cookie' });
    expect(await rest.probeVm('web-01', null)).to.equal(200);
  });

  it('a server that does not trust this origin refuses the same cookie, on the socket and on REST', async () => {
    const socket = cookieSocket(foreign);
    const states: string[] = [];
    socket.events.on('state', (s) => states.push(s.state));
    socket.connect();
    await until(() => socket.state.attempt >= 2 || ['unauthorized', 'closed', 'offline'].includes(socket.state.state), 'refused twice', 10_000);
    expect(states).to.not.include('open');
    const res = await fetch(`${foreign.url}/api/v1/vms/web-01`, { credentials: 'include' }).catch(() => null);
    // CORS hides the 403 from this page; either way it learns nothing.
    expect(res === null || res.status === 403 || res.type === 'opaque').to.equal(true);
  });
});
