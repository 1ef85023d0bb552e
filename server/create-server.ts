/**
 * The reference LibGo server: the simulation core behind `http` + `ws`, behaving on the wire like
 * the Go server (gin + gorilla/websocket) as PROTOCOL.md describes it.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { FaultInjector } from '../src/testing/sim/faults.js';
import { LibGoSim, type SimOptions } from '../src/testing/sim/simulator.js';
import type { SimUser } from '../src/testing/sim/users.js';
import type { UpgradeResult } from '../src/testing/sim/upgrade.js';
import { READ_LIMIT_BYTES } from '../src/testing/sim/connection.js';
import { simWire, type StrictOptions } from '../src/testing/sim/strict.js';
import { bundleDemo, type DemoAssets } from './demo-bundle.js';
import { corsHeaders, demoCsp, readBody, send, sendJson } from './http-util.js';
import { serveApi } from './api-gate.js';
import { LoginLimiter } from './login-limiter.js';
import { hasExplicitToken, originTrusted, overTls, readSessionCookie } from './session-cookie.js';
import { handleTestRoute } from './test-routes.js';
import { createJoseAuthenticator } from './jose-auth.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { checkBindHost } from './bind-policy.js';
import { ClientSender, WRITE_WAIT_MS } from './client-sender.js';

export interface LibGoServerOptions {
  /** 0 (default) picks a free port; `start()` after `stop()` reuses the one picked. */
  port?: number;
  /** Loopback unless `allowPublic`: see bind-policy.ts. */
  host?: string;
  /** Listen on a non-loopback `host` (ALLOW_PUBLIC=1 for `npm start`). */
  allowPublic?: boolean;
  /** At least 32 bytes; without one, a random secret for the life of this server. */
  jwtSecret?: string;
  metricsIntervalMs?: number;
  transitionDelayMs?: SimOptions['transitionDelayMs'];
  bootLineDelayMs?: number;
  users?: readonly SimUser[];
  vms?: SimOptions['vms'];
  seed?: number;
  tokenTtlMs?: number;
  /** Fault injection and the `/__test/...` routes. Off by default. */
  faults?: boolean;
  /** WebSocket ping period (default 54000, as gorilla's example hub). */
  pingIntervalMs?: number;
  /** A client that has not answered a ping for this long is dropped (default 60000). */
  pongTimeoutMs?: number;
  maxBatch?: number;
  /** A write that makes no progress for this long drops the client (default 10000, gorilla's writeWait). */
  writeWaitMs?: number;
  /**
   * Origins besides this server's own whose pages may use the session cookie (WebSocket upgrades
   * and REST), and that get credentialed CORS. ALLOWED_ORIGINS (comma-separated) for `npm start`.
   */
  allowedOrigins?: readonly string[];
  /** Failed sign-ins allowed at once per client address and per user name (default 10), ... */
  loginBurst?: number;
  /** ... then one more every this many ms (default 6000). */
  loginRefillMs?: number;
  /** Behave on the wire as an unmodified LibGo does (src/testing/sim/strict.ts). */
  strict?: boolean | StrictOptions;
  /** Serve the demo page at `/` (bundled from demo/ at startup). */
  demo?: boolean;
}

export interface LibGoServer {
  /** `http://host:port`; the WebSocket base is the same with `ws:`. */
  url: string;
  port: number;
  sim: LibGoSim;
  faults: FaultInjector;
  /** Closes the listener and drops every socket abruptly, like a crash. The simulation keeps running. */
  stop(): Promise<void>;
  /** Listens again on the same port (a no-op while listening). */
  start(): Promise<void>;
  /** Faults cleared, simulation back to its initial state, listening. */
  reset(): Promise<void>;
  /** Stops for good and disposes of the simulation. */
  close(): Promise<void>;
}

export async function createLibGoServer(options: LibGoServerOptions = {}): Promise<LibGoServer> {
  const host = options.host ?? '127.0.0.1';
  checkBindHost(host, options.allowPublic ?? false);
  const pingIntervalMs = options.pingIntervalMs ?? 54_000;
  const pongTimeoutMs = options.pongTimeoutMs ?? 60_000;
  const writeWaitMs = options.writeWaitMs ?? WRITE_WAIT_MS;
  const sim = new LibGoSim({
    auth: createJoseAuthenticator(resolveJwtSecret(options.jwtSecret)),
    users: options.users,
    vms: options.vms,
    seed: options.seed,
    metricsIntervalMs: options.metricsIntervalMs,
    transitionDelayMs: options.transitionDelayMs,
    bootLineDelayMs: options.bootLineDelayMs,
    maxBatch: options.maxBatch,
    tokenTtlMs: options.tokenTtlMs,
    faults: options.faults ?? false,
  });
  const wire = simWire(sim, options.strict);
  const demo: DemoAssets | null = options.demo ? await bundleDemo() : null;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const limiter = new LoginLimiter({ burst: options.loginBurst, refillMs: options.loginRefillMs });

  // handleProtocols is synchronous, the upgrade check is not: remember its choice per request.
  const selectedProtocols = new WeakMap<IncomingMessage, string | undefined>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: READ_LIMIT_BYTES,
    perMessageDeflate: false,
    handleProtocols: (_offered, req) => selectedProtocols.get(req) ?? false,
  });
  const rawSockets = new Set<Duplex>();

  const httpServer: Server = createServer((req, res) => {
    void handleHttp(req, res).catch((error: unknown) => {
      sendJson(res, 500, { error: String((error as Error)?.message ?? error), code: 'INTERNAL' });
    });
  });
  httpServer.on('connection', (socket) => {
    rawSockets.add(socket);
    socket.on('close', () => rawSockets.delete(socket));
  });
  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    void handleUpgrade(req, socket, head);
  });

  async function handleHttp(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const path = rawUrl.split('?')[0]!;
    for (const [name, value] of Object.entries(corsHeaders(req, allowedOrigins))) res.setHeader(name, value);
    if (req.method === 'OPTIONS') return send(res, 204, {}, '');
    if (path.startsWith('/api/') || path === '/health') {
      const body = await readBody(req);
      // Strict mode is LibGo as it stands: no login limit, no session cookie, header-only auth.
      if (!options.strict) return serveApi({ sim, limiter, allowedOrigins }, req, res, body);
      const r = await wire.handleRest({ method: req.method ?? 'GET', path: rawUrl, headers: req.headers, body });
      return send(res, r.status, r.headers, r.body);
    }
    if (options.faults && path.startsWith('/__test/')) return handleTestRoute(server, req, res, path);
    if (demo && (path === '/' || path === '/index.html')) {
      return send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': demoCsp(req, overTls(req)) }, demo.html);
    }
    if (demo && path === '/main.js') return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8' }, demo.script);
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    return sendJson(res, 404, { error: 'Not found', code: 'NOT_FOUND' });
  }

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const offered = (req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    let result: UpgradeResult;
    let headers = req.headers;
    const cookie = options.strict || hasExplicitToken(req) ? null : readSessionCookie(req);
    if (cookie !== null && !originTrusted(req, allowedOrigins)) {
      // Another site's page opening a socket with the admin's cookie: cross-site WebSocket hijacking.
      result = { ok: false, status: 403 };
    } else {
      if (cookie !== null) headers = { ...req.headers, authorization: `Bearer ${cookie}` };
      try {
        result = await wire.authorizeUpgrade({
          path: q < 0 ? rawUrl : rawUrl.slice(0, q),
          query: q < 0 ? '' : rawUrl.slice(q + 1),
          headers,
          protocols: offered,
        });
      } catch {
        result = { ok: false, status: 500 };
      }
    }
    if (!result.ok) {
      const body = JSON.stringify({ error: STATUS_CODES[result.status] ?? 'Error' });
      socket.end(
        `HTTP/1.1 ${result.status} ${STATUS_CODES[result.status] ?? 'Error'}\r\n` +
          'Content-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    selectedProtocols.set(req, result.selectedProtocol);
    const { vmName, route, user } = result;
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, { vmName, route, user }));
  }

  function attach(ws: WebSocket, params: Parameters<LibGoSim['connect']>[0]): void {
    const sender = new ClientSender(ws, writeWaitMs);
    const conn = wire.connect(params, sender);
    sender.onDropped = () => conn.disconnect();
    // gorilla: a read deadline of pongWait, pushed back by every pong; a ping every pingPeriod.
    let deadline = setTimeout(() => ws.terminate(), pongTimeoutMs);
    const pinger = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, pingIntervalMs);
    ws.on('pong', () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => ws.terminate(), pongTimeoutMs);
    });
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      conn.receive(buf.toString('utf8'));
    });
    // ws has already started the closing handshake (1009 for an oversized frame, 1002...) and ends
    // the socket once the close frame is out; terminating here raced that frame and lost (1006).
    ws.on('error', () => {});
    ws.on('close', () => {
      clearTimeout(deadline);
      clearInterval(pinger);
      conn.disconnect();
    });
  }

  let port = options.port ?? 0;
  let listening = false;

  async function start(): Promise<void> {
    if (listening) return;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      httpServer.once('error', onError);
      httpServer.listen(port, host, () => {
        httpServer.off('error', onError);
        resolve();
      });
    });
    listening = true;
    const address = httpServer.address();
    if (address && typeof address === 'object') port = address.port;
    server.port = port;
    server.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  async function stop(): Promise<void> {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    for (const ws of wss.clients) ws.terminate();
    for (const s of rawSockets) s.destroy();
    rawSockets.clear();
    await closed;
  }

  const server: LibGoServer = {
    url: '',
    port: 0,
    sim,
    faults: sim.faults,
    start,
    stop,
    async reset() {
      sim.reset();
      await start();
    },
    async close() {
      await stop();
      sim.dispose();
      wss.close();
    },
  };
  await start();
  return server;
}
