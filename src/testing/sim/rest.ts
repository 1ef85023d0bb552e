/** The REST routes the elements use, transport-independent: a request in, a response out. */
import { bearerToken, pathSegments, type HeaderBag } from './http-parts.js';
import type { RestHost } from './sim-contract.js';
import type { Permission } from './users.js';
import type { Claims } from './auth.js';

export interface RestRequest {
  method: string;
  /** The raw path as sent, percent-escapes intact, optionally with a query string. */
  path: string;
  headers?: HeaderBag;
  body?: string | null;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Error codes of the REST API; the body is `{error: message, code}`. */
export type RestErrorCode =
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VM_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INVALID_STATE';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function json(status: number, value: unknown): RestResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(value) };
}

function fail(status: number, code: RestErrorCode, message: string): RestResponse {
  return json(status, { error: message, code });
}

export async function handleRest(sim: RestHost, req: RestRequest): Promise<RestResponse> {
  const segments = pathSegments(req.path);
  if (!segments) return fail(400, 'INVALID_REQUEST', 'Malformed percent-encoding in path');
  const method = req.method.toUpperCase();
  if (segments.length === 1 && segments[0] === 'health') {
    // LibGo's health route: outside the API and its auth; the clients' reachability probe asks it.
    return method === 'GET' ? json(200, { status: 'up' }) : fail(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
  }
  const [api, v1, resource, name, action, ...rest] = segments;
  if (api !== 'api' || v1 !== 'v1' || rest.length > 0) return fail(404, 'NOT_FOUND', 'Not found');

  if (resource === 'auth' && name === 'login' && action === undefined) {
    if (method !== 'POST') return fail(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
    return login(sim, req.body);
  }
  if (resource !== 'vms') return fail(404, 'NOT_FOUND', 'Not found');

  const needs: Permission | null =
    name === undefined || name === '' ? (action === undefined ? 'read' : null)
    : action === undefined ? 'read'
    : action === 'start' || action === 'stop' ? action
    : null;
  if (needs === null) return fail(404, 'NOT_FOUND', 'Not found');
  const wantedMethod = action === undefined ? 'GET' : 'PUT';
  if (method !== wantedMethod) return fail(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');

  const auth = await authenticate(sim, req.headers, needs);
  if ('status' in auth) return auth;

  if (name === undefined || name === '') return listVms(sim, req.path);
  if (!sim.hasVm(name)) return fail(404, 'VM_NOT_FOUND', `VM ${name} not found`);
  if (action === undefined) return json(200, { vm: sim.getVm(name) });

  const result = await sim.runAction(name, action as 'start' | 'stop');
  return result.success ? json(200, { message: result.message }) : fail(409, 'INVALID_STATE', result.message);
}

/**
 * The whole list, or one page of it when the client asks for one (`?page=&pageSize=`) the way
 * LibGo answers: `{vms, count, page, pageSize}`. A fleet of 10,000 VMs in one answer is larger
 * than clients accept (4 MiB), so a client that pages must be able to page here too.
 */
function listVms(sim: RestHost, rawPath: string): RestResponse {
  const q = rawPath.indexOf('?');
  const query = new URLSearchParams(q < 0 ? '' : rawPath.slice(q + 1));
  if (!query.has('page') && !query.has('pageSize')) return json(200, { vms: sim.listVms() });
  const whole = (v: string | null, fallback: number, max: number) => (v === null || v === '' ? fallback : /^\d+$/.test(v) && +v >= 1 && +v <= max ? +v : null);
  const page = whole(query.get('page'), 1, 1_000_000);
  const pageSize = whole(query.get('pageSize'), 50, 100);
  if (page === null || pageSize === null) return fail(400, 'INVALID_REQUEST', 'page must be a whole number from 1, and pageSize one from 1 to 100');
  // Only the page's VMs are described: paging through 10,000 must not describe all of them per page.
  const names = sim.vmNames();
  const vms = names.slice((page - 1) * pageSize, page * pageSize).map((n) => sim.getVm(n)!);
  return json(200, { vms, count: names.length, page, pageSize });
}

async function login(sim: RestHost, body: string | null | undefined): Promise<RestResponse> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return fail(400, 'INVALID_REQUEST', 'Request body must be JSON {username, password}');
  }
  const { username, password } = (parsed ?? {}) as { username?: unknown; password?: unknown };
  if (typeof username !== 'string' || typeof password !== 'string' || username === '') {
    return fail(400, 'INVALID_REQUEST', 'username and password are required');
  }
  const result = await sim.login(username, password);
  return result ? json(200, result) : fail(401, 'UNAUTHORIZED', 'Invalid username or password');
}

async function authenticate(
  sim: RestHost,
  headers: HeaderBag | undefined,
  needs: Permission,
): Promise<{ claims: Claims } | RestResponse> {
  const token = bearerToken(headers);
  if (!token) return fail(401, 'UNAUTHORIZED', 'Authorization header required');
  const claims = await sim.auth.verify(token);
  if (!claims) return fail(401, 'UNAUTHORIZED', 'Invalid or expired token');
  if (!sim.permissionsFor(claims).has(needs)) return fail(403, 'FORBIDDEN', `Permission denied: ${needs} required`);
  return { claims };
}
