/** Wires a hub's fleet poller: when it may run, and whom its lists feed. */
import type { RestApi } from '../transport/lazy-rest-client.js';
import type { Timers } from '../transport/timers.js';
import type { VmHubConfig } from './config.js';
import { DEFAULT_FLEET_POLL_MS, FleetPoller } from './fleet-poller.js';
import { MonitorSession } from './monitor-session.js';
import type { SessionBase } from './session-base.js';

/** The poll interval in effect, or null when this hub must not poll (no REST API to ask, or off). */
export function fleetPollInterval(config: Readonly<VmHubConfig>): number | null {
  const p = config.fleetPollMs;
  if (p === false) return null;
  if (typeof p === 'number') return p > 0 ? p : null;
  // Without a server address, the page's own origin may be no LibGo at all (host-pushed metrics).
  return typeof config.serverUrl === 'string' && config.serverUrl.trim() !== '' ? DEFAULT_FLEET_POLL_MS : null;
}

/**
 * A poller for the hub's configuration, or null when it must not poll. `sessions` are the hub's
 * live sessions: while one waits in the socket budget's queue the poller runs, and every monitor
 * session without an open socket takes its status from the list.
 */
export function createFleetPoller(
  config: Readonly<VmHubConfig>,
  rest: () => RestApi,
  timers: Timers,
  sessions: () => Iterable<SessionBase>,
): FleetPoller | null {
  const intervalMs = fleetPollInterval(config);
  if (intervalMs === null) return null;
  const starved = (s: SessionBase): s is MonitorSession => s instanceof MonitorSession && s.connection.state !== 'open';
  return new FleetPoller({
    listVms: () => rest().listVms(),
    intervalMs,
    timers,
    // Only the budget's queue makes it poll: a session merely connecting or reconnecting has a
    // socket on its way, and a page load must not list the whole fleet for nothing.
    wanted: () => {
      for (const s of sessions()) if (s instanceof MonitorSession && s.connection.state === 'queued') return true;
      return false;
    },
    onList: (vms) => {
      const byName = new Map(vms.map((v) => [v.name, v]));
      for (const s of sessions()) {
        if (!starved(s)) continue;
        const vm = byName.get(s.vmName);
        if (vm) s.applyListedStatus(vm);
      }
    },
  });
}
