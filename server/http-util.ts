/** Plain `http` helpers: bodies, JSON replies, CORS and the headers every answer carries. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { header } from '../src/testing/sim/http-parts.js';

const CORS_BASE: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-max-age': '600',
  'access-control-expose-headers': 'Retry-After',
  vary: 'Origin',
};

/**
 * The REST API is called from pages served on other ports (the test runner, Storybook) with a
 * bearer token: `*`, which never carries credentials. An origin the operator listed gets itself
 * back with credentials, so that its pages can sign in and use the session cookie.
 */
export function corsHeaders(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): Record<string, string> {
  const origin = header(req.headers, 'origin');
  if (origin !== undefined && allowedOrigins.has(origin)) {
    return { ...CORS_BASE, 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
  }
  return { ...CORS_BASE, 'access-control-allow-origin': '*' };
}

/** On every answer: no MIME sniffing of JSON that echoes input, no framing, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Nothing an API answer could make a browser load or run, should one ever be rendered. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The demo page: its own bundle only (no inline script, no eval); inline styles because xterm and
 * the page's own <style> need them; the API and sockets of this server; blob: workers for
 * `console-worker` and `monitor-worker`.
 */
export function demoCsp(req: IncomingMessage, tls: boolean): string {
  const host = header(req.headers, 'host') ?? '';
  const sockets = /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? ` ${tls ? 'wss' : 'ws'}://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** CORS headers, set per request with `res.setHeader`, are merged in by `writeHead`. */
export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Uint8Array): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'cache-control': 'no-store', ...SECURITY_HEADERS, 'content-security-policy': API_CSP, ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(value));
}
