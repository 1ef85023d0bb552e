/**
 * Which lifecycle action may be offered for a VM, and why not when it may not. Pure functions:
 * the caller feeds in what the server last said (status), what the user may do (permissions) and
 * how it is connected. Shared by every element that offers actions (through ActionController).
 */
import type { VmAction, VmStatus } from '../protocol/types.js';
import type { SocketSnapshot } from '../transport/vm-socket.js';
import type { Permission } from './permissions.js';

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

/**
 * Why an action is disabled, as data: the sentence for it (vm-detail's `texts.ts`) loads right
 * after the first paint, so the buttons render enabled/disabled without it.
 */
export type Why =
  | { kind: 'busy' }
  | { kind: 'wait'; other: VmAction }
  | { kind: 'permission'; missing: readonly Permission[] }
  | { kind: 'not-found' }
  | { kind: 'sign-in' }
  | { kind: 'offline' }
  | { kind: 'no-status' }
  | { kind: 'status'; status: VmStatus }
  | { kind: 'no-session'; badName: boolean };

export interface ActionState {
  action: VmAction;
  enabled: boolean;
  busy: boolean;
  /** Why the button is disabled; null when enabled. */
  why: Why | null;
}

export function actionState(action: VmAction, i: ActionInput): ActionState {
  const off = (why: Why, busy = false): ActionState => ({ action, enabled: false, busy, why });
  if (i.pending.has(action)) return off({ kind: 'busy' }, true);
  if (i.pending.size > 0) return off({ kind: 'wait', other: [...i.pending][0]! });
  if (i.permissions) {
    const missing = ACTION_NEEDS[action].filter((p) => !i.permissions!.has(p));
    if (missing.length > 0) return off({ kind: 'permission', missing });
  }
  const c = i.connection;
  if (c?.state === 'not-found') return off({ kind: 'not-found' });
  if (c?.state === 'unauthorized') return off({ kind: 'sign-in' });
  if (c?.state !== 'open' && (!REST_ACTIONS.has(action) || !i.restFallback)) return off({ kind: 'offline' });
  if (i.status === null) return off({ kind: 'no-status' });
  if (!VALID_FROM[action].includes(i.status)) return off({ kind: 'status', status: i.status });
  return { action, enabled: true, busy: false, why: null };
}

/** What `actionStates` reads of a monitor session. */
export interface ActionSession {
  readonly status: { readonly status: VmStatus } | null;
  readonly connection: SocketSnapshot;
  readonly pendingActions: ReadonlySet<VmAction>;
}

/** Where an element's actions stand, read when its buttons render (ActionController's options). */
export interface ActionSource {
  vmName: () => string;
  session: () => ActionSession | null;
  hub: () => { readonly config: { readonly restFallback?: boolean } } | null;
  /** The VM's status when the session has not said it yet (e.g. read over REST). */
  status?: () => VmStatus | null;
  /** What the user may do; null when not known (the server decides). */
  permissions: () => ReadonlySet<string> | null;
  /** Whether the VM name is invalid (why there is no session). */
  badName?: () => boolean;
}

/** Every action in display order, enabled or not and why. */
export function actionStates(o: ActionSource): ActionState[] {
  const session = o.session();
  if (!session) {
    const why = { kind: 'no-session', badName: o.badName?.() === true } as const;
    return ACTION_ORDER.map((action) => ({ action, enabled: false, busy: false, why }));
  }
  const input = {
    status: session.status?.status ?? o.status?.() ?? null,
    permissions: o.permissions(),
    connection: session.connection,
    restFallback: o.hub()?.config.restFallback !== false,
    pending: session.pendingActions,
    vmName: o.vmName(),
  };
  return ACTION_ORDER.map((a) => actionState(a, input));
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
