/**
 * Browser-side access to the reference LibGo server that the test runner runs in-process
 * (see test/setup/libgo-server-plugin.mjs). Import from a test file:
 *
 *   import { sharedServer, createServer } from '../setup/libgo.js';
 *
 * `sharedServer()` is started once per run and shared by every test file (2 files may run at the
 * same time): read-only tests use it. A test that stops the server, injects faults or changes VM
 * state creates its own with `createServer()` and closes it in `after()`/`afterEach()`.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface LibGoServerInfo {
  /** 'shared' or the id of a server made by `createServer()`. */
  readonly id: string;
  /** Base URL of the server, e.g. `http://127.0.0.1:40123` (use `wsUrl()` for WebSocket URLs). */
  readonly url: string;
  readonly port: number;
}

/** Options passed to `createLibGoServer()`; the runner defaults are fast (`metricsIntervalMs: 200`). */
export interface LibGoServerOptions {
  faults?: boolean;
  metricsIntervalMs?: number;
  transitionDelayMs?: number;
  [option: string]: unknown;
}

export interface LibGoServer extends LibGoServerInfo {
  /** Take the server down (sockets closed, port refused) / bring it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Calls `server.faults[name](...args)` in the runner process; returns its JSON result. */
  fault<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  /** Calls `server.sim[method](...args)` in the runner process; returns its JSON result. */
  sim<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** Clears faults, resets the simulation and makes sure the server runs. */
  reset(): Promise<void>;
  /** `ws://host:port/<path>` for this server. */
  wsUrl(path?: string): string;
  /** Closes a server made by `createServer()` (no-op for the shared one). */
  close(): Promise<void>;
}

export interface LibGoPing {
  ok: boolean;
  /** False while server/create-server.ts is missing or failed to load; `reason` says why. */
  available: boolean;
  reason?: string;
}

/** Low-level: one `libgo` server command. Prefer the functions below. */
export function libgoCommand<R>(op: string, args: Record<string, unknown> = {}): Promise<R> {
  return executeServerCommand<R, Record<string, unknown>>('libgo', { op, ...args });
}

function handle(info: LibGoServerInfo): LibGoServer {
  const { id } = info;
  return {
    ...info,
    stop: async () => {
      await libgoCommand('stop', { id });
    },
    start: async () => {
      await libgoCommand('start', { id });
    },
    fault: async <T>(name: string, ...args: unknown[]) =>
      (await libgoCommand<{ result: T }>('fault', { id, name, args })).result,
    sim: async <T>(method: string, ...args: unknown[]) =>
      (await libgoCommand<{ result: T }>('sim', { id, method, args })).result,
    reset: async () => {
      await libgoCommand('reset', { id });
    },
    wsUrl: (path = '') => {
      const url = new URL(path, info.url);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return url.href;
    },
    close: async () => {
      if (id !== 'shared') await libgoCommand('close', { id });
    },
  };
}

/** Whether the runner could start the reference server (never throws). */
export function pingLibGo(): Promise<LibGoPing> {
  return libgoCommand<LibGoPing>('ping');
}

/** The server shared by the whole run. Do not stop it or inject faults into it. */
export async function sharedServer(): Promise<LibGoServer> {
  return handle(await libgoCommand<LibGoServerInfo>('info'));
}

/** A fresh server on its own port, for tests that need isolation. Close it when done. */
export async function createServer(options: LibGoServerOptions = {}): Promise<LibGoServer> {
  return handle(await libgoCommand<LibGoServerInfo>('create', { options }));
}
