/**
 * An element's subscription to the hub's fleet list (`<vm-list>`, `<vm-grid>`) (hub/fleet.ts): one paginated REST poll lists
 * every VM, so 10,000 VMs cost one list, not 10,000 sockets. It follows the hub in use while the
 * element is on the page; another hub (or none) drops the old subscription first, so a list from
 * the old server never shows under the new one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FleetPoller } from '../hub/fleet-poller.js';
import { fleetOf } from '../hub/fleet.js';
import type { VmHub } from '../hub/vm-hub.js';

export class FleetController implements ReactiveController {
  /** The hub's fleet poller; null without a hub or when the hub never lists. */
  poller: FleetPoller | null = null;
  /** The hub followed (null: none). */
  hub: VmHub | null = null;
  private off: (() => void) | null = null;

  /** `changed` runs on each new list or error, and at once when the poller has a list already. */
  constructor(
    host: ReactiveControllerHost,
    private readonly changed: () => void,
  ) {
    host.addController(this);
  }

  /** The hub in use never lists VMs (its `fleetPollMs` is false). */
  get switchedOff(): boolean {
    return !!this.hub && !this.poller;
  }

  /** Follows the fleet of `hub` instead of the one followed so far (null: none). */
  follow(hub: VmHub | null): void {
    this.off?.();
    this.off = null;
    this.hub = hub;
    this.poller = hub ? fleetOf(hub) : null;
    if (!hub) return;
    // A hub configured again (another server, a token provider set late) gets a new poller from
    // fleetOf(), and disposes the old one: follow the new one, after fleetOf()'s own listener.
    const offConfig = hub.events.on('config', () => queueMicrotask(() => this.hub === hub && this.follow(hub)));
    const offList = this.poller?.subscribe(this.changed);
    this.off = () => {
      offConfig();
      offList?.();
    };
    if (this.poller?.vms) this.changed();
  }

  hostDisconnected(): void {
    this.follow(null);
  }
}
