/**
 * What the fault injector, the REST routes and the upgrade check need from the simulation, as
 * types only. They take these instead of `LibGoSim`, which builds them: no import goes back up.
 */
import type { VmAction } from '../../protocol/types.js';
import type { Authenticator, Claims } from './auth.js';
import type { ClientConnection, Route } from './connection.js';
import type { Permission } from './users.js';
import type { VmWire } from './vm-fixtures.js';
import type { SimStatus } from './vm-machine.js';

export interface ActionResult {
  success: boolean;
  message: string;
}

export interface LoginWire {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; email: string; roles: string[] };
}

/** Whose permissions a request has: the token's user, with the faults' overrides applied. */
export interface PermissionSource {
  readonly auth: Authenticator;
  hasVm(name: string): boolean;
  permissionsFor(user: Pick<Claims, 'username' | 'roles'>): Set<Permission>;
}

/** The simulation as the REST routes see it. */
export interface RestHost extends PermissionSource {
  getVm(name: string): VmWire | null;
  listVms(): VmWire[];
  /** Every VM's name, in listing order (for paging without describing every VM). */
  vmNames(): string[];
  login(username: string, password: string): Promise<LoginWire | null>;
  runAction(vmName: string, action: VmAction): Promise<ActionResult>;
}

/** The simulation as the upgrade check sees it. */
export interface UpgradeHost extends PermissionSource {
  readonly faults: { takeUpgradeRefusal(): number | null };
}

/** The simulation as the fault injector sees it. */
export interface FaultTarget {
  maxBatch: number;
  readonly permissionOverrides: Map<string, Set<Permission>>;
  connectionsOf(vmName?: string, route?: Route): ClientConnection[];
  forceStatus(vmName: string, status: SimStatus): void;
  reset(): void;
}
