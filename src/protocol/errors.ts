/**
 * The one error type the library throws and reports. `code` is the server's code where there is
 * one (AUTH_ERROR, VM_NOT_FOUND, …) or one of the client-side codes below; `message` is written
 * for a person and never contains a token or a full URL.
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

export class VmError extends Error {
  override readonly name = 'VmError';
  readonly code: VmErrorCode;
  /** HTTP status when the error came from the REST API. */
  readonly status: number | undefined;

  constructor(code: VmErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}

export function isVmError(e: unknown): e is VmError {
  return e instanceof VmError;
}
