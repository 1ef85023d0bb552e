/** What an action button says, at rest and while its action runs (every element that offers actions). */
import type { VmAction } from '../protocol/types.js';

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

/** What became of a user's action, as the element shows it (controllers/action-controller.ts says it). */
export interface ActionOutcome {
  action: VmAction;
  ok: boolean;
  text: string;
}
