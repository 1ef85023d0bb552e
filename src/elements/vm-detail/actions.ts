/**
 * Which lifecycle action the detail page offers, and why not when it does not. Pure functions:
 * the element feeds in what the server last said (status), what the user may do (permissions)
 * and how it is connected, and renders the answer.
 */
import type { Permission, SocketSnapshot, VmAction, VmStatus } from '../../hub/index.js';

export const ACTION_ORDER: readonly VmAction[] = ['start', 'stop', 'restart', 'suspend', 'resume'];

/** The statuses each action may be sent from (LibGo's lifecycle). */
export const VALID_FROM: Readonly<Record<VmAction, readonly VmStatus[]>> = {
  start: ['stopped', 'shutdown', 'crashed'],
  stop: ['running', 'paused', 'suspended'],
  restart: ['running'],
  suspend: ['running'],
  resume: ['paused', 'suspended'],
};

/** Permissions the server checks per action: restart both stops and starts. */
export const ACTION_NEEDS: Readonly<Record<VmAction, readonly Permission[]>> = {
  start: ['start'],
  resume: ['start'],
  stop: ['stop'],
  suspend: ['stop'],
  restart: ['start', 'stop'],
};

/** Actions the LibGo REST API can run while the socket is down. */
export const REST_ACTIONS: ReadonlySet<VmAction> = new Set(['start', 'stop']);

export const ACTION_LABEL: Readonly<Record<VmAction, string>> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  suspend: 'Suspend',
  resume: 'Resume',
};

export const ACTION_PROGRESS: Readonly<Record<VmAction, string>> = {
  start: 'Starting…',
  stop: 'Stopping…',
  restart: 'Restarting…',
  suspend: 'Suspending…',
  resume: 'Resuming…',
};

export interface ActionInput {
  status: VmStatus | null;
  /** Null when the permissions are not known (cookie auth, no token): the server decides. */
  permissions: ReadonlySet<string> | null;
  connection: SocketSnapshot | null;
  /** Whether the REST fallback is configured on the hub. */
  restFallback: boolean;
  pending: ReadonlySet<VmAction>;
  vmName: string;
}

export interface ActionState {
  action: VmAction;
  enabled: boolean;
  busy: boolean;
  /** Why the button is disabled; empty when enabled. */
  reason: string;
}

export function actionState(action: VmAction, i: ActionInput): ActionState {
  const off = (reason: string, busy = false): ActionState => ({ action, enabled: false, busy, reason });
  if (i.pending.has(action)) return off(`${ACTION_PROGRESS[action].replace('…', '')} is in progress.`, true);
  if (i.pending.size > 0) {
    const other = [...i.pending][0]!;
    return off(`Wait until ${other} has finished.`);
  }
  if (i.permissions) {
    const missing = ACTION_NEEDS[action].filter((p) => !i.permissions!.has(p));
    if (missing.length > 0) {
      return off(`You do not have permission to ${action} VMs (needs the ${missing.join(' and ')} permission).`);
    }
  }
  const c = i.connection;
  if (c && (c.state === 'unauthorized' || c.state === 'not-found')) {
    return off(c.state === 'not-found' ? `There is no VM called ${i.vmName}.` : 'Sign in again to control this VM.');
  }
  const live = c?.state === 'open';
  if (!live && (!REST_ACTIONS.has(action) || !i.restFallback)) {
    return off(`${ACTION_LABEL[action]} needs a live connection to the server.`);
  }
  if (i.status === null) return off(`Waiting for the VM's status.`);
  if (!VALID_FROM[action].includes(i.status)) return off(invalidReason(action, i.status, i.vmName));
  return { action, enabled: true, busy: false, reason: '' };
}

function invalidReason(action: VmAction, status: VmStatus, vm: string): string {
  if (status === 'unknown' || status === 'error') return `${vm}'s state is ${status}: ${action} is not possible now.`;
  switch (action) {
    case 'start':
      return status === 'running'
        ? `${vm} is already running.`
        : `${vm} is ${status}: resume it instead.`;
    case 'stop':
      return `${vm} is not running (it is ${status}).`;
    case 'restart':
      return `Only a running VM can be restarted (${vm} is ${status}).`;
    case 'suspend':
      return status === 'paused' || status === 'suspended'
        ? `${vm} is already ${status}.`
        : `Only a running VM can be suspended (${vm} is ${status}).`;
    case 'resume':
      return `Only a paused VM can be resumed (${vm} is ${status}).`;
  }
}

/** Parses `confirm-actions` ("stop restart"); unknown words are reported, not silently kept. */
export function parseConfirmActions(value: string | null | undefined): { actions: Set<VmAction>; unknown: string[] } {
  const actions = new Set<VmAction>();
  const unknown: string[] = [];
  for (const word of (value ?? '').split(/[\s,]+/)) {
    if (word === '') continue;
    const w = word.toLowerCase();
    if ((ACTION_ORDER as readonly string[]).includes(w)) actions.add(w as VmAction);
    else unknown.push(word);
  }
  return { actions, unknown };
}
