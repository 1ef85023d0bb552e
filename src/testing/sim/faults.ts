/**
 * Test-only misbehaviour, to exercise the client's reconnect and error paths. Every method throws
 * unless the simulation was created with `faults: true`, so a demo server cannot be disrupted.
 */
import type { Route } from './connection.js';
import type { FaultTarget } from './sim-contract.js';
import { PERMISSIONS, type Permission } from './users.js';
import type { SimStatus } from './vm-machine.js';

export class FaultInjector {
  private refusal: { status: number; remaining: number } | null = null;

  constructor(
    private readonly sim: FaultTarget,
    readonly enabled: boolean,
  ) {}

  /** Drops the VM's sockets (all VMs' when omitted) without a close frame: the browser sees 1006. */
  dropConnections(vmName?: string): number {
    return this.closeConnections(vmName, 1006, '');
  }

  /** Sends a close frame with this code and reason (1005: an empty close frame) to the VM's sockets. */
  closeConnections(vmName: string | undefined, code: number, reason = ''): number {
    this.check();
    const conns = this.sim.connectionsOf(vmName);
    for (const c of conns) c.close(code, reason);
    return conns.length;
  }

  /** For `ms`, sends nothing and answers no heartbeat on the VM's sockets, which stay open. */
  stall(vmName: string | undefined, ms: number): number {
    this.check();
    const conns = this.sim.connectionsOf(vmName);
    for (const c of conns) c.stall(ms);
    return conns.length;
  }

  /** Writes `text` as one frame, unvalidated, to the VM's sockets (optionally one route only). */
  sendRaw(vmName: string | undefined, text: string, route?: Route): number {
    this.check();
    const conns = this.sim.connectionsOf(vmName, route);
    for (const c of conns) c.sendRaw(text);
    return conns.length;
  }

  /** Most messages per frame from now on; null or Infinity for unlimited. */
  setMaxBatch(maxBatch: number | null): void {
    this.check();
    this.sim.maxBatch = maxBatch === null || maxBatch <= 0 ? Infinity : maxBatch;
  }

  /** The next `count` upgrades are refused with this HTTP status, before any other check. */
  refuseUpgrades(status: number, count = 1): void {
    this.check();
    this.refusal = count > 0 ? { status, remaining: count } : null;
  }

  /** Replaces a user's role-derived permissions; null restores them. Applies to open sockets too. */
  setPermissions(username: string, permissions: readonly Permission[] | null): void {
    this.check();
    if (permissions === null) {
      this.sim.permissionOverrides.delete(username);
      return;
    }
    const unknown = permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
    if (unknown.length > 0) throw new Error(`unknown permissions: ${unknown.join(', ')}`);
    this.sim.permissionOverrides.set(username, new Set(permissions));
  }

  /** Puts a VM in a state without a command, e.g. `crashed`; status goes out at once. */
  setVmStatus(vmName: string, status: SimStatus): void {
    this.check();
    this.sim.forceStatus(vmName, status);
  }

  /** Forgets pending upgrade refusals (permissions and batching are reset by `sim.reset()`). */
  reset(): void {
    this.refusal = null;
  }

  /** Called by the upgrade check: the status to refuse with, or null. */
  takeUpgradeRefusal(): number | null {
    if (!this.refusal) return null;
    const { status } = this.refusal;
    if (--this.refusal.remaining <= 0) this.refusal = null;
    return status;
  }

  private check(): void {
    if (!this.enabled) throw new Error('fault injection is disabled (create the simulation with faults: true)');
  }
}
