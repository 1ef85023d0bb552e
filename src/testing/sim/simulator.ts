/**
 * The LibGo simulation: VMs, their lifecycle, consoles and the per-socket message flow, with no
 * transport. The Node reference server and the in-page peer both drive this class.
 */
import type { VmAction } from '../../protocol/types.js';
import type { Authenticator, Claims } from './auth.js';
import { randomUuid, seededRandom, systemClock, type Clock, type TimerHandle } from './clock.js';
import { ClientConnection, type ConnectionSink, type ConnectParams, type Route, type SimConnection } from './connection.js';
import { FaultInjector } from './faults.js';
import { InputLog, type ConsoleInputStats } from './input-log.js';
import { rfc3339Nano } from './go-json.js';
import { createHs256Authenticator } from './hs256.js';
import { ACTION_PERMISSIONS, DEFAULT_DELAYS_MS, isAction, PAST_TENSE, refusal, TRANSITIONS } from './lifecycle.js';
import { handleRest, type RestRequest, type RestResponse } from './rest.js';
import { SerialConsole } from './serial-console.js';
import type { ActionResult, FaultTarget, LoginWire, RestHost, UpgradeHost } from './sim-contract.js';
import { authorizeUpgrade, type UpgradeRequest, type UpgradeResult } from './upgrade.js';
import { DEFAULT_USERS, permissionsForRoles, type Permission, type SimUser } from './users.js';
import { DEFAULT_VMS, type VmSpec, type VmWire } from './vm-fixtures.js';
import { VmMachine, type SimStatus } from './vm-machine.js';

export interface SimOptions {
  clock?: Clock;
  /** Defaults to a PRNG seeded with `seed` (default 1), so runs are reproducible. */
  random?: () => number;
  seed?: number;
  /** Defaults to WebCrypto HS256 with `jwtSecret`. */
  auth?: Authenticator;
  jwtSecret?: string;
  users?: readonly SimUser[];
  vms?: readonly VmSpec[];
  /** Period of the status + metrics pair per socket (default 5000). */
  metricsIntervalMs?: number;
  /** One number for every action, or per action (defaults: start 1500, stop 1000, restart 2000, suspend/resume 300). */
  transitionDelayMs?: number | Partial<Record<VmAction, number>>;
  /** Pause between boot log lines; defaults to the start delay spread over the log (0 when it is short). */
  bootLineDelayMs?: number;
  /** Most messages per frame (default unlimited, like the Go server). */
  maxBatch?: number;
  tokenTtlMs?: number;
  /** Enables `sim.faults`; off by default so a demo server cannot be disrupted. */
  faults?: boolean;
}

export type { ActionResult, LoginWire } from './sim-contract.js';

export const DEFAULT_JWT_SECRET = 'libgo-reference-server-dev-secret';

export class LibGoSim implements FaultTarget, RestHost, UpgradeHost {
  readonly clock: Clock;
  readonly random: () => number;
  readonly auth: Authenticator;
  readonly metricsIntervalMs: number;
  readonly faults: FaultInjector;
  maxBatch: number;

  private readonly users: SimUser[];
  private readonly machines = new Map<string, VmMachine>();
  private readonly consoles = new Map<string, SerialConsole>();
  private readonly connections = new Set<ClientConnection>();
  private readonly delays: Record<VmAction, number>;
  private readonly bootLineDelay: number;
  private readonly tokenTtlMs: number;
  private readonly timers = new Set<TimerHandle>();
  readonly permissionOverrides = new Map<string, Set<Permission>>();
  private readonly vmSpecs: readonly VmSpec[];
  private readonly initialMaxBatch: number;
  private subMsNanos = 0;
  private disposed = false;

  constructor(options: SimOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? seededRandom(options.seed ?? 1);
    this.auth = options.auth ?? createHs256Authenticator(options.jwtSecret ?? DEFAULT_JWT_SECRET, () => this.clock.now());
    this.metricsIntervalMs = options.metricsIntervalMs ?? 5000;
    this.maxBatch = options.maxBatch ?? Infinity;
    this.tokenTtlMs = options.tokenTtlMs ?? 24 * 3600 * 1000;
    this.users = (options.users ?? DEFAULT_USERS).map((u) => ({ ...u, roles: [...u.roles] }));
    const d = options.transitionDelayMs;
    this.delays = typeof d === 'number'
      ? { start: d, stop: d, restart: d, suspend: d, resume: d }
      : { ...DEFAULT_DELAYS_MS, ...d };
    this.bootLineDelay = options.bootLineDelayMs ?? Math.floor(this.delays.start / 40);
    this.faults = new FaultInjector(this, options.faults ?? false);

    this.vmSpecs = options.vms ?? DEFAULT_VMS;
    this.initialMaxBatch = this.maxBatch;
    this.populate();
  }

  /**
   * Back to the initial inventory and settings, in place (tests hold a reference to this object):
   * sockets are closed with 1012 (service restart), pending transitions are forgotten.
   */
  /** What each VM's console received (see `consoleInputStats`). */
  private readonly inputLog = new InputLog();
  /** Set while `burst` models a client too slow to drain its queue. */
  private writerBlockedNow = false;

  /** Frames, largest frame and SHA-256 of all console input a VM received since the last reset. */
  consoleInputStats(vmName: string): Promise<ConsoleInputStats> {
    return this.inputLog.stats(vmName);
  }

  reset(): void {
    this.inputLog.clear();
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers.clear();
    for (const s of this.consoles.values()) s.dispose();
    for (const c of [...this.connections]) c.close(1012, 'simulation reset');
    this.permissionOverrides.clear();
    this.maxBatch = this.initialMaxBatch;
    this.faults.reset();
    this.populate();
  }

  private populate(): void {
    this.machines.clear();
    this.consoles.clear();
    const now = this.clock.now();
    for (const spec of this.vmSpecs) {
      const machine = new VmMachine(spec, this.random, now);
      this.machines.set(spec.name, machine);
      const serial = new SerialConsole({
        vmName: spec.name,
        cpus: spec.cpu.count,
        memMB: spec.memory.sizeMB,
        clock: this.clock,
        bootLineDelayMs: () => this.bootLineDelay,
        uptimeSeconds: () => machine.uptimeSeconds(this.clock.now()),
        emit: (content, eof = false) => this.broadcastConsole(spec.name, content, eof),
        pressure: () => this.consolePressure(spec.name),
        transportBacklog: () => this.consoleTransportBacklog(spec.name),
        blockWriter: (blocked) => {
          this.writerBlockedNow = blocked;
        },
      });
      if (machine.status === 'running' || machine.status === 'paused') serial.attachRunning();
      this.consoles.set(spec.name, serial);
    }
  }

  // ---- inventory and users -------------------------------------------------------------------

  /** RFC3339 with nanoseconds; the sub-millisecond digits vary so clients cannot assume zeros. */
  timestamp(ms = this.clock.now()): string {
    this.subMsNanos = (this.subMsNanos + 123_457) % 1_000_000;
    return rfc3339Nano(ms, this.subMsNanos);
  }

  vmNames(): string[] {
    return [...this.machines.keys()];
  }

  hasVm(name: string): boolean {
    return this.machines.has(name);
  }

  getVm(name: string): VmWire | null {
    return this.machines.get(name)?.toWire((ms) => rfc3339Nano(ms)) ?? null;
  }

  listVms(): VmWire[] {
    return [...this.machines.values()].map((m) => m.toWire((ms) => rfc3339Nano(ms)));
  }

  vmStatus(name: string): SimStatus | null {
    return this.machines.get(name)?.status ?? null;
  }

  findUser(username: string): SimUser | null {
    return this.users.find((u) => u.username === username) ?? null;
  }

  permissionsFor(user: Pick<Claims, 'username' | 'roles'>): Set<Permission> {
    return this.permissionOverrides.get(user.username) ?? permissionsForRoles(user.roles);
  }

  async login(username: string, password: string): Promise<LoginWire | null> {
    const user = this.findUser(username);
    if (!user || user.password !== password) return null;
    return this.issueLogin(user);
  }

  /** A token for a known user without a password: for tests and Storybook. */
  async issueToken(username: string): Promise<string> {
    const user = this.findUser(username);
    if (!user) throw new Error(`unknown user ${username}`);
    return (await this.issueLogin(user)).token;
  }

  private async issueLogin(user: SimUser): Promise<LoginWire> {
    const exp = Math.floor((this.clock.now() + this.tokenTtlMs) / 1000);
    const token = await this.auth.sign({ userId: user.id, username: user.username, roles: [...user.roles], exp });
    return {
      token,
      expiresAt: rfc3339Nano(exp * 1000),
      user: { id: user.id, username: user.username, email: user.email, roles: [...user.roles] },
    };
  }

  // ---- transports ------------------------------------------------------------------------------

  authorizeUpgrade(request: UpgradeRequest): Promise<UpgradeResult> {
    return authorizeUpgrade(this, request);
  }

  handleRest(request: RestRequest): Promise<RestResponse> {
    return handleRest(this, request);
  }

  /** Attach an authorised socket. Sends the welcome, then status + metrics every interval. */
  connect(params: ConnectParams, sink: ConnectionSink): SimConnection {
    if (!this.machines.has(params.vmName)) throw new Error(`unknown VM ${params.vmName}`);
    const conn = new ClientConnection(
      {
        clock: this.clock,
        timestamp: () => this.timestamp(),
        maxBatch: () => this.maxBatch,
        writerBlocked: () => this.writerBlockedNow,
        inbound: (c, text) => this.inbound(c, text),
        released: (c) => this.connections.delete(c),
      },
      params.vmName,
      params.route,
      params.user,
      sink,
    );
    this.connections.add(conn);
    conn.enqueue('connection', {
      status: 'connected',
      vmName: params.vmName,
      message: params.route === 'console' ? `Connected to VM ${params.vmName} console` : `Connected to VM ${params.vmName}`,
    });
    conn.every(this.metricsIntervalMs, () => this.tick(conn));
    return conn;
  }

  connectionsOf(vmName?: string, route?: Route): ClientConnection[] {
    return [...this.connections].filter(
      (c) => (vmName === undefined || c.vmName === vmName) && (route === undefined || c.route === route),
    );
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /**
   * Shared by the socket `command` and the REST fallback. Resolves when the transition is over;
   * an impossible transition resolves at once with `success: false`.
   */
  runAction(vmName: string, action: VmAction): Promise<ActionResult> {
    const machine = this.machines.get(vmName);
    if (!machine) return Promise.resolve({ success: false, message: `VM ${vmName} not found` });
    const reason = refusal(vmName, machine.status, machine.pending, action);
    if (reason) return Promise.resolve({ success: false, message: reason });
    machine.pending = action;
    if (action === 'stop') this.consoles.get(vmName)?.powerOff();
    return new Promise((resolve) => {
      this.after(this.delays[action], () => {
        machine.pending = null;
        const now = this.clock.now();
        const serial = this.consoles.get(vmName)!;
        if (action === 'restart') {
          machine.boot(now);
          machine.setStatus('running', now);
          serial.reboot();
        } else {
          const wasOff = machine.bootedAt === null;
          machine.setStatus(TRANSITIONS[action].to, now);
          if (action === 'start' && wasOff) serial.powerOn();
        }
        this.broadcastStatus(vmName);
        resolve({ success: true, message: `VM ${vmName} ${PAST_TENSE[action]} successfully` });
      });
    });
  }

  /** Forces a state without a command (e.g. a guest crash); the status goes out at once. */
  forceStatus(vmName: string, status: SimStatus): void {
    const machine = this.machines.get(vmName);
    if (!machine) throw new Error(`unknown VM ${vmName}`);
    const wasOn = machine.bootedAt !== null;
    machine.pending = null;
    machine.setStatus(status, this.clock.now());
    const isOn = machine.bootedAt !== null;
    const serial = this.consoles.get(vmName)!;
    if (wasOn && !isOn) serial.powerOff();
    if (!wasOn && isOn) serial.powerOn();
    this.broadcastStatus(vmName);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers.clear();
    for (const s of this.consoles.values()) s.dispose();
    for (const c of [...this.connections]) c.close(1001, 'server shutting down');
  }

  private after(ms: number, fn: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, ms);
    this.timers.add(handle);
  }

  private statusData(machine: VmMachine) {
    return machine.statusData(this.clock.now(), (ms) => this.timestamp(ms));
  }

  private broadcastStatus(vmName: string): void {
    const machine = this.machines.get(vmName)!;
    for (const c of this.connectionsOf(vmName)) c.enqueue('status', this.statusData(machine));
  }

  private tick(conn: ClientConnection): void {
    const machine = this.machines.get(conn.vmName)!;
    conn.enqueue('status', this.statusData(machine));
    if (machine.status === 'running') conn.enqueue('metrics', machine.sampleMetrics(this.clock.now()));
  }

  private broadcastConsole(vmName: string, content: string, eof: boolean): void {
    for (const c of this.connectionsOf(vmName, 'console')) c.enqueue('console', { content, eof });
  }

  private consoleTransportBacklog(vmName: string): number {
    let max = 0;
    for (const c of this.connectionsOf(vmName, 'console')) max = Math.max(max, c.transportBuffered);
    return max;
  }

  private consolePressure(vmName: string): number {
    let max = 0;
    for (const c of this.connectionsOf(vmName, 'console')) max = Math.max(max, c.queued);
    return max;
  }

  // ---- inbound messages ------------------------------------------------------------------------

  private inbound(conn: ClientConnection, text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.sendError(conn, 'INVALID_MESSAGE', 'Invalid message format');
      return;
    }
    if (!isRecord(msg) || (msg.type !== undefined && typeof msg.type !== 'string')) {
      this.sendError(conn, 'INVALID_MESSAGE', 'Invalid message format');
      return;
    }
    const type = (msg.type as string | undefined) ?? '';
    switch (type) {
      case 'heartbeat':
        // A stalled server answers nothing: that is what dead-peer detection has to notice.
        if (!conn.stalled) conn.enqueue('heartbeat', { timestamp: this.timestamp() });
        return;
      case 'command':
        this.command(conn, msg.data);
        return;
      case 'console_input':
        if (conn.route === 'console' && isRecord(msg.data) && typeof msg.data.content === 'string') {
          this.inputLog.record(conn.vmName, text, msg.data.content);
        }
        this.consoleInput(conn, msg.data);
        return;
      default:
        this.sendError(conn, 'UNKNOWN_MESSAGE_TYPE', `Unknown message type: ${type}`);
    }
  }

  private command(conn: ClientConnection, data: unknown): void {
    if (data !== undefined && !isRecord(data)) {
      this.sendError(conn, 'INVALID_MESSAGE', 'Invalid command data');
      return;
    }
    const action = data?.action;
    const requestId = typeof data?.requestId === 'string' && data.requestId !== '' ? data.requestId : randomUuid(this.random);
    if (!isAction(action)) {
      this.sendError(conn, 'INVALID_COMMAND', `Invalid command action: ${String(action ?? '')}`);
      return;
    }
    const perms = this.permissionsFor(conn.user);
    const missing = ACTION_PERMISSIONS[action].filter((p) => !perms.has(p));
    if (missing.length > 0) {
      const message = `Permission denied: ${action} requires the ${missing.join(' and ')} permission`;
      this.sendError(conn, 'AUTH_ERROR', message);
      conn.enqueue('response', { requestId, success: false, message });
      return;
    }
    void this.runAction(conn.vmName, action).then((result) => conn.enqueue('response', { requestId, ...result }));
  }

  private consoleInput(conn: ClientConnection, data: unknown): void {
    if (conn.route !== 'console') {
      this.sendError(conn, 'INVALID_MESSAGE_TYPE', 'console_input is only accepted on the console endpoint');
      return;
    }
    const content = isRecord(data) ? data.content : undefined;
    if (typeof content !== 'string') {
      this.sendError(conn, 'INVALID_CONSOLE_INPUT', 'Console input content must be a string');
      return;
    }
    if (!this.permissionsFor(conn.user).has('console')) {
      this.sendError(conn, 'AUTH_ERROR', 'Permission denied: console input requires the console permission');
      return;
    }
    if (this.machines.get(conn.vmName)!.status !== 'running') {
      this.sendError(conn, 'VM_NOT_RUNNING', `VM ${conn.vmName} is not running`);
      return;
    }
    this.consoles.get(conn.vmName)!.input(content);
  }

  private sendError(conn: ClientConnection, code: string, message: string): void {
    conn.enqueue('error', { code, message });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
