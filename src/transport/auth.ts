/** How a token reaches the server, and where it comes from. */
import { VmError } from '../protocol/errors.js';

/**
 * - `query`: `?token=` on the socket URL (the LibGo seed's way; the default).
 * - `subprotocol`: the token in `Sec-WebSocket-Protocol`, Kubernetes style, where a proxy strips
 *   or logs query strings.
 * - `cookie`: no token from the client; the browser's same-origin session cookie authenticates.
 */
export type AuthMode = 'query' | 'subprotocol' | 'cookie';
export const AUTH_MODES: readonly AuthMode[] = ['query', 'subprotocol', 'cookie'];

export interface TokenRequest {
  /** True when the server refused the last token: the provider should not return a cached one. */
  forceRefresh: boolean;
}

/** Called at every (re)connect and REST call; never read from a global. May be async. */
export type TokenProvider = (request: TokenRequest) => string | null | undefined | Promise<string | null | undefined>;

export function parseAuthMode(value: unknown): AuthMode {
  if (value === undefined || value === null || value === '') return 'query';
  if (typeof value === 'string' && (AUTH_MODES as readonly string[]).includes(value)) return value as AuthMode;
  throw new VmError('INVALID_CONFIG', `auth-mode must be one of ${AUTH_MODES.join(', ')}.`, { reason: 'auth-mode' });
}

const MAX_TOKEN_LENGTH = 16_384;

/** Asks the provider for a token and checks its shape; the token itself never enters a message. */
export async function obtainToken(provider: TokenProvider | undefined, forceRefresh: boolean): Promise<string | null> {
  if (!provider) return null;
  let token: unknown;
  try {
    token = await provider({ forceRefresh });
  } catch (cause) {
    throw new VmError('AUTH_ERROR', 'The token provider failed to supply a token.', { cause });
  }
  if (token === null || token === undefined || token === '') return null;
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || /[\s\u0000-\u001f]/.test(token)) {
    throw new VmError('AUTH_ERROR', 'The token provider returned something that is not a token.');
  }
  return token;
}
