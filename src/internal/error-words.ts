/**
 * The reader's words for the errors the library itself raises (hub and transport): their
 * `message` is English for logs and events, so an element says them from the code instead, and
 * quotes only what the server said (`detail`). Loaded after the first paint, by the modules that
 * show an error (deferred-texts.ts, action-report.ts).
 */
import type { VmError } from '../protocol/errors.js';
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
    case 'ACTION_NOT_CONFIRMED':
      return msg(str`The server accepted the command, but ${vm} did not change its state in time.`, { id: 'error.notConfirmed' });
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
