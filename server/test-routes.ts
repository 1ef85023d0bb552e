/**
 * `/__test/...` control routes, mounted only with `faults: true`, so a browser test can misbehave
 * the server it talks to without a side channel:
 *   POST /__test/fault/{name}   body: JSON array of arguments → faults[name](...args)
 *   POST /__test/restart        body: {downMs?} → stop, wait, start (a server crash and restart)
 *   POST /__test/reset          → faults cleared, simulation back to its initial state
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../src/testing/sim/faults.js';
import { readBody, sendJson } from './http-util.js';

const FAULTS = [
  'dropConnections',
  'closeConnections',
  'stall',
  'sendRaw',
  'setMaxBatch',
  'refuseUpgrades',
  'setPermissions',
  'setVmStatus',
] as const satisfies readonly (keyof FaultInjector)[];

export interface TestRouteTarget {
  faults: FaultInjector;
  stop(): Promise<void>;
  start(): Promise<void>;
  reset(): Promise<void>;
}

export async function handleTestRoute(target: TestRouteTarget, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed', code: 'METHOD_NOT_ALLOWED' });
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    return sendJson(res, 400, { error: 'Body must be JSON', code: 'INVALID_REQUEST' });
  }
  const [, , kind, name] = path.split('/');
  try {
    if (kind === 'fault' && (FAULTS as readonly string[]).includes(name ?? '')) {
      const args = Array.isArray(body) ? body : body === undefined ? [] : [body];
      const fn = target.faults[name as (typeof FAULTS)[number]] as (...a: unknown[]) => unknown;
      const result = fn.apply(target.faults, args);
      return sendJson(res, 200, { ok: true, result: result ?? null });
    }
    if (kind === 'restart' && name === undefined) {
      const downMs = Number((body as { downMs?: unknown } | undefined)?.downMs ?? 0) || 0;
      // Answer first: the stop below destroys this very connection.
      sendJson(res, 200, { ok: true });
      setTimeout(() => {
        void target.stop().then(() => new Promise((r) => setTimeout(r, downMs))).then(() => target.start());
      }, 10);
      return;
    }
    if (kind === 'reset' && name === undefined) {
      await target.reset();
      return sendJson(res, 200, { ok: true });
    }
  } catch (error) {
    return sendJson(res, 400, { error: String((error as Error).message ?? error), code: 'INVALID_REQUEST' });
  }
  return sendJson(res, 404, { error: `Unknown test route ${path}; faults: ${FAULTS.join(', ')}`, code: 'NOT_FOUND' });
}
