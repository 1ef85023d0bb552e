/**
 * The detail page's link to its monitor session. Unlike `VmMonitorController` it can be told to
 * use a hub of the element's own (built from its `server` attribute or given as `hub`), because
 * `<vm-detail>` is itself a hub provider and must lease from the hub it provides. Otherwise it
 * uses the hub found above it (or the page-wide default) through `HubResolver`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HubResolver } from '../../controllers/index.js';
import { VmError, type MonitorSession, type SessionLease, type VmHub } from '../../hub/index.js';

export interface DetailSessionOptions {
  vmName: () => string;
  /** A hub that takes precedence over the resolved one, or null. */
  ownHub: () => VmHub | null;
  /** The hub in use changed (to provide it to the children). */
  onHub: (hub: VmHub | null) => void;
  /** Called synchronously on every session change, before the batched render. */
  onChange: () => void;
  onSession: () => void;
}

/**
 * At most one host update per animation frame, like `FrameBatcher`, with one difference: when the
 * page is hidden (no animation frames), a timer still delivers the update (browsers run it at most
 * about once a second there). The detail page's `status` attribute and its action outcomes are
 * read by host code, which must not see stale values just because the tab is in the background.
 */
class UpdateBatcher {
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  schedule(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => this.flush());
    this.timer = setTimeout(() => this.flush(), 250);
  }

  cancel(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.timer !== null) clearTimeout(this.timer);
    this.frame = null;
    this.timer = null;
  }

  private flush(): void {
    this.cancel();
    this.host.requestUpdate();
  }
}

export class DetailSession implements ReactiveController {
  private readonly resolver: HubResolver;
  private readonly batcher: UpdateBatcher;
  private lease: SessionLease<MonitorSession> | null = null;
  private leasedFor: { hub: VmHub; name: string } | null = null;
  private unsubscribe: (() => void) | null = null;
  private nameErrorValue: VmError | null = null;
  private lastHub: VmHub | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: DetailSessionOptions,
  ) {
    this.batcher = new UpdateBatcher(host);
    this.resolver = new HubResolver(host, () => {
      this.sync();
      host.requestUpdate();
    });
    host.addController(this);
  }

  /** The hub in use: the element's own, else the one above it, else the page default. */
  get hub(): VmHub | null {
    return this.o.ownHub() ?? this.resolver.hub;
  }

  get session(): MonitorSession | null {
    return this.lease?.session ?? null;
  }

  get nameError(): VmError | null {
    return this.nameErrorValue;
  }

  hostConnected(): void {
    this.resolver.connect();
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.batcher.cancel();
    this.release();
    this.resolver.disconnect();
    this.notifyHub();
  }

  /** Re-reads the hub and the name now (e.g. right after the own hub was replaced). */
  sync(): void {
    this.notifyHub();
    const hub = this.hub;
    const name = this.o.vmName().trim();
    if (this.leasedFor && this.leasedFor.hub === hub && this.leasedFor.name === name) return;
    this.release();
    this.nameErrorValue = null;
    if (!hub || name === '' || !this.host.isConnected) {
      this.o.onSession();
      return;
    }
    try {
      this.lease = hub.monitor(name);
    } catch (e) {
      this.nameErrorValue = e instanceof VmError ? e : new VmError('INVALID_INPUT', 'That VM name cannot be used.');
      this.leasedFor = { hub, name };
      this.o.onSession();
      return;
    }
    this.leasedFor = { hub, name };
    this.unsubscribe = this.lease.session.subscribe(() => {
      this.o.onChange();
      this.batcher.schedule();
    });
    this.o.onSession();
  }

  private notifyHub(): void {
    const hub = this.host.isConnected ? this.hub : null;
    if (hub === this.lastHub) return;
    this.lastHub = hub;
    this.o.onHub(hub);
  }

  private release(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.lease?.release();
    this.lease = null;
    this.leasedFor = null;
  }
}
