/**
 * What became of an action ActionRunner sent: the outcome message and `vm-action-result`.
 * Loaded while the first action runs, not with the page. What the first paint has loaded already
 * comes through the controller's `kit`, not imports (each shared import would be one more file).
 */
import type { MonitorSession, CommandResult } from '../hub/monitor-session.js';
import { VmError } from '../protocol/errors.js';
import type { VmAction } from '../protocol/types.js';
import type { ActionRunner } from './action-runner.js';
import { explainError, notConfirmedWords, withServerWords } from '../internal/error-words.js';

/** Waits for `done` (the session's command) and shows and reports how it ended; resolves with whether it succeeded. */
export async function reportOutcome(c: ActionRunner, action: VmAction, session: MonitorSession, done: Promise<CommandResult>): Promise<boolean> {
  const { emit, label, msg, str } = c.kit;
  const vmName = c.options.vmName();
  try {
    const result = await done;
    const words = (): string => {
      const name = label[action];
      const text = result.message || msg(str`${name} done.`, { id: 'action.done' });
      return result.via === 'rest' ? msg(str`${text} (sent over the REST API)`, { id: 'action.viaRest' }) : text;
    };
    c.show({ action, ok: true, text: words });
    emit(c.host, 'vm-action-result', { vmName, action, success: true, message: result.message, via: result.via, code: null });
    return true;
  } catch (e) {
    const error = e instanceof VmError ? e : new VmError('UNKNOWN_ERROR', `${label[action]} failed.`);
    c.lastError = error.message;
    // As the session chose (monitor-session.ts): REST when asked to for start/stop, or without a socket.
    const overRest = (action === 'start' || action === 'stop') && c.options.hub()?.config.startStopOverRest === true;
    const via = error.code === 'NOT_AVAILABLE_OFFLINE' || error.code === 'NOT_CONNECTED' ? null : overRest || session.connection.state !== 'open' ? 'rest' : 'socket';
    // "Not confirmed" is not a failure the server reported: its sentence stands alone.
    // What the VM showed when the wait ended, and how long the wait was.
    const shown = session.status;
    const seconds = Math.round(c.kit.actionPolicy(c.options.hub()?.config ?? {}).confirmTimeoutMs / 1000);
    const text = (): string => {
      const vm = vmName || msg('this VM', { id: 'texts.thisVm' });
      // Not a failure the server reported: its sentence stands alone.
      if (error.code === 'ACTION_NOT_CONFIRMED') return notConfirmedWords(action, vm, shown, seconds, c.kit);
      const name = label[action];
      // The error's message is English (for logs and events, and the REST client words its own
      // failures): the outcome says it from its code, quoting only what the server said.
      const denied = error.code === 'PERMISSION_DENIED' || (error.code === 'AUTH_ERROR' && /permission/i.test(error.message));
      const verb = name.toLocaleLowerCase();
      const message = denied
        ? withServerWords(msg(str`Your account is not allowed to ${verb} the VM ${vm}.`, { id: 'action.denied' }), error)
        : explainError(error, vm, undefined, c.kit);
      return msg(str`${name} failed: ${message}`, { id: 'action.failed' });
    };
    c.show({ action, ok: false, text });
    emit(c.host, 'vm-action-result', { vmName, action, success: false, message: error.message, via, code: error.code });
    return false;
  }
}
