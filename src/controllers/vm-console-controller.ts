import { leaseConsole, type ConsoleSession } from '../hub/console-session.js';
import type { SessionLease, VmHub } from '../hub/vm-hub.js';
import { SessionController } from './session-controller.js';

/** Gives an element the shared console session (output replay, input) of its VM. */
export class VmConsoleController extends SessionController<ConsoleSession> {
  protected acquire(hub: VmHub, vmName: string): SessionLease<ConsoleSession> {
    return leaseConsole(hub, vmName);
  }
}
