/**
 * How actions are sent and how long their effect is waited for: the hub's options, read when the
 * page loads. The waiting itself (action-outcome.ts) loads with the first action.
 */
import { VmError } from '../protocol/errors.js';

/** The hub options that decide how actions are sent and judged (part of `VmHubConfig`). */
export interface ActionOptions {
  /**
   * Sends start and stop over the REST API even while the socket is open. For servers whose
   * socket commands are only acknowledged (an unpatched LibGo): its REST start/stop do act.
   * Restart, suspend and resume have no REST route and still go over the socket. Default false.
   */
  startStopOverRest?: boolean;
  /**
   * How long, after the server's reply, to wait for the VM's status to show an action's effect
   * before reporting that it did not. Default 60 s (a guest's shutdown can take that long).
   */
  actionConfirmTimeoutMs?: number;
}

export interface ActionPolicy {
  startStopOverRest: boolean;
  confirmTimeoutMs: number;
  /** How often the status is read over REST while no socket brings it. */
  restPollMs: number;
}

export const DEFAULT_CONFIRM_TIMEOUT_MS = 60_000;
const REST_POLL_MS = 3_000;

export function actionPolicy(options: ActionOptions): ActionPolicy {
  return {
    startStopOverRest: options.startStopOverRest === true,
    confirmTimeoutMs: options.actionConfirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS,
    restPollMs: REST_POLL_MS,
  };
}

/** Refuses option values that would make every action wait forever or never. */
export function validateActionOptions(options: ActionOptions): void {
  const t = options.actionConfirmTimeoutMs;
  if (t !== undefined && !(typeof t === 'number' && Number.isFinite(t) && t > 0)) {
    throw new VmError('INVALID_CONFIG', 'actionConfirmTimeoutMs must be a positive number of milliseconds.');
  }
  const r = options.startStopOverRest;
  if (r !== undefined && typeof r !== 'boolean') throw new VmError('INVALID_CONFIG', 'startStopOverRest must be true or false.');
}
