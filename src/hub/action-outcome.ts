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
import type { RestApi } from '../transport/lazy-rest-client.js';
import type { ActionPolicy } from './action-policy.js';

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
  readonly restClient: () => Pick<RestApi, 'getVm'>;
  readonly timers: Pick<Timers, 'now'>;
  setStatus(next: StatusSnapshot): void;
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
      if (!done && source.connection.state !== 'open') void refreshStatusFromRest(source);
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

/** Reads the VM once over REST to update the status while the socket is down. */
async function refreshStatusFromRest(source: OutcomeSource): Promise<void> {
  try {
    const vm = await source.restClient().getVm(source.vmName);
    if (source.connection.state === 'open') return;
    const s = source.status;
    source.setStatus({
      status: vm.status,
      rawStatus: vm.rawStatus,
      uptime: s?.uptime ?? 0,
      receivedAt: source.timers.now(),
      lastStateChange: s?.lastStateChange ?? null,
    });
  } catch {
    // The socket's own state already tells the user that the server is out of reach.
  }
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

/** The server refused the action over the socket. */
export function refusedError(action: VmAction, vmName: string, message: string): VmError {
  return new VmError('COMMAND_FAILED', message || `The server could not ${action} ${vmName}.`, { detail: message });
}

/** The action cannot be sent: no open socket, and REST cannot carry it (or is not to be used). */
export function offlineError(action: VmAction, restCarries: boolean): VmError {
  const name = action.charAt(0).toUpperCase() + action.slice(1);
  return new VmError(
    'NOT_AVAILABLE_OFFLINE',
    restCarries
      ? `${name} needs a live connection to the server.`
      : `${name} needs a live connection: the LibGo REST API has no ${action} route.`,
  );
}
