import type { MonitorSession, SessionLease, VmHub } from '../hub/index.js';
import { SessionController } from './session-controller.js';

/** Gives an element the shared monitor session (status, metrics, commands) of its VM. */
export class VmMonitorController extends SessionController<MonitorSession> {
  protected acquire(hub: VmHub, vmName: string): SessionLease<MonitorSession> {
    return hub.monitor(vmName);
  }
}
