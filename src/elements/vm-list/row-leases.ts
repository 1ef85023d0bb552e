/**
 * The live sessions of `<vm-list>`: one monitor lease per row on screen (row-ranges.ts says which),
 * none for the other 9,970. They ask the page's socket budget as visible; while the whole list is
 * off screen or the page hidden they turn passive (their sockets may go to a shown element after the
 * budget's linger). Values last seen are kept per VM after its row goes, for sorting and for the
 * row's return (shown as not live until its session says otherwise).
 */
import type { MonitorSession } from '../../hub/monitor-session.js';
import type { SessionLease, VmHub } from '../../hub/vm-hub.js';
import type { SeenValues } from './fleet-view.js';

interface Held {
  lease: SessionLease<MonitorSession>;
  off: () => void;
  visible: boolean;
  /** The VM's status and the socket's state as last rendered: a change there is news at once. */
  state: string;
}

const stateOf = (s: MonitorSession): string => `${s.status?.status ?? ''} ${s.connection.state}`;

/** Last values are kept for this many VMs at most (a fleet of 10,000 fits). */
const MAX_SEEN = 20_000;

export class RowLeases {
  private readonly held = new Map<string, Held>();
  private readonly seenValues = new Map<string, SeenValues>();
  private hub: VmHub | null = null;
  /** False while the whole list is off screen or the page is hidden. */
  private shown = true;
  private wantedVisible = new Set<string>();

  /**
   * `changed(urgent)`: urgent when a VM's status or its socket's state changed (a row must say so
   * now); not when only new samples came (they can wait for the list's next paced render).
   */
  constructor(private readonly changed: (urgent: boolean) => void) {}

  get size(): number {
    return this.held.size;
  }

  session(name: string): MonitorSession | null {
    return this.held.get(name)?.lease.session ?? null;
  }

  seen(name: string): SeenValues | undefined {
    return this.seenValues.get(name);
  }

  /**
   * Holds sessions for exactly `rendered`, from `hub`; those in `visible` ask for a socket first.
   * Leases of rows no longer rendered are released (the hub's linger keeps a quick return cheap).
   * Returns whether a session was taken or let go (the rows then show other values); a change of
   * a held session's state is told through `changed`.
   */
  sync(hub: VmHub | null, rendered: readonly string[], visible: ReadonlySet<string>): boolean {
    let changed = false;
    if (hub !== this.hub) {
      changed = this.held.size > 0;
      this.releaseAll();
      this.hub = hub;
    }
    this.wantedVisible = new Set(visible);
    const keep = new Set(hub ? rendered : []);
    for (const [name, h] of this.held) {
      if (keep.has(name)) continue;
      this.record(name, h.lease.session);
      h.off();
      h.lease.release();
      this.held.delete(name);
      changed = true;
    }
    if (!hub) return changed;
    for (const name of keep) {
      const v = this.shown && this.wantedVisible.has(name);
      const h = this.held.get(name);
      if (h) {
        if (h.visible !== v) {
          h.visible = v;
          h.lease.setVisible(v);
        }
        continue;
      }
      let lease: SessionLease<MonitorSession>;
      try {
        lease = hub.monitor(name);
        if (!v) lease.setVisible(false);
      } catch {
        // A name the hub refuses (not a valid VM name) has no live values; the row says so.
        continue;
      }
      const held: Held = { lease, off: () => {}, visible: v, state: stateOf(lease.session) };
      held.off = lease.session.subscribe(() => {
        this.record(name, lease.session);
        const state = stateOf(lease.session);
        const urgent = state !== held.state;
        held.state = state;
        this.changed(urgent);
      });
      this.held.set(name, held);
      this.record(name, lease.session);
      changed = true;
    }
    return changed;
  }

  /** The list itself scrolled away, was hidden, or the page went to the background. */
  setShown(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    for (const [name, h] of this.held) {
      const v = shown && this.wantedVisible.has(name);
      if (v === h.visible) continue;
      h.visible = v;
      h.lease.setVisible(v);
    }
  }

  releaseAll(): void {
    for (const [name, h] of this.held) {
      this.record(name, h.lease.session);
      h.off();
      h.lease.release();
    }
    this.held.clear();
  }

  private record(name: string, s: MonitorSession): void {
    const latest = s.history?.latest();
    const uptime = s.currentUptime() ?? NaN;
    if (!latest && Number.isNaN(uptime)) return;
    const prev = this.seenValues.get(name);
    this.seenValues.delete(name);
    if (this.seenValues.size >= MAX_SEEN) this.seenValues.delete(this.seenValues.keys().next().value!);
    this.seenValues.set(name, {
      cpu: latest ? latest.cpu : (prev?.cpu ?? NaN),
      memory: latest ? latest.memPct : (prev?.memory ?? NaN),
      uptime,
    });
  }
}
