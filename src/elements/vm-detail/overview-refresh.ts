/**
 * When `<vm-detail>` reads its VM's details (the Overview, over REST) again: for a VM not read yet,
 * when the hub or its configuration changes (new credentials may load what failed, and what loaded
 * may be stale), when the socket opens after a failed load or after a reconnect, and when the VM's
 * state changed. OverviewLoad (overview-load.ts) does the reading.
 */
import type { MonitorSession } from '../../hub/monitor-session.js';
import type { VmHub } from '../../hub/vm-hub.js';
import type { VmError } from '../../protocol/errors.js';
import type { OverviewLoad } from './overview-load.js';

export interface OverviewRefreshOptions {
  overview: OverviewLoad;
  /** The element's monitor session controller (hub, session, name error). */
  monitor: { readonly hub: VmHub | null; readonly session: MonitorSession | null; readonly nameError: VmError | null };
  vmName: () => string;
  /** Whether the element is in the page (a removed one reads nothing). */
  connected: () => boolean;
  /** The hub's configuration changed (new credentials or a new server). */
  configChanged: () => void;
}

export class OverviewRefresh {
  /** Whether the socket of the current session has been open before. */
  socketWasOpen = false;
  private socketOpen = false;
  /** The VM's raw status at the last session change (null: not said yet by this session). */
  private lastSocketStatus: string | null = null;
  private offConfig: (() => void) | null = null;

  constructor(private readonly o: OverviewRefreshOptions) {}

  /** Reads the details of the current VM if they were not asked for yet (before each render). */
  sync(): void {
    if (!this.o.overview.isFor(this.key())) this.load(false);
  }

  /** Reads the details (`force`: again, even if they were read already). */
  load(force: boolean): void {
    void this.o.overview.load(this.key(), this.o.monitor.hub, force);
  }

  /** Another VM: nothing of the last one stays. */
  vmChanged(): void {
    this.o.overview.reset();
    this.lastSocketStatus = null;
  }

  /** Another hub (or none): the next read goes to it, and its configuration changes are followed. */
  hubChanged(hub: VmHub | null): void {
    this.offConfig?.();
    this.offConfig = hub
      ? hub.events.on('config', () => {
          this.o.configChanged();
          this.load(true);
        })
      : null;
    this.o.overview.invalidate();
  }

  /** Another session (new VM, new hub, or none): its socket has not been open yet. */
  sessionReplaced(): void {
    this.lastSocketStatus = null;
    this.socketOpen = false;
    this.socketWasOpen = false;
  }

  /**
   * Synchronous on every session change: reload when the socket opens after a failed load (the
   * server is back, or it accepts us now) or after a reconnect (the VM may have changed while we
   * were away), and when the VM's state changed.
   */
  sessionChanged(): void {
    const { overview, monitor } = this.o;
    const open = monitor.session?.connection.state === 'open';
    if (open && !this.socketOpen && (overview.error || this.socketWasOpen)) this.load(true);
    this.socketOpen = open;
    if (open) this.socketWasOpen = true;
    const st = monitor.session?.status;
    if (!st) return;
    const prev = this.lastSocketStatus;
    this.lastSocketStatus = st.rawStatus;
    if (prev !== null && prev !== st.rawStatus) this.load(true);
    else if (prev === null && overview.vm && overview.vm.rawStatus !== st.rawStatus) this.load(true);
  }

  /** The VM name to read, or '' when nothing may be read (no hub, no or a bad name, not in the page). */
  private key(): string {
    const name = this.o.vmName().trim();
    const { hub, nameError } = this.o.monitor;
    return hub && name && this.o.connected() && !nameError ? name : '';
  }
}
