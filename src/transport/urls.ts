/**
 * Builds every URL the library opens. The VM name is untrusted: it is validated and encoded as
 * one path segment, so `a/../b?x#y` can never reach another path, query or fragment.
 */
import { VmError } from '../protocol/errors.js';
import type { VmRoute } from '../protocol/types.js';
import { validateVmName } from './vm-name.js';

export { validateVmName };

export const DEFAULT_WS_PATH = '/ws/vms';
export const DEFAULT_API_PATH = '/api/v1';

function baseUrl(serverUrl: string | undefined): URL {
  const fallback = typeof location !== 'undefined' ? location.href : undefined;
  let url: URL;
  try {
    url = new URL(serverUrl && serverUrl.trim() !== '' ? serverUrl.trim() : (fallback ?? ''), fallback);
  } catch {
    throw new VmError('INVALID_CONFIG', 'The server address is not a valid URL.', { reason: 'server-url' });
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new VmError('INVALID_CONFIG', `The server address must use http(s) or ws(s), not ${url.protocol}`, { reason: 'server-scheme' });
  }
  if (url.username || url.password) {
    throw new VmError('INVALID_CONFIG', 'The server address must not contain credentials.', { reason: 'server-credentials' });
  }
  url.search = '';
  url.hash = '';
  return url;
}

function normalisePath(path: string | undefined, fallback: string): string {
  const p = (path ?? fallback).trim();
  if (p === '' || p === '/') return '';
  if (/[?#]/.test(p) || /(^|\/)\.\.?(\/|$)/.test(p)) {
    throw new VmError('INVALID_CONFIG', `Invalid base path "${p}".`, { reason: 'base-path' });
  }
  return `/${p.replace(/^\/+|\/+$/g, '')}`;
}

function join(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}

export interface SocketUrlOptions {
  serverUrl?: string;
  wsPath?: string;
  vmName: string;
  route: VmRoute;
  /** Added as `?token=` only in query auth mode. */
  token?: string | null;
}

export function buildSocketUrl(o: SocketUrlOptions): string {
  const name = validateVmName(o.vmName);
  const base = baseUrl(o.serverUrl);
  const suffix = o.route === 'console' ? '/console' : '';
  const segment = `/${encodeURIComponent(name)}`;
  const url = join(base, `${normalisePath(o.wsPath, DEFAULT_WS_PATH)}${segment}${suffix}`);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  if (!url.pathname.endsWith(`${segment}${suffix}`)) {
    // Defence in depth: the URL parser must not have re-interpreted the encoded name.
    throw new VmError('INVALID_INPUT', 'That VM name cannot be used in an address.', { reason: 'name' });
  }
  if (o.token) url.searchParams.set('token', o.token);
  return url.href;
}

export function buildApiUrl(serverUrl: string | undefined, apiPath: string | undefined, path: string): string {
  const base = baseUrl(serverUrl);
  const url = join(base, `${normalisePath(apiPath, DEFAULT_API_PATH)}${path}`);
  url.protocol = url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
  return url.href;
}

export function vmApiPath(vmName: string, suffix = ''): string {
  return `/vms/${encodeURIComponent(validateVmName(vmName))}${suffix}`;
}

/** The Kubernetes-style subprotocol that carries a bearer token where headers cannot. */
export const APP_SUBPROTOCOL = 'libgo.v1';
export const TOKEN_SUBPROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

export function tokenSubprotocols(token: string): string[] {
  const bytes = new TextEncoder().encode(token);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const b64 = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [APP_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${b64}`];
}
