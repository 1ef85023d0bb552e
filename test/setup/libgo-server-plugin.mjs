// @web/test-runner plugin: runs the reference LibGo server (server/create-server.ts) inside the
// test-runner process and lets browser tests drive it through one server command:
//
//   executeServerCommand('libgo', { op, ...args })   // from @web/test-runner-commands
//
// Browser tests should use the typed wrapper in test/setup/libgo.ts instead of calling this
// directly. Operations (every one answers with JSON; `id` defaults to 'shared'):
//   ping                         → { ok, available, reason? }   (never throws)
//   info    {id?}                → { id, url, port }
//   create  {options?}           → { id, url, port }   a fresh server, owned by this test file
//   close   {id}                 → { ok }              close a server made by `create`
//   stop    {id?} / start {id?}  → { ok }              take the server down / bring it back (same port)
//   fault   {id?, name, args?}   → { ok, result }      server.faults[name](...args)
//   sim     {id?, method, args?} → { ok, result }      server.sim[method](...args) (result JSON-cloned)
//   reset   {id?}                → { id, url, port }   server.reset(): faults cleared, simulation reset, listening
//
// The shared server is started once on `serverStart`; servers made with `create` are closed when
// the test file that made them asks (`close`), and all of them when the runner stops.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER_MODULE = fileURLToPath(new URL('../../server/create-server.ts', import.meta.url));

/** Defaults for tests: fast metrics and transitions (the real cadence is 5 s, too slow for tests). */
export const TEST_SERVER_DEFAULTS = Object.freeze({
  port: 0,
  faults: true,
  metricsIntervalMs: 200,
  transitionDelayMs: 20,
});

async function importTs(path) {
  const url = pathToFileURL(path).href;
  try {
    // Works when the runner was started with `node --import tsx` (npm run test:browser).
    return await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    // Started without the tsx loader (e.g. `npx wtr`): load this one module through tsx's API.
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(url, import.meta.url);
  }
}

function toJson(value) {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return String(value);
  }
}

function methodsOf(obj) {
  const names = new Set();
  for (let o = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name !== 'constructor' && typeof obj[name] === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

async function callOn(target, what, name, args) {
  if (!target) throw new Error(`libgo: this server has no \`${what}\` object`);
  if (typeof name !== 'string' || typeof target[name] !== 'function') {
    throw new Error(
      `libgo: ${what}.${String(name)} is not a function; available: ${methodsOf(target).join(', ')}`,
    );
  }
  const list = args === undefined ? [] : Array.isArray(args) ? args : [args];
  return toJson(await target[name](...list));
}

/**
 * @param {{ serverDefaults?: Record<string, unknown>, modulePath?: string }} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function libgoServerPlugin(options = {}) {
  // LIBGO_SERVER_MODULE lets the runner be exercised against another implementation (e.g. a stub).
  const modulePath = options.modulePath ?? process.env.LIBGO_SERVER_MODULE ?? SERVER_MODULE;
  const defaults = { ...TEST_SERVER_DEFAULTS, ...options.serverDefaults };
  /** @type {Map<string, { server: any, owner: string | undefined }>} */
  const servers = new Map();
  let createLibGoServer;
  let unavailable; // reason string when the reference server cannot be loaded
  let nextId = 1;

  async function load() {
    if (createLibGoServer || unavailable) return;
    if (!existsSync(modulePath)) {
      unavailable = `${modulePath} does not exist`;
      return;
    }
    try {
      const mod = await importTs(modulePath);
      if (typeof mod.createLibGoServer !== 'function') {
        unavailable = `${modulePath} does not export createLibGoServer()`;
        return;
      }
      createLibGoServer = mod.createLibGoServer;
    } catch (error) {
      unavailable = `loading ${modulePath} failed: ${error?.stack ?? error}`;
    }
  }

  function describe(id) {
    const { server } = servers.get(id);
    return { id, url: server.url, port: server.port };
  }

  function get(id = 'shared') {
    if (unavailable) throw new Error(`libgo: reference server unavailable (${unavailable})`);
    const entry = servers.get(id);
    if (!entry) throw new Error(`libgo: no server with id "${id}" (closed, or never created)`);
    return entry.server;
  }

  async function closeServer(id) {
    const entry = servers.get(id);
    if (!entry) return;
    servers.delete(id);
    await entry.server.close();
  }

  return {
    name: 'libgo-server',

    async serverStart() {
      await load();
      if (unavailable) {
        console.error(`[libgo-server] reference server not started: ${unavailable} (every test that needs it fails)`);
        return;
      }
      const server = await createLibGoServer({ ...defaults });
      servers.set('shared', { server, owner: undefined });
    },

    async serverStop() {
      const ids = [...servers.keys()];
      await Promise.allSettled(ids.map((id) => closeServer(id)));
    },

    async executeCommand({ command, payload, session }) {
      if (command !== 'libgo') return undefined;
      const { op, id, ...args } = payload ?? {};
      switch (op) {
        case 'ping':
          return unavailable
            ? { ok: true, available: false, reason: unavailable }
            : { ok: true, available: servers.has('shared') };
        case 'info':
          get(id);
          return describe(id ?? 'shared');
        case 'create': {
          get('shared'); // throws the "unavailable" reason if there is no server module
          const server = await createLibGoServer({ ...defaults, ...(args.options ?? {}) });
          const newId = `s${nextId++}`;
          servers.set(newId, { server, owner: session?.testFile });
          return describe(newId);
        }
        case 'close':
          if (!id || id === 'shared') throw new Error('libgo: close needs the id of a created server');
          await closeServer(id);
          return { ok: true };
        case 'stop':
          await get(id).stop();
          return { ok: true };
        case 'start':
          await get(id).start();
          return { ok: true };
        case 'fault': {
          const server = get(id);
          return { ok: true, result: await callOn(server.faults, 'faults', args.name, args.args) };
        }
        case 'sim': {
          const server = get(id);
          return { ok: true, result: await callOn(server.sim, 'sim', args.method, args.args) };
        }
        case 'reset':
          await get(id).reset();
          return describe(id ?? 'shared');
        default:
          throw new Error(
            `libgo: unknown op ${JSON.stringify(op)} (ping, info, create, close, stop, start, fault, sim, reset)`,
          );
      }
    },
  };
}
