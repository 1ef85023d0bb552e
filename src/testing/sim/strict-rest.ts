/**
 * The REST API as an unmodified LibGo answers it, on top of the simulation's own handler: errors
 * as `{code, message, status}` (its `handlers.HandleError`, the JWT and role middlewares), an
 * unknown VM as `200 {"vm": null}` (`VMHandler.GetVM`), a paginated list (`VMHandler.ListVMs`),
 * start/stop answering `{success, message}` (`VMHandler.StartVM`/`StopVM`), and `GET /health`.
 */
import { rfc3339Nano } from './go-json.js';
import { handleRest, type RestRequest, type RestResponse } from './rest.js';
import type { LibGoSim } from './simulator.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function json(status: number, value: unknown): RestResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(value) };
}

function libgoError(status: number, code: string, message: string): RestResponse {
  return json(status, { code, message, status });
}

/** The reference server's `{error, code}` rewritten the way LibGo's code paths word it. */
function translateError(res: RestResponse): RestResponse {
  let body: { error?: unknown; code?: unknown } = {};
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    // Not ours: pass it through.
    return res;
  }
  const message = typeof body.error === 'string' ? body.error : 'Error';
  switch (res.status) {
    case 401:
      // The JWT middleware's code is its error text upper-cased (`JWTMiddleware.handleAuthError`).
      return libgoError(401, 'INVALID_OR_MISSING_AUTHENTICATION_TOKEN', /required/i.test(message) ? 'Missing authentication token' : 'Invalid token');
    case 403:
      return libgoError(403, 'FORBIDDEN', 'Insufficient permissions');
    case 404:
    case 405:
      // gin answers an unrouted method like an unrouted path (`noRouteHandler`).
      return libgoError(404, 'NOT_FOUND', 'The requested resource was not found');
    case 400:
    case 409:
      return libgoError(400, 'INVALID_INPUT', message);
    default:
      return res.status >= 500 ? libgoError(res.status, 'INTERNAL_SERVER_ERROR', 'An internal server error occurred') : res;
  }
}

/** `parseInt(value, min, max)` as ListVMs uses it: anything else is 400 INVALID_INPUT. */
function boundedInt(value: string | null, fallback: number, max: number): number | null {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

export async function handleStrictRest(sim: LibGoSim, req: RestRequest): Promise<RestResponse> {
  const q = req.path.indexOf('?');
  const path = q < 0 ? req.path : req.path.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : req.path.slice(q + 1));
  const method = req.method.toUpperCase();
  if (path === '/health' && method === 'GET') return json(200, { status: 'up', time: rfc3339Nano(Math.floor(sim.clock.now() / 1000) * 1000) });

  // Authentication and permissions as the reference server checks them, in the same order.
  const res = await handleRest(sim, { ...req, path });
  const action = method === 'PUT' ? /^\/api\/v1\/vms\/([^/]+)\/(start|stop)$/.exec(path) : null;
  if (action && res.status === 409) {
    // Nothing in LibGo returns ErrVMInvalidState (which HandleError would make 400 INVALID_INPUT):
    // DomainManager.Start/Stop succeed without acting on a VM already running/shut off, and any
    // other libvirt refusal is an unmapped error, hence 500.
    const status = sim.vmStatus(decodeURIComponent(action[1]!));
    const noOp = action[2] === 'start' ? status === 'running' : status === 'stopped';
    if (noOp) return json(200, { success: true, message: action[2] === 'start' ? 'VM started successfully' : 'VM stopped successfully' });
    return libgoError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error occurred');
  }
  if (res.status >= 400) {
    // GetVM: the libvirt lookup fails with "domain not found", and the handler answers 200 null.
    const isGetVm = method === 'GET' && /^\/api\/v1\/vms\/[^/]+$/.test(path);
    if (isGetVm && res.status === 404 && /"VM_NOT_FOUND"/.test(res.body)) return json(200, { vm: null });
    return translateError(res);
  }
  if (method === 'GET' && path.replace(/\/+$/, '') === '/api/v1/vms') {
    const page = boundedInt(query.get('page'), 1, 1000);
    const pageSize = boundedInt(query.get('pageSize'), 50, 100);
    if (page === null || pageSize === null) return libgoError(400, 'INVALID_INPUT', 'invalid input');
    const all = (JSON.parse(res.body) as { vms: unknown[] }).vms;
    return json(200, { vms: all.slice((page - 1) * pageSize, page * pageSize), count: all.length, page, pageSize });
  }
  if (action) return json(200, { success: true, message: action[2] === 'start' ? 'VM started successfully' : 'VM stopped successfully' });
  return res;
}
