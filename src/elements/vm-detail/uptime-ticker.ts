/**
 * A clock for the header's uptime and retry countdown: it ticks once a second while there is
 * something to count and the element can be seen (on screen, page visible), and not otherwise.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class UptimeTicker implements ReactiveController {
  /** The time to show, moved on every second while ticking. */
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private visible = true;
  private observer: IntersectionObserver | null = null;
  private readonly onVisibility = () => this.sync();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Whether there is something to count (a running VM, a reconnect countdown). */
    private readonly wanted: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.observer = new IntersectionObserver((entries) => {
      this.visible = entries.some((e) => e.isIntersecting);
      this.sync();
    });
    this.observer.observe(this.host);
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.observer?.disconnect();
    this.observer = null;
    this.stop();
  }

  private sync(): void {
    const wants = this.host.isConnected && this.visible && document.visibilityState === 'visible' && this.wanted();
    if (wants && !this.timer) {
      this.timer = setInterval(() => {
        this.now = Date.now();
        this.host.requestUpdate();
      }, 1000);
    } else if (!wants) this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
