import type { ConsoleSession, SessionLease, VmHub } from '../hub/index.js';
import { SessionController } from './session-controller.js';

/** Gives an element the shared console session (output replay, input) of its VM. */
export class VmConsoleController extends SessionController<ConsoleSession> {
  protected acquire(hub: VmHub, vmName: string): SessionLease<ConsoleSession> {
    return hub.console(vmName);
  }
}
