/**
 * The action runner (action-runner.ts) with what it uses imported: for elements that load those
 * modules for their first paint anyway (`<vm-list>`). `<vm-detail>` loads the runner itself after
 * its first paint (elements/vm-detail/detail-actions.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import { emit } from '../events/index.js';
import { actionPolicy } from '../hub/action-policy.js';
import { actionStates, parseConfirmActions, type ActionState } from '../hub/action-rules.js';
import { ACTION_LABEL } from '../internal/action-words.js';
import { msg, str } from '../internal/msg.js';
import { ActionRunner, type ActionControllerOptions } from './action-runner.js';

export { OUTCOME_DISMISS_MS, type ActionControllerOptions, type ActionOutcome, type ActionReport } from './action-runner.js';

export class ActionController extends ActionRunner {
  constructor(host: ReactiveControllerHost & HTMLElement, options: ActionControllerOptions) {
    super(host, options, { emit, label: ACTION_LABEL, msg, str, parseConfirmActions, actionPolicy });
  }

  /** Every action in display order, enabled or not and why. */
  states(): ActionState[] {
    return actionStates(this.options);
  }
}
