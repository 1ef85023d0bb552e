/**
 * Whether a WebSocket upgrade may proceed, transport-independent. A refusal is an HTTP status; a
 * browser only ever sees it as close 1006.
 */
import type { Claims } from './auth.js';
import { base64urlDecodeText } from './base64url.js';
import type { Route } from './connection.js';
import { bearerToken, pathSegments, type HeaderBag } from './http-parts.js';
import type { UpgradeHost } from './sim-contract.js';

/** The application subprotocol the server selects; the token protocol is never echoed. */
export const LIBGO_SUBPROTOCOL = 'libgo.v1';
/** Kubernetes-style bearer token carried in `Sec-WebSocket-Protocol`. */
export const TOKEN_SUBPROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

export interface UpgradeRequest {
  /** Raw path, escapes intact (a query string here is ignored in favour of `query`). */
  path: string;
  query?: string | URLSearchParams | Record<string, string>;
  headers?: HeaderBag;
  /** The offered subprotocols, in order. */
  protocols?: readonly string[];
}

export type UpgradeResult =
  | { ok: true; vmName: string; route: Route; user: Claims; selectedProtocol?: string }
  | { ok: false; status: number };

export function parseWsPath(rawPath: string): { vmName: string; route: Route } | null {
  const segments = pathSegments(rawPath);
  if (!segments) return null;
  const [ws, vms, name, tail, ...rest] = segments;
  if (ws !== 'ws' || vms !== 'vms' || !name || rest.length > 0) return null;
  if (tail === undefined) return { vmName: name, route: 'monitor' };
  if (tail === 'console') return { vmName: name, route: 'console' };
  return null;
}

function queryToken(query: UpgradeRequest['query'], path: string): string | null {
  const source = query ?? (path.includes('?') ? path.slice(path.indexOf('?')) : undefined);
  if (source === undefined) return null;
  const params =
    typeof source === 'string' ? new URLSearchParams(source) : source instanceof URLSearchParams ? source : new URLSearchParams(source);
  return params.get('token') || null;
}

function protocolToken(protocols: readonly string[] | undefined): string | null {
  for (const p of protocols ?? []) {
    if (p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return base64urlDecodeText(p.slice(TOKEN_SUBPROTOCOL_PREFIX.length));
  }
  return null;
}

export async function authorizeUpgrade(sim: UpgradeHost, req: UpgradeRequest): Promise<UpgradeResult> {
  const refused = sim.faults.takeUpgradeRefusal();
  if (refused !== null) return { ok: false, status: refused };
  const target = parseWsPath(req.path);
  if (!target) return { ok: false, status: 404 };
  // Same order as the Go middleware chain: authentication, then permission, then the handler.
  const token = bearerToken(req.headers) ?? protocolToken(req.protocols) ?? queryToken(req.query, req.path);
  if (!token) return { ok: false, status: 401 };
  const user = await sim.auth.verify(token);
  if (!user) return { ok: false, status: 401 };
  const needs = target.route === 'console' ? 'console' : 'read';
  if (!sim.permissionsFor(user).has(needs)) return { ok: false, status: 403 };
  if (!sim.hasVm(target.vmName)) return { ok: false, status: 404 };
  const result: UpgradeResult = { ok: true, vmName: target.vmName, route: target.route, user };
  if (req.protocols?.includes(LIBGO_SUBPROTOCOL)) result.selectedProtocol = LIBGO_SUBPROTOCOL;
  return result;
}
