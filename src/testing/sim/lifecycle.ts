/** Which action is allowed from which state, and what a refusal says (it reaches the operator). */
import type { VmAction } from '../../protocol/types.js';
import type { SimStatus } from './vm-machine.js';

export const ACTIONS: readonly VmAction[] = ['start', 'stop', 'restart', 'suspend', 'resume'];

export const TRANSITIONS: Readonly<Record<VmAction, { from: readonly SimStatus[]; to: SimStatus }>> = {
  start: { from: ['stopped', 'shutdown', 'crashed'], to: 'running' },
  stop: { from: ['running', 'paused', 'suspended'], to: 'stopped' },
  restart: { from: ['running'], to: 'running' },
  suspend: { from: ['running'], to: 'paused' },
  resume: { from: ['paused', 'suspended'], to: 'running' },
};

/** Realistic libvirt timings; tests pass `transitionDelayMs` to shrink them. */
export const DEFAULT_DELAYS_MS: Readonly<Record<VmAction, number>> = {
  start: 1500,
  stop: 1000,
  restart: 2000,
  suspend: 300,
  resume: 300,
};

/** Permissions an action needs (PROTOCOL.md): restart both stops and starts. */
export const ACTION_PERMISSIONS: Readonly<Record<VmAction, readonly ('start' | 'stop')[]>> = {
  start: ['start'],
  resume: ['start'],
  stop: ['stop'],
  suspend: ['stop'],
  restart: ['start', 'stop'],
};

export function isAction(value: unknown): value is VmAction {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

export const PAST_TENSE: Readonly<Record<VmAction, string>> = {
  start: 'started',
  stop: 'stopped',
  restart: 'restarted',
  suspend: 'suspended',
  resume: 'resumed',
};

/** Null when the action may run, else why not. */
export function refusal(vmName: string, status: SimStatus, pending: string | null, action: VmAction): string | null {
  if (pending) return `VM ${vmName} is busy: ${pending} in progress`;
  if (TRANSITIONS[action].from.includes(status)) return null;
  switch (action) {
    case 'start':
      return status === 'running'
        ? `VM ${vmName} is already running`
        : `VM ${vmName} is ${status}; resume it instead of starting it`;
    case 'stop':
      return `VM ${vmName} is not running (${status})`;
    case 'restart':
      return `VM ${vmName} can only be restarted while running (it is ${status})`;
    case 'suspend':
      return status === 'paused' || status === 'suspended'
        ? `VM ${vmName} is already paused`
        : `VM ${vmName} is not running (${status})`;
    case 'resume':
      return `VM ${vmName} is not paused (${status})`;
  }
}
