import { leaseConsole, type ConsoleSession } from '../hub/console-session.js';
import type { SessionLease, VmHub } from '../hub/vm-hub.js';
import { describeConnection, type ConnectionKind, type ConnectionView } from './connection-view-controller.js';
import { SessionController } from './session-controller.js';

/** Gives an element the shared console session (output replay, input) of its VM. */
export class VmConsoleController extends SessionController<ConsoleSession> {
  protected acquire(hub: VmHub, vmName: string): SessionLease<ConsoleSession> {
    return leaseConsole(hub, vmName);
  }

  /** The console's connection (socket and VM state) as a view: kind, label, tone. */
  describe(vmName: string): ConnectionView<ConnectionKind> {
    const session = this.session;
    return describeConnection({ vmName, nameError: this.nameError, session: session && { connection: session.connection, vmStatus: session.vmStatus } });
  }
}
