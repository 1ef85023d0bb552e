/**
 * `fleetOf(hub)`: the hub's fleet poller, every VM's status from one paginated REST listing per
 * interval (`fleetPollMs`). An entry of its own (`libgo-vm-elements/hub/fleet`), like the console
 * session: pages without a fleet view never bundle it, and the hub loads it on demand when the
 * page's socket budget leaves a monitor session without a socket (its status then comes from the
 * list).
 */
import { VmError } from '../protocol/errors.js';
import { DEFAULT_FLEET_POLL_MS, FleetPoller } from './fleet-poller.js';
import type { VmHub } from './vm-hub.js';

export { FleetPoller, DEFAULT_FLEET_POLL_MS, type FleetPollerOptions } from './fleet-poller.js';

const pollers = new WeakMap<VmHub, FleetPoller | null>();

/**
 * The hub's fleet poller, shared by the hub's sessions that have no socket and by fleet views
 * (`subscribe()` keeps it polling). Null when the hub never lists (`fleetPollMs: false`). A hub
 * without `serverUrl` lists its page's own origin, as its other REST calls do. `hub.configure()` replaces it: subscribe again on the hub's `config` event.
 */
export function fleetOf(hub: VmHub): FleetPoller | null {
  let poller = pollers.get(hub);
  if (poller !== undefined) return poller;
  const config = hub.config;
  const p = config.fleetPollMs;
  if (p !== undefined && p !== false && !(typeof p === 'number' && Number.isFinite(p) && p >= 0)) {
    throw new VmError('INVALID_CONFIG', 'fleetPollMs must be false or a non-negative number of milliseconds.');
  }
  const intervalMs = p === false ? 0 : (p ?? DEFAULT_FLEET_POLL_MS);
  poller = intervalMs
    ? new FleetPoller({
        listVms: () => hub.rest.listVms(),
        intervalMs,
        timers: hub.timers,
        // The sessions that waited for a socket at some time (`wake(session)`).
      })
    : null;
  pollers.set(hub, poller);
  if (poller) {
    const offConfig = hub.events.on('config', () => {
      // Another server or credentials: a new poller, at once.
      offConfig();
      offDispose();
      poller!.dispose();
      pollers.delete(hub);
      fleetOf(hub);
    });
    const offDispose = hub.events.on('dispose', () => poller!.dispose());
  } else {
    const off = hub.events.on('config', () => {
      off();
      pollers.delete(hub);
    });
  }
  return poller;
}
