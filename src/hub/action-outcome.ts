/**
 * When an action is done: when the VM's status says so, not when the server has answered. LibGo's
 * socket handler answers every command with "Command 'stop' acknowledged" and does nothing else
 * (`Handler.handleCommand` in its internal/websocket/handler.go), and a REST stop returns once the
 * guest has been asked to shut down; so after the reply a session watches the status (from the
 * socket, or read over REST while there is none) until it shows the action's effect or time is up.
 */
import { VmError } from '../protocol/errors.js';
import type { VmAction, VmStatus } from '../protocol/types.js';
import type { SocketSnapshot } from '../transport/vm-socket.js';
import type { Timers } from '../transport/timers.js';

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

/** The statuses that show an action has taken effect. */
export const EXPECTED_STATUS: Readonly<Record<VmAction, readonly VmStatus[]>> = {
  start: ['running'],
  stop: ['stopped', 'shutdown'],
  restart: ['running'],
  suspend: ['paused', 'suspended'],
  resume: ['running'],
};

/** What the outcome watcher needs of a session (MonitorSession has it). */
export interface StatusSnapshot {
  status: VmStatus;
  rawStatus: string;
  uptime: number;
  receivedAt: number;
  lastStateChange: number | null;
}

export interface OutcomeSource {
  readonly vmName: string;
  readonly status: StatusSnapshot | null;
  readonly connection: SocketSnapshot;
  subscribe(listener: () => void): () => void;
  refreshStatusFromRest(): Promise<void>;
}

export interface Outcome {
  confirmed: boolean;
  /** The last status seen (null when none arrived). */
  status: StatusSnapshot | null;
}

// A status tick is 5 s apart and whole-second rounded: less than that is not a restart.
const UPTIME_SLACK_S = 10;

/**
 * Whether `now` shows the action's effect. A restart ends where it began (running), so it needs
 * evidence: a state in between, a new `lastStateChange`, or an uptime that started again.
 */
export function showsEffect(action: VmAction, before: StatusSnapshot | null, now: StatusSnapshot | null, sawOtherState: boolean): boolean {
  if (!now || !EXPECTED_STATUS[action].includes(now.status)) return false;
  if (action !== 'restart' || !before || sawOtherState) return true;
  if (now.lastStateChange !== null && now.lastStateChange !== before.lastStateChange) return true;
  const expectedUptime = before.uptime + (now.receivedAt - before.receivedAt) / 1000;
  return now.receivedAt !== before.receivedAt && now.uptime + UPTIME_SLACK_S < expectedUptime;
}

/**
 * Resolves when the source's status shows the action's effect, or with `confirmed: false` after
 * `policy.confirmTimeoutMs`. While the socket is not open the status is read over REST.
 */
export function awaitOutcome(
  source: OutcomeSource,
  action: VmAction,
  before: StatusSnapshot | null,
  policy: ActionPolicy,
  timers: Timers,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let sawOtherState = false;
    let done = false;
    const check = (): boolean => {
      const now = source.status;
      if (now && now !== before && !EXPECTED_STATUS[action].includes(now.status)) sawOtherState = true;
      if (!showsEffect(action, before, now, sawOtherState)) return false;
      finish(true);
      return true;
    };
    const poll = () => {
      if (!done && source.connection.state !== 'open') void source.refreshStatusFromRest();
    };
    const unsubscribe = source.subscribe(() => void check());
    const poller = timers.setInterval(poll, policy.restPollMs);
    const timeout = timers.setTimeout(() => finish(false), policy.confirmTimeoutMs);
    function finish(confirmed: boolean): void {
      if (done) return;
      done = true;
      unsubscribe();
      timers.clearInterval(poller);
      timers.clearTimeout(timeout);
      resolve({ confirmed, status: source.status });
    }
    if (!check()) poll();
  });
}

const GOAL: Readonly<Record<VmAction, string>> = {
  start: 'be running',
  stop: 'stop',
  restart: 'restart',
  suspend: 'be paused',
  resume: 'be running',
};

/** Shown while the reply is in and the VM has not yet shown the effect. */
export function confirmingMessage(action: VmAction, vmName: string): string {
  return `The server accepted ${action}; waiting for ${vmName} to ${GOAL[action]}…`;
}

/** The honest report when the VM did not follow the server's reply in time. */
export function notConfirmedError(action: VmAction, vmName: string, status: StatusSnapshot | null, timeoutMs: number): VmError {
  const seconds = Math.round(timeoutMs / 1000);
  const still =
    status === null
      ? `no status from ${vmName} has shown it within ${seconds} s`
      : action === 'restart' && status.status === 'running'
        ? `${vmName} shows no sign of a restart after ${seconds} s`
        : `${vmName} is still ${status.rawStatus || status.status} after ${seconds} s`;
  return new VmError('ACTION_NOT_CONFIRMED', `The server acknowledged ${action}, but ${still}.`);
}
