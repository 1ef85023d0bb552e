/**
 * What an action button says, at rest and while its action runs (every element that offers
 * actions). Getters: each word is looked up when read, in the locale of the element rendering it.
 */
import type { VmAction } from '../protocol/types.js';
import { msg } from './msg.js';

export const ACTION_LABEL: Readonly<Record<VmAction, string>> = {
  get start() {
    return msg('Start', { id: 'action.start' });
  },
  get stop() {
    return msg('Stop', { id: 'action.stop' });
  },
  get restart() {
    return msg('Restart', { id: 'action.restart' });
  },
  get suspend() {
    return msg('Suspend', { id: 'action.suspend' });
  },
  get resume() {
    return msg('Resume', { id: 'action.resume' });
  },
};

export const ACTION_PROGRESS: Readonly<Record<VmAction, string>> = {
  get start() {
    return msg('Starting…', { id: 'action.progress.start' });
  },
  get stop() {
    return msg('Stopping…', { id: 'action.progress.stop' });
  },
  get restart() {
    return msg('Restarting…', { id: 'action.progress.restart' });
  },
  get suspend() {
    return msg('Suspending…', { id: 'action.progress.suspend' });
  },
  get resume() {
    return msg('Resuming…', { id: 'action.progress.resume' });
  },
};

/** What became of a user's action, as the element shows it (controllers/action-controller.ts says it). */
export interface ActionOutcome {
  action: VmAction;
  ok: boolean;
  text: string;
}
