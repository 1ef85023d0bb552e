/**
 * The reader's words for the errors the library itself raises (hub and transport): their
 * `message` is English for logs and events, so an element says them from the code instead, and
 * quotes only what the server said (`detail`). Loaded after the first paint, by the modules that
 * show an error (deferred-texts.ts, action-report.ts).
 */
import type { VmError } from '../protocol/errors.js';
import type { VmAction, VmStatus } from '../protocol/types.js';
import type { Kit } from './deferred-kit.js';

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
    case 'COMMAND_FAILED':
      // The server's reason for refusing is the whole story, where it gave one.
      return error.detail ?? msg('The server could not carry out the command.', { id: 'error.commandFailed' });
    default:
      return undefined;
  }
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
