/**
 * The connection controller shared by every element on a page: one monitor socket and at most
 * one console socket per VM, however many widgets show it. Sessions are reference-counted and
 * linger briefly after the last subscriber leaves, so a tab switch or a re-render reuses the
 * socket and the history instead of reconnecting. Framework-free.
 */
import { VmError } from '../protocol/errors.js';
import type { VmRoute } from '../protocol/types.js';
import type { VmSocketOptions } from '../transport/vm-socket.js';
import type { SocketClaim } from '../transport/socket-budget-config.js';
import { Emitter } from '../transport/emitter.js';
import { parseAuthMode } from '../transport/auth.js';
import { LazyRestClient, type RestApi } from '../transport/lazy-rest-client.js';
import { realTimers, type Timers } from '../transport/timers.js';
import { validateVmName } from '../transport/vm-name.js';
import { actionPolicy, validateActionOptions } from './action-policy.js';
import { historyPersistence, socketOptions, type VmHubConfig } from './config.js';
import { MonitorSession } from './monitor-session.js';
import type { Permission, TokenClaims } from './permissions.js';
import type { SessionBase } from './session-base.js';

/** A claim on a session; `release()` once, when the subscriber goes away. */
export interface SessionLease<S> {
  readonly session: S;
  release(): void;
  /**
   * Whether the holder shows the session on screen (default true). A session no holder shows is
   * passive: when the page's socket budget is full, its socket may go to one that is shown (see
   * `configureSocketBudget`); its status and last values stay. Console sessions keep their socket
   * either way.
   */
  setVisible(visible: boolean): void;
}

interface Entry {
  session: SessionBase;
  /** The session's place in the page's socket budget, kept across `configure()`. */
  claim: SocketClaim;
  refs: number;
  lingerTimer: unknown;
}

export interface VmHubEvents extends Record<string, unknown> {
  config: Readonly<VmHubConfig>;
  /** The hub was disposed (its fleet poller stops). */
  dispose: undefined;
}

/** Builds a session for `lease()`: the socket options for its VM and route, and the hub's settings. */
export type SessionFactory<S extends SessionBase> = (options: VmSocketOptions, config: Readonly<VmHubConfig>, timers: Timers) => S;

const DEFAULTS = {
  lingerMs: 3000,
  metricsCapacity: 720,
};

export class VmHub {
  readonly events = new Emitter<VmHubEvents>();
  private cfg: VmHubConfig;
  private restClient: RestApi;
  private readonly entries = new Map<string, Entry>();
  private disposed = false;
  /** Sockets given the same object share one reachability probe; a new one per configuration. */
  private probeGroup: object | undefined;

  constructor(config: VmHubConfig = {}) {
    this.cfg = validateConfig(config);
    this.restClient = this.makeRest();
    this.probeGroup = this.cfg.reachabilityProbe === false ? undefined : {};
  }

  get config(): Readonly<VmHubConfig> {
    return this.cfg;
  }

  /** REST client with the hub's server and credentials (login, VM details, start/stop). */
  get rest(): RestApi {
    return this.restClient;
  }

  /** @internal The hub's clock and timers (tests give fake ones through the config). */
  get timers(): Timers {
    return this.cfg.timers ?? realTimers;
  }

  /**
   * Changes the configuration. Live sessions reconnect with it, keeping their subscribers, their
   * metrics history and their console replay.
   */
  configure(patch: Partial<VmHubConfig>): void {
    this.assertLive();
    this.cfg = validateConfig({ ...this.cfg, ...patch });
    this.restClient = this.makeRest();
    this.probeGroup = this.cfg.reachabilityProbe === false ? undefined : {};
    for (const [key, entry] of this.entries) {
      const [route, vmName] = splitKey(key);
      entry.session.rebind({ ...socketOptions(this.cfg, vmName, route, this.probeGroup), claim: entry.claim }, entry.refs > 0);
    }
    this.events.emit('config', this.cfg);
  }

  /** The VM's monitor session (status, metrics, actions), shared by every subscriber. */
  monitor(vmName: string): SessionLease<MonitorSession> {
    return this.lease('monitor', vmName, (options, config, timers) =>
      new MonitorSession(
        options,
        () => this.restClient,
        () => this.cfg.restFallback !== false,
        config.metricsCapacity ?? DEFAULTS.metricsCapacity,
        timers,
        () => historyPersistence(this.cfg),
        async () => {
          const claims = await this.claims();
          return claims?.userId ?? claims?.username ?? null;
        },
        () => actionPolicy(this.cfg),
      ),
    );
  }

  /** Sockets currently held (open, opening or waiting to retry). */
  get socketCount(): number {
    let n = 0;
    for (const e of this.entries.values()) {
      const s = e.session.connection.state;
      if (s !== 'closed' && s !== 'idle' && s !== 'unauthorized' && s !== 'not-found' && s !== 'queued') n++;
    }
    return n;
  }

  /** Sessions held, including lingering ones. */
  get sessionCount(): number {
    return this.entries.size;
  }

  /** The current user's claims, read from the token (unverified; for the UI only). */
  async claims(): Promise<TokenClaims | null> {
    if (!this.cfg.tokenProvider || this.cfg.authMode === 'cookie') return null;
    try {
      const token = await this.cfg.tokenProvider({ forceRefresh: false });
      return (await import('./permissions.js')).readTokenClaims(typeof token === 'string' ? token : null);
    } catch {
      return null;
    }
  }

  /** Permissions for the UI: the configured list, else what the token's roles imply, else null (unknown). */
  async permissions(): Promise<Set<Permission> | null> {
    if (this.cfg.permissions) return new Set(this.cfg.permissions);
    const claims = await this.claims();
    return claims ? (await import('./permissions.js')).permissionsFromClaims(claims) : null;
  }

  /** Closes every socket at once; the hub cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.events.emit('dispose', undefined);
    for (const entry of this.entries.values()) {
      this.timers.clearTimeout(entry.lingerTimer);
      entry.session.dispose();
    }
    this.entries.clear();
    this.events.clear();
  }

  /**
   * Claims the session of `route` for `vmName`, creating it with `create` when none is held. One
   * session per route and VM: every caller of a route must create the same kind. Session kinds
   * other than the monitor live in their own modules (`leaseConsole`), so a page that never opens
   * a console never loads console code.
   */
  lease<S extends SessionBase>(route: VmRoute, vmName: string, create: SessionFactory<S>): SessionLease<S> {
    this.assertLive();
    if (route !== 'monitor' && route !== 'console') {
      throw new VmError('INVALID_INPUT', `"${String(route)}" is not a LibGo socket route (monitor or console).`);
    }
    if (typeof create !== 'function') throw new VmError('INVALID_INPUT', 'lease() needs a function that creates the session.');
    const name = validateVmName(vmName);
    const key = `${route}\u0000${name}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const claim: SocketClaim = { shown: 0, passiveSince: -Infinity };
      const session = create({ ...socketOptions(this.cfg, name, route, this.probeGroup), claim }, this.cfg, this.timers);
      // Left without a socket by the page's socket budget: its status comes from the fleet list
      // (not from a page's own origin unasked: that may be no LibGo at all, for host-pushed metrics).
      claim.onQueued = () => {
        if (!this.cfg.serverUrl?.trim() && this.cfg.fleetPollMs === undefined) return;
        void import('./fleet.js').then((m) => m.fleetOf(this)?.wake(session));
      };
      entry = { session, claim, refs: 0, lingerTimer: null };
      this.entries.set(key, entry);
    }
    if (entry.lingerTimer !== null) {
      this.timers.clearTimeout(entry.lingerTimer);
      entry.lingerTimer = null;
    }
    entry.refs++;
    // Shown until its holder says otherwise (`setVisible`).
    let shown = 1;
    show(entry.claim, 1);
    entry.session.start();
    const held = entry;
    let released = false;
    return {
      session: held.session as S,
      release: () => {
        if (released) return;
        released = true;
        show(held.claim, -shown);
        this.releaseEntry(key, held);
      },
      setVisible: (visible: boolean) => {
        if (!released && +visible !== shown) show(held.claim, (shown = +visible) || -1);
      },
    };
  }

  private releaseEntry(key: string, entry: Entry): void {
    entry.refs--;
    if (entry.refs > 0 || this.entries.get(key) !== entry) return;
    const linger = this.cfg.lingerMs ?? DEFAULTS.lingerMs;
    entry.lingerTimer = this.timers.setTimeout(() => {
      if (entry.refs > 0) return;
      this.entries.delete(key);
      entry.session.dispose();
    }, linger);
  }

  private makeRest(): RestApi {
    return new LazyRestClient({
      serverUrl: this.cfg.serverUrl,
      apiPath: this.cfg.apiPath,
      authMode: this.cfg.authMode,
      tokenProvider: this.cfg.tokenProvider,
      fetch: this.cfg.fetch,
    });
  }

  private assertLive(): void {
    if (this.disposed) throw new VmError('INVALID_STATE', 'This VmHub has been disposed.');
  }
}

/** A lease shows its session (+1) or no longer (-1); see `SessionLease.setVisible`. */
function show(claim: SocketClaim, delta: number): void {
  const was = claim.shown;
  claim.shown += delta;
  if (was && !claim.shown) claim.passiveSince = performance.now();
  if (!was !== !claim.shown) claim.changed?.();
}

function splitKey(key: string): [VmRoute, string] {
  const i = key.indexOf('\u0000');
  return [key.slice(0, i) as VmRoute, key.slice(i + 1)];
}

function validateConfig(config: VmHubConfig): VmHubConfig {
  const c = { ...config, authMode: parseAuthMode(config.authMode) };
  const positive = (name: keyof VmHubConfig, v: unknown) => {
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw new VmError('INVALID_CONFIG', `${String(name)} must be a non-negative number of milliseconds or bytes.`);
    }
  };
  positive('heartbeatMs', c.heartbeatMs);
  positive('requestTimeoutMs', c.requestTimeoutMs);
  positive('lingerMs', c.lingerMs);
  positive('metricsCapacity', c.metricsCapacity);
  positive('consoleReplayBytes', c.consoleReplayBytes);
  validateActionOptions(c);
  if (c.tokenProvider !== undefined && typeof c.tokenProvider !== 'function') {
    throw new VmError('INVALID_CONFIG', 'tokenProvider must be a function.');
  }
  return c;
}
