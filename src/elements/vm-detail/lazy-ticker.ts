/**
 * The header's clock and uptime (uptime-ticker.ts), loaded the first time there is something to
 * count (a running VM, a reconnect countdown): never in the first paint, which knows no status
 * yet. Until it is here, the header shows the time of each render, and the uptime a moment later.
 */
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { kit, once } from '../../internal/deferred-parts.js';
import type { UptimeTicker } from './uptime-ticker.js';

const loadTicker = once(() => import('./uptime-ticker.js'));

export class LazyTicker {
  private ticker: UptimeTicker | null = null;
  private render: ((up: number, k: typeof kit) => TemplateResult) | null = null;
  private asked = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Whether there is something to count. */
    private readonly wanted: () => boolean,
  ) {}

  /** The time to show: the ticker's, else now. */
  get now(): number {
    return this.ticker?.now ?? Date.now();
  }

  /** The VM's uptime in seconds (null: not running), once the clock is here. */
  renderUptime(up: number | null | undefined): TemplateResult | typeof nothing {
    return this.render && up !== null && up !== undefined ? this.render(up, kit) : nothing;
  }

  /** Call before each render: the first time there is something to count, the ticker loads. */
  sync(): void {
    if (this.asked || !this.wanted()) return;
    this.asked = true;
    loadTicker().then(
      (m) => {
        this.ticker = new m.UptimeTicker(this.host, this.wanted);
        this.render = m.renderUptime;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        this.asked = false; // tried again at the next render that wants it
        console.warn('<vm-detail>: could not load the uptime clock:', e);
      },
    );
  }
}
