/**
 * The LibGo REST API, for what a socket cannot do (login, the VM's configuration) and as the
 * fallback for start/stop when the socket is down.
 */
import {
  VmError,
  parseLoginResult,
  parseVmInfo,
  type LoginResult,
  type VmErrorCode,
  type VmInfo,
} from '../protocol/index.js';
import { isObject } from '../protocol/validate.js';
import { obtainToken, type AuthMode, type TokenProvider } from './auth.js';
import type { FetchLike } from './socket-factory.js';
import { buildApiUrl, vmApiPath } from './urls.js';

export interface RestClientOptions {
  serverUrl?: string;
  apiPath?: string;
  authMode?: AuthMode;
  tokenProvider?: TokenProvider;
  fetch?: FetchLike;
  /** Default 15 s: a REST start can wait for the VM to boot. */
  timeoutMs?: number;
}

const MAX_BODY_CHARS = 4 * 1024 * 1024;
/** LibGo caps `pageSize` at 100 and `page` at 1000: no honest fleet needs more pages than that. */
const PAGE_SIZE = 100;
const MAX_PAGES = 1000;
/** Pages asked at once: a browser opens about six connections to one HTTP/1.1 server. */
const PAGES_AT_ONCE = 6;

/**
 * LibGo's `{code}` words, where they say more than the HTTP status (its `HandleError` maps a
 * missing VM to NOT_FOUND and an action invalid in the VM's state to 400 INVALID_INPUT).
 */
const BODY_CODES: Readonly<Record<string, VmErrorCode>> = {
  NOT_FOUND: 'VM_NOT_FOUND',
  VM_NOT_FOUND: 'VM_NOT_FOUND',
  INVALID_STATE: 'INVALID_STATE',
  VM_INVALID_STATE: 'INVALID_STATE',
  INVALID_INPUT: 'INVALID_INPUT',
  INVALID_REQUEST: 'INVALID_INPUT',
};

function codeFor(status: number, body: unknown): VmErrorCode {
  // The status decides who may retry (401/403); the body's code only refines a 4xx.
  if (status !== 401 && status !== 403 && status < 500 && isObject(body) && typeof body.code === 'string') {
    const known = BODY_CODES[body.code];
    if (known) return known;
  }
  return codeForStatus(status);
}

/** LibGo answers `GET /vms/{unknown}` with `200 {"vm": null}`; so does nothing else. */
function isNullVm(body: unknown): boolean {
  return isObject(body) && 'vm' in body && body.vm === null;
}

function codeForStatus(status: number): VmErrorCode {
  if (status === 401) return 'AUTH_ERROR';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'VM_NOT_FOUND';
  if (status === 409) return 'INVALID_STATE';
  if (status >= 500) return 'SERVER_ERROR';
  return 'COMMAND_FAILED';
}

/** Pulls a human message out of the error bodies LibGo and common proxies produce. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (!isObject(body)) return undefined;
  const candidates = [body.message, body.error, isObject(body.error) ? body.error.message : undefined];
  for (const c of candidates) if (typeof c === 'string' && c.trim() !== '') return c.trim().slice(0, 300);
  return undefined;
}

interface RequestOptions {
  token?: string | null;
  json?: unknown;
  signal?: AbortSignal;
  query?: Record<string, string>;
}

function notFound(name: string): VmError {
  return new VmError('VM_NOT_FOUND', `There is no VM named "${name}".`, { status: 404 });
}

export class RestClient {
  private readonly o: RestClientOptions;

  constructor(options: RestClientOptions = {}) {
    this.o = options;
  }

  async login(username: string, password: string): Promise<LoginResult> {
    if (typeof username !== 'string' || username.trim() === '' || typeof password !== 'string' || password === '') {
      throw new VmError('INVALID_INPUT', 'Enter a user name and a password.', { reason: 'login' });
    }
    const body = await this.call('POST', '/auth/login', { token: null, json: { username, password } });
    const result = parseLoginResult(body);
    if (typeof result === 'string') throw new VmError('INVALID_RESPONSE', `The server's login answer was not understood (${result}).`);
    return result;
  }

  /**
   * Every VM, following LibGo's pagination (`{vms, count, page, pageSize}`) by `count`. Once the
   * first page tells the size of the fleet, the next pages are asked several at a time (10,000 VMs
   * are 100 pages: one after another they take 100 round trips). A server without pagination
   * answers the whole list at once; one that ignores `page` repeats itself and is read at most one
   * batch further; a `count` that lies ends at the first short or empty page, and never past
   * `MAX_PAGES`.
   */
  async listVms(): Promise<VmInfo[]> {
    const byName = new Map<string, VmInfo>();
    const first = this.readVmPage(await this.fetchVmPage(1), byName);
    if (!first.more) return [...byName.values()];
    let next = 2;
    while (next <= MAX_PAGES) {
      const missing = first.total === null ? PAGE_SIZE : first.total - byName.size;
      const batch = Math.max(1, Math.min(PAGES_AT_ONCE, Math.ceil(missing / first.perPage), MAX_PAGES - next + 1));
      const bodies = await Promise.all(Array.from({ length: batch }, (_, i) => this.fetchVmPage(next + i)));
      next += batch;
      for (const body of bodies) {
        const page = this.readVmPage(body, byName);
        if (!page.more) return [...byName.values()];
      }
    }
    throw new VmError('INVALID_RESPONSE', `The server's VM list did not end after ${MAX_PAGES} pages of ${PAGE_SIZE}.`);
  }

  private fetchVmPage(page: number): Promise<unknown> {
    return this.call('GET', '/vms', { query: { page: String(page), pageSize: String(PAGE_SIZE) } });
  }

  /** Adds one page's VMs; says whether another page may follow, and what the page said of the fleet. */
  private readVmPage(body: unknown, byName: Map<string, VmInfo>): { more: boolean; total: number | null; perPage: number } {
    const list = isObject(body) && Array.isArray(body.vms) ? body.vms : Array.isArray(body) ? body : null;
    if (!list) throw new VmError('INVALID_RESPONSE', "The server's VM list was not understood.");
    let added = 0;
    for (const vm of list.map(parseVmInfo)) {
      if (typeof vm === 'string' || byName.has(vm.name)) continue;
      byName.set(vm.name, vm);
      added++;
    }
    const count = isObject(body) ? body.count : undefined;
    const total = typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : null;
    // A page shorter than the page size the server says it used is the last one (a server that
    // says nothing may cap the size below ours: its short pages are not taken as the end).
    const stated = isObject(body) && typeof body.pageSize === 'number' ? body.pageSize : null;
    const perPage = Math.max(1, list.length);
    if (count === undefined || list.length === 0 || added === 0 || (stated !== null && list.length < stated)) return { more: false, total, perPage };
    return { more: total !== null ? byName.size < total : list.length >= PAGE_SIZE, total, perPage };
  }

  async getVm(name: string, signal?: AbortSignal): Promise<VmInfo> {
    const body = await this.call('GET', vmApiPath(name), { signal });
    if (isNullVm(body)) throw notFound(name);
    const vm = parseVmInfo(isObject(body) && 'vm' in body ? body.vm : body);
    if (typeof vm === 'string') throw new VmError('INVALID_RESPONSE', `The server's description of ${name} was not understood (${vm}).`);
    return vm;
  }

  /** PUT start/stop. Resolves with the server's message (empty when it gave none). */
  async action(name: string, action: 'start' | 'stop'): Promise<string> {
    let body: unknown;
    try {
      body = await this.call('PUT', vmApiPath(name, `/${action}`));
    } catch (e) {
      // LibGo says 400 INVALID_INPUT (ErrVMInvalidState) where the reference server says 409.
      if (e instanceof VmError && e.status === 400 && e.code === 'INVALID_INPUT') {
        throw new VmError('INVALID_STATE', `The server refused to ${action} ${name}: not possible in the VM's current state (${e.message}).`, {
          status: 400,
          cause: e,
          detail: e.detail,
        });
      }
      throw e;
    }
    if (isObject(body) && body.success === false) {
      throw new VmError('COMMAND_FAILED', serverMessage(body) ?? `The server could not ${action} ${name}.`, { detail: serverMessage(body) });
    }
    // No words of the library's own: an element says the outcome in its reader's language.
    return serverMessage(body) ?? '';
  }

  /** The HTTP status of `GET /vms/{name}` with the given token, used to explain a refused upgrade. */
  async probeVm(name: string, token: string | null): Promise<number | 'network'> {
    try {
      const res = await this.fetchRaw('GET', vmApiPath(name), { token });
      if (res.status !== 200) return res.status;
      // LibGo's "no such VM" is a 200 with a null VM: read the body to tell.
      const text = await res.text().catch(() => '');
      let body: unknown = null;
      try {
        body = text.length <= MAX_BODY_CHARS ? JSON.parse(text) : null;
      } catch {
        // Not JSON: the server answered, which is all a 200 says.
      }
      return isNullVm(body) ? 404 : 200;
    } catch (e) {
      if (e instanceof VmError && e.code === 'INVALID_INPUT') throw e;
      return 'network';
    }
  }

  private async fetchRaw(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<Response> {
    const target = new URL(buildApiUrl(this.o.serverUrl, this.o.apiPath, path));
    for (const [key, value] of Object.entries(opts.query ?? {})) target.searchParams.set(key, value);
    const url = target.href;
    const token =
      opts.token !== undefined ? opts.token : this.o.authMode === 'cookie' ? null : await obtainToken(this.o.tokenProvider, false);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.o.timeoutMs ?? 15_000);
    const onAbort = () => timeout.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const doFetch: FetchLike = this.o.fetch ?? ((input, init) => fetch(input, init));
    try {
      return await doFetch(url, {
        method,
        headers,
        body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
        credentials: this.o.authMode === 'cookie' ? 'include' : 'same-origin',
        signal: timeout.signal,
      });
    } catch {
      if (opts.signal?.aborted) throw new VmError('ABORTED', 'The request was cancelled.');
      // fetch's own TypeError says nothing useful and, in some browsers, echoes the URL.
      throw new VmError(
        timeout.signal.aborted ? 'TIMEOUT' : 'NETWORK_ERROR',
        timeout.signal.aborted ? 'The server took too long to answer.' : 'The server could not be reached.',
      );
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async call(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<unknown> {
    const res = await this.fetchRaw(method, path, opts);
    let text = '';
    try {
      text = await res.text();
    } catch {
      throw new VmError('NETWORK_ERROR', 'The connection broke while reading the answer.');
    }
    if (text.length > MAX_BODY_CHARS) throw new VmError('INVALID_RESPONSE', 'The server sent an answer that is too large.');
    let body: unknown = text;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        // Proxies answer errors with HTML; keep the status, not the markup.
        body = res.ok ? undefined : '';
        if (res.ok) throw new VmError('INVALID_RESPONSE', 'The server sent an answer that is not JSON.');
      }
    }
    if (!res.ok) {
      const code = codeFor(res.status, body);
      const fallback: Record<string, string> = {
        INVALID_INPUT: `The server refused the request as invalid (HTTP ${res.status}).`,
        AUTH_ERROR: 'The server did not accept your credentials. Sign in again.',
        PERMISSION_DENIED: 'You do not have permission to do that.',
        VM_NOT_FOUND: 'That VM does not exist.',
        INVALID_STATE: 'The VM is not in a state that allows that.',
        SERVER_ERROR: `The server failed (HTTP ${res.status}).`,
        COMMAND_FAILED: `The server refused the request (HTTP ${res.status}).`,
      };
      throw new VmError(code, serverMessage(body) ?? fallback[code] ?? `HTTP ${res.status}`, { status: res.status, detail: serverMessage(body) });
    }
    return body;
  }
}
