/**
 * The reader's words for the errors the library itself raises (hub and transport): their
 * `message` is English for logs and events, so an element says them from the code instead, and
 * quotes only what the server said (`detail`). Loaded after the first paint, by the modules that
 * show an error (deferred-texts.ts, action-report.ts).
 */
import type { VmError, VmErrorCode } from '../protocol/errors.js';
import type { VmAction, VmStatus } from '../protocol/types.js';
import type { Kit } from './deferred-kit.js';
import { nameErrorWords } from './name-words.js';

/** A sentence for an error the library raised, or undefined for a code it leaves to the caller. */
export function libraryErrorWords(error: VmError, vm: string, { msg, str }: Pick<Kit, 'msg' | 'str'>): string | undefined {
  switch (error.code) {
    case 'NOT_CONNECTED':
      return msg(str`There is no live connection to ${vm}.`, { id: 'error.notConnected' });
    case 'SOCKET_CLOSED':
      return msg('The connection was lost before the server answered.', { id: 'error.socketClosed' });
    case 'ABORTED':
      return msg('The request was cancelled.', { id: 'error.aborted' });
    case 'NOT_AVAILABLE_OFFLINE':
      return msg('This needs a live connection to the server.', { id: 'error.offline' });
    case 'INVALID_STATE':
      return msg(str`Not possible in the current state of ${vm}.`, { id: 'error.invalidState' });
    case 'INVALID_INPUT':
    case 'INVALID_CONFIG':
      return invalidWords(error, { msg, str });
    case 'COMMAND_FAILED':
      // The server's reason for refusing is the whole story, where it gave one.
      return error.detail ?? msg('The server could not carry out the command.', { id: 'error.commandFailed' });
    default:
      return undefined;
  }
}

/**
 * An INVALID_INPUT or INVALID_CONFIG error, said from its `reason` (which check failed); without
 * one it is a programming error, said in general (its `message` tells the developer which).
 */
export function invalidWords(error: VmError, kit: Pick<Kit, 'msg' | 'str'>): string {
  const { msg } = kit;
  switch (error.reason) {
    case 'name':
    case 'name-missing':
    case 'name-long':
    case 'name-chars':
      return nameErrorWords(error, kit);
    case 'server-url':
      return msg('The server address is not a valid URL.', { id: 'error.config.url' });
    case 'server-scheme':
      return msg('The server address must start with http:, https:, ws: or wss:.', { id: 'error.config.scheme' });
    case 'server-credentials':
      return msg('The server address must not contain a user name or password.', { id: 'error.config.credentials' });
    case 'base-path':
      return msg('A path in the connection settings is not valid.', { id: 'error.config.path' });
    case 'auth-mode':
      // The attribute's values are code: not translated.
      return msg('The auth mode must be query, subprotocol or cookie.', { id: 'error.config.authMode' });
    case 'socket-refused':
      return msg('The browser refused to open a connection to the server address.', { id: 'error.config.refused' });
    case 'login':
      return msg('Enter a user name and a password.', { id: 'error.login' });
    default:
      return error.code === 'INVALID_CONFIG'
        ? msg('The connection settings are not valid.', { id: 'error.config.other' })
        : msg('The page asked for something this library does not support.', { id: 'error.input.other' });
  }
}

/**
 * A sentence a user understands for an error; the server's own text follows where it adds
 * something. `serverUrl` is the address the page talks to (the page's origin when empty), named
 * when it cannot be reached.
 */
export function explainError(error: VmError, vmName: string, serverUrl: string | undefined, { msg, str }: Pick<Kit, 'msg' | 'str'>): string {
  const address = serverUrl === undefined ? '' : (serverUrl || location.origin).replace(/\/+$/, '');
  const vm = vmName || msg('this VM', { id: 'texts.thisVm' });
  // Only the server's own words are quoted: the library's `message` is English, for logs.
  const detail = error.detail ?? '';
  const unreadable = () => msg('The server rejected a message from this page.', { id: 'error.rejected' });
  // Functions: only the one needed is made (each in the element's locale).
  const known: Partial<Record<VmErrorCode, () => string>> = {
    AUTH_ERROR: () => msg('You are not signed in, or your session has expired. Sign in again to see this VM.', { id: 'error.auth' }),
    PERMISSION_DENIED: () => msg(str`Your account is not allowed to open ${vm}.`, { id: 'error.permission' }),
    VM_NOT_FOUND: () => msg(str`There is no VM called “${vm}” on this server.`, { id: 'error.notFound' }),
    VM_NOT_RUNNING: () => msg(str`${vm} is not running.`, { id: 'error.notRunning' }),
    NETWORK_ERROR: () =>
      address
        ? msg(str`The server at ${address} cannot be reached. Check the network and the address; the page keeps trying.`, { id: 'error.network.at' })
        : msg('The server cannot be reached. Check the network and the address; the page keeps trying.', { id: 'error.network' }),
    SERVER_ERROR: () => msg('The server ran into a problem. Try again in a moment.', { id: 'error.server' }),
    UNKNOWN_ERROR: () => msg('The server reported an unexpected problem.', { id: 'error.unknown' }),
    INVALID_RESPONSE: () => msg('The server sent an answer this page does not understand.', { id: 'error.response' }),
    INVALID_COMMAND: () => msg('The server did not accept the command.', { id: 'error.command' }),
    INVALID_MESSAGE: () => msg('The server could not read a message from this page.', { id: 'error.message' }),
    INVALID_MESSAGE_TYPE: unreadable,
    UNKNOWN_MESSAGE_TYPE: unreadable,
    TIMEOUT: () =>
      address ? msg(str`The server at ${address} took too long to answer.`, { id: 'error.timeout.at' }) : msg('The server took too long to answer.', { id: 'error.timeout' }),
  };
  // On an open socket the server uses AUTH_ERROR for a missing permission, too.
  if (error.code === 'AUTH_ERROR' && /permission/i.test(error.message) && detail) {
    return msg(str`Your account is not allowed to do that (${detail}).`, { id: 'error.notAllowed' });
  }
  const own = libraryErrorWords(error, vm, { msg, str });
  if (own) return withServerWords(own, error);
  const base = known[error.code]?.();
  if (!base) return detail || msg('Something went wrong.', { id: 'error.other' });
  // Keep the server's detail when it is more than the code restated.
  // The transport's words for the codes below only restate the code.
  const restates = ['AUTH_ERROR', 'VM_NOT_FOUND', 'NETWORK_ERROR', 'TIMEOUT'].includes(error.code);
  const extra = detail && !base.includes(detail) && !restates ? detail : '';
  return extra && base !== extra ? `${base} (${extra})` : base;
}

/** The sentence, with the server's own words after it where it gave any. */
export function withServerWords(sentence: string, error: VmError): string {
  return error.detail && !sentence.includes(error.detail) ? `${sentence} (${error.detail})` : sentence;
}

/** The badge's word for a status (internal/status-words.ts is first-paint code: not imported here). */
export function statusLabel(status: VmStatus, msg: Kit['msg']): string {
  switch (status) {
    case 'running':
      return msg('Running', { id: 'status.running' });
    case 'stopped':
      return msg('Stopped', { id: 'status.stopped' });
    case 'paused':
      return msg('Paused', { id: 'status.paused' });
    case 'shutdown':
      return msg('Shut down', { id: 'status.shutdown' });
    case 'crashed':
      return msg('Crashed', { id: 'status.crashed' });
    case 'suspended':
      return msg('Suspended', { id: 'status.suspended' });
    case 'error':
      return msg('Error', { id: 'status.error' });
    case 'unknown':
      return msg('Unknown', { id: 'status.unknown' });
  }
}

/**
 * The server acknowledged an action and the VM did not follow within `seconds`: what it shows
 * instead (its status when the wait ended, or none).
 */
export function notConfirmedWords(
  action: VmAction,
  vm: string,
  status: { status: VmStatus } | null,
  seconds: number,
  { msg, str, label }: Pick<Kit, 'msg' | 'str' | 'label'>,
): string {
  const verb = label[action].toLocaleLowerCase();
  if (status === null) return msg(str`The server acknowledged ${verb}, but no status from ${vm} has shown it within ${seconds} s.`, { id: 'error.notConfirmed.noStatus' });
  if (action === 'restart' && status.status === 'running') {
    return msg(str`The server acknowledged ${verb}, but ${vm} shows no sign of a restart after ${seconds} s.`, { id: 'error.notConfirmed.restart' });
  }
  const state = statusLabel(status.status, msg).toLocaleLowerCase();
  return msg(str`The server acknowledged ${verb}, but ${vm} is still ${state} after ${seconds} s.`, { id: 'error.notConfirmed' });
}
