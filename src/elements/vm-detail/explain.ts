/**
 * The sentence a user reads for an error. Errors come from the server, so this table loads right
 * after the first paint (or with the first error), not before it.
 */
import type { VmError, VmErrorCode } from '../../hub/index.js';

/** A sentence a user understands for an error; the server's own text follows where it adds something. */
export function explainError(error: VmError, vmName: string): string {
  const vm = vmName || 'this VM';
  const known: Partial<Record<VmErrorCode, string>> = {
    AUTH_ERROR: 'You are not signed in, or your session has expired. Sign in again to see this VM.',
    PERMISSION_DENIED: `Your account is not allowed to open ${vm}.`,
    VM_NOT_FOUND: `There is no VM called “${vm}” on this server.`,
    VM_NOT_RUNNING: `${vm} is not running.`,
    INVALID_INPUT: error.message,
    INVALID_CONFIG: `The connection settings are not valid: ${error.message}`,
    NETWORK_ERROR: 'The server cannot be reached. Check the network; the page keeps trying.',
    SERVER_ERROR: 'The server ran into a problem. Try again in a moment.',
    UNKNOWN_ERROR: 'The server reported an unexpected problem.',
    INVALID_RESPONSE: 'The server sent an answer this page does not understand.',
    INVALID_COMMAND: 'The server did not accept the command.',
    INVALID_MESSAGE: 'The server could not read a message from this page.',
    INVALID_MESSAGE_TYPE: 'The server rejected a message from this page.',
    UNKNOWN_MESSAGE_TYPE: 'The server rejected a message from this page.',
    TIMEOUT: 'The server took too long to answer.',
  };
  // On an open socket the server uses AUTH_ERROR for a missing permission, too.
  if (error.code === 'AUTH_ERROR' && /permission/i.test(error.message)) {
    return `Your account is not allowed to do that (${error.message}).`;
  }
  const base = known[error.code];
  if (!base) return error.message || 'Something went wrong.';
  // Keep the server's detail when it is more than the code restated.
  const detail = error.message && !base.includes(error.message) && error.code !== 'AUTH_ERROR' && error.code !== 'VM_NOT_FOUND' ? error.message : '';
  return detail && base !== detail ? `${base} (${detail})` : base;
}
