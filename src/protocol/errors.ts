/**
 * The one error type the library throws and reports. `code` is the server's code where there is
 * one (AUTH_ERROR, VM_NOT_FOUND, …) or one of the client-side codes below; `message` is written
 * for a person (in English: for logs, events and developers) and never contains a token or a full
 * URL. `detail` is the server's own words, where it gave any: the elements say the error in the
 * reader's language from `code` and quote only `detail`; for INVALID_INPUT and INVALID_CONFIG,
 * which the library raises itself, `reason` says which check failed, so they can say that too.
 */
import type { ErrorCode } from './types.js';

export type ClientErrorCode =
  | 'NOT_CONNECTED'
  | 'TIMEOUT'
  | 'SOCKET_CLOSED'
  | 'NETWORK_ERROR'
  | 'PERMISSION_DENIED'
  | 'INVALID_STATE'
  | 'NOT_AVAILABLE_OFFLINE'
  | 'INVALID_INPUT'
  | 'INVALID_CONFIG'
  | 'INVALID_RESPONSE'
  | 'COMMAND_FAILED'
  /** The server accepted an action, but the VM's status did not follow in time. */
  | 'ACTION_NOT_CONFIRMED'
  | 'SERVER_ERROR'
  | 'ABORTED';

export type VmErrorCode = ErrorCode | ClientErrorCode;

/**
 * Which check an INVALID_INPUT or INVALID_CONFIG error failed, where a person can put it right: a
 * VM name (`name-*`; `name` when no address can be made of it), the server address (`server-*`),
 * a base path, the auth mode, the browser refusing the socket, a login without credentials.
 * Without one, INVALID_CONFIG is a hub option out of range and INVALID_INPUT a call the library
 * does not support (programming errors, said in `message`).
 */
export type InvalidReason =
  | 'name'
  | 'name-missing'
  | 'name-long'
  | 'name-chars'
  | 'server-url'
  | 'server-scheme'
  | 'server-credentials'
  | 'base-path'
  | 'auth-mode'
  | 'socket-refused'
  | 'login';

export class VmError extends Error {
  override readonly name = 'VmError';
  readonly code: VmErrorCode;
  /** HTTP status when the error came from the REST API. */
  readonly status: number | undefined;
  /** What the server said about it, verbatim (no English of the library's own). */
  readonly detail: string | undefined;
  /** Which check failed, for INVALID_INPUT and INVALID_CONFIG (see `InvalidReason`). */
  readonly reason: InvalidReason | undefined;

  constructor(code: VmErrorCode, message: string, options: { status?: number; cause?: unknown; detail?: string; reason?: InvalidReason } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.detail = options.detail || undefined;
    this.reason = options.reason;
  }
}

export function isVmError(e: unknown): e is VmError {
  return e instanceof VmError;
}
