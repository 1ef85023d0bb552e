/**
 * The session cookie behind `auth-mode="cookie"`: login sets it, REST and upgrades accept it in
 * place of `Authorization: Bearer`. A browser attaches cookies to any request to this server,
 * whoever made it, so a request that authenticates by cookie must come from an origin we trust:
 * WebSockets have no CORS, and without this check any page could open a console in the
 * signed-in admin's name (cross-site WebSocket hijacking).
 */
import type { IncomingMessage } from 'node:http';
import { TOKEN_SUBPROTOCOL_PREFIX } from '../src/testing/sim/upgrade.js';
import { bearerToken, header } from '../src/testing/sim/http-parts.js';

export const SESSION_COOKIE = 'libgo_session';

/** Over TLS itself, or behind a proxy that terminated it (the cookie is then Secure). */
export function overTls(req: IncomingMessage): boolean {
  const forwarded = header(req.headers, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return Boolean((req.socket as { encrypted?: boolean }).encrypted) || forwarded === 'https';
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/** The session cookie's value, or null. */
export function readSessionCookie(req: IncomingMessage): string | null {
  const raw = header(req.headers, 'cookie');
  if (!raw) return null;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** True when the request carries its own token; the cookie is then ignored. */
export function hasExplicitToken(req: IncomingMessage): boolean {
  if (bearerToken(req.headers)) return true;
  const protocols = header(req.headers, 'sec-websocket-protocol') ?? '';
  if (protocols.split(',').some((p) => p.trim().startsWith(TOKEN_SUBPROTOCOL_PREFIX))) return true;
  const q = (req.url ?? '').indexOf('?');
  return q >= 0 && new URLSearchParams((req.url ?? '').slice(q + 1)).has('token');
}

/**
 * Whether a cookie-authenticated request may proceed: no Origin (not a browser, so no ambient
 * credential to abuse), this server's own origin, or one the operator listed.
 */
export function originTrusted(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = header(req.headers, 'origin');
  if (origin === undefined) return true;
  if (allowedOrigins.has(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file: page) and anything malformed
  }
  const scheme = overTls(req) ? 'https:' : 'http:';
  return url.protocol === scheme && url.host === header(req.headers, 'host');
}
