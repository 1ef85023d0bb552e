/**
 * One VM's runtime state: lifecycle status and the counters behind `metrics`. Lifecycle timing
 * (delays, responses) lives in the simulator; this class only holds and samples state.
 */
import type { VmSpec, VmWire } from './vm-fixtures.js';

export type SimStatus = 'running' | 'stopped' | 'paused' | 'shutdown' | 'crashed' | 'suspended' | 'error' | 'unknown';

export interface MetricsWire {
  cpu: { utilization: number };
  memory: { used: number; total: number };
  network: { rxBytes: number; txBytes: number };
  disk: { readBytes: number; writeBytes: number };
}

const DEFAULT_LOAD = { cpu: 25, memory: 0.5, rxBps: 200_000, txBps: 100_000, readBps: 500_000, writeBps: 250_000 };

export class VmMachine {
  status: SimStatus;
  lastStateChange: number;
  /** When the guest booted (ms), null while it is off. Pausing does not stop the guest's uptime. */
  bootedAt: number | null = null;
  /** The action being carried out, so a second command during a transition is refused. */
  pending: string | null = null;

  private counters = { rxBytes: 0, txBytes: 0, readBytes: 0, writeBytes: 0 };
  private lastSample: number;
  private cpu: number;
  private memFraction: number;
  private readonly load: NonNullable<VmSpec['load']>;

  constructor(
    readonly spec: VmSpec,
    private readonly random: () => number,
    now: number,
  ) {
    this.status = spec.initialStatus;
    this.load = spec.load ?? DEFAULT_LOAD;
    this.cpu = this.load.cpu;
    this.memFraction = this.load.memory;
    this.lastStateChange = now - (spec.initialUptimeSeconds ?? 3600) * 1000;
    this.lastSample = now;
    if (this.status === 'running' || this.status === 'paused') {
      const uptime = spec.initialUptimeSeconds ?? 3600;
      this.bootedAt = now - uptime * 1000;
      // A VM that has been up for days has large counters; starting them at 0 would look like a reset.
      this.counters = {
        rxBytes: Math.round(this.load.rxBps * uptime * 0.6),
        txBytes: Math.round(this.load.txBps * uptime * 0.6),
        readBytes: Math.round(this.load.readBps * uptime * 0.6),
        writeBytes: Math.round(this.load.writeBps * uptime * 0.6),
      };
    }
  }

  get name(): string {
    return this.spec.name;
  }

  setStatus(status: SimStatus, now: number): void {
    const wasOn = this.bootedAt !== null;
    const isOn = status === 'running' || status === 'paused';
    if (isOn && !wasOn) this.boot(now);
    if (!isOn) this.bootedAt = null;
    this.status = status;
    this.lastStateChange = now;
  }

  /** A (re)boot: uptime and the cumulative counters start again from zero, as libvirt reports them. */
  boot(now: number): void {
    this.bootedAt = now;
    this.lastSample = now;
    this.counters = { rxBytes: 0, txBytes: 0, readBytes: 0, writeBytes: 0 };
  }

  uptimeSeconds(now: number): number {
    return this.bootedAt === null ? 0 : Math.max(0, Math.floor((now - this.bootedAt) / 1000));
  }

  statusData(now: number, format: (ms: number) => string) {
    return { status: this.status, lastStateChange: format(this.lastStateChange), uptime: this.uptimeSeconds(now) };
  }

  /** Advances the counters to `now` at a wandering rate; several sockets may sample the same VM. */
  sampleMetrics(now: number): MetricsWire {
    const dt = Math.max(0, now - this.lastSample) / 1000;
    this.lastSample = now;
    const running = this.status === 'running';
    this.cpu = clamp(this.cpu + (this.random() - 0.5) * 12 + (this.load.cpu - this.cpu) * 0.2, 0.5, 99.5);
    this.memFraction = clamp(this.memFraction + (this.random() - 0.5) * 0.04, 0.1, 0.97);
    if (running) {
      const jitter = () => 0.5 + this.random();
      this.counters.rxBytes += Math.round(this.load.rxBps * dt * jitter());
      this.counters.txBytes += Math.round(this.load.txBps * dt * jitter());
      this.counters.readBytes += Math.round(this.load.readBps * dt * jitter());
      this.counters.writeBytes += Math.round(this.load.writeBps * dt * jitter());
    }
    const total = this.spec.memory.sizeBytes;
    return {
      cpu: { utilization: running ? Math.round(this.cpu * 100) / 100 : 0 },
      memory: { used: Math.round(total * this.memFraction), total },
      network: { rxBytes: this.counters.rxBytes, txBytes: this.counters.txBytes },
      disk: { readBytes: this.counters.readBytes, writeBytes: this.counters.writeBytes },
    };
  }

  toWire(format: (ms: number) => string): VmWire {
    const rest = this.spec;
    return {
      name: rest.name,
      uuid: rest.uuid,
      description: rest.description,
      status: this.status,
      createdAt: rest.createdAt || format(0),
      cpu: { ...rest.cpu },
      memory: { ...rest.memory },
      disks: rest.disks.map((d) => ({ ...d })),
      networks: rest.networks.map((n) => ({ ...n })),
    };
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
