/**
 * What the reference server adds in front of the simulation's REST routes: the login rate limit,
 * the session cookie (set on login, cleared on logout, accepted in place of a bearer token from a
 * trusted origin).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathSegments } from '../src/testing/sim/http-parts.js';
import type { LibGoSim } from '../src/testing/sim/simulator.js';
import { send, sendJson } from './http-util.js';
import type { LoginLimiter } from './login-limiter.js';
import { clearedSessionCookie, hasExplicitToken, originTrusted, overTls, readSessionCookie, sessionCookie } from './session-cookie.js';

export interface ApiGate {
  sim: LibGoSim;
  /** Failed sign-ins per client address and per user name. */
  limiter: LoginLimiter;
  allowedOrigins: ReadonlySet<string>;
}

/** Longest user name kept as a limiter key, so a key costs a bounded amount of memory. */
const MAX_KEY_CHARS = 128;

function loginUsername(body: string): string | null {
  try {
    const name = (JSON.parse(body) as { username?: unknown } | null)?.username;
    return typeof name === 'string' ? name.slice(0, MAX_KEY_CHARS) : null;
  } catch {
    return null;
  }
}

export async function serveApi(gate: ApiGate, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const rawUrl = req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  // Decoded as the simulation decodes it, so `/api/v1/auth/%6Cogin` cannot slip past the limit.
  const [api, v1, resource, name, action, ...rest] = pathSegments(rawUrl) ?? [];
  const authRoute = api === 'api' && v1 === 'v1' && resource === 'auth' && action === undefined && rest.length === 0 ? name : undefined;

  if (authRoute === 'logout' && method === 'POST') {
    return send(res, 204, { 'set-cookie': clearedSessionCookie(overTls(req)) }, '');
  }

  if (authRoute === 'login' && method === 'POST') {
    const username = loginUsername(body);
    const keys = [`addr:${req.socket.remoteAddress ?? ''}`, ...(username === null ? [] : [`user:${username}`])];
    const waitMs = Math.max(...keys.map((k) => gate.limiter.retryAfterMs(k)));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return sendJson(
        res,
        429,
        { error: `Too many failed sign-ins; retry in ${seconds} s`, code: 'RATE_LIMITED' },
        { 'retry-after': String(seconds) },
      );
    }
    const r = await gate.sim.handleRest({ method, path: rawUrl, headers: req.headers, body });
    if (r.status === 401) for (const k of keys) gate.limiter.fail(k);
    const headers = { ...r.headers };
    if (r.status === 200) {
      const { token, expiresAt } = JSON.parse(r.body) as { token: string; expiresAt: string };
      headers['set-cookie'] = sessionCookie(token, (Date.parse(expiresAt) - Date.now()) / 1000, overTls(req));
    }
    return send(res, r.status, headers, r.body);
  }

  let headers = req.headers;
  const cookie = hasExplicitToken(req) ? null : readSessionCookie(req);
  if (cookie !== null) {
    if (!originTrusted(req, gate.allowedOrigins)) {
      return sendJson(res, 403, { error: 'A session cookie is not accepted from this origin', code: 'FORBIDDEN' });
    }
    headers = { ...req.headers, authorization: `Bearer ${cookie}` };
  }
  const r = await gate.sim.handleRest({ method, path: rawUrl, headers, body });
  return send(res, r.status, r.headers, r.body);
}
