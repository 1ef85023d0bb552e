/**
 * A clock for the header's uptime and retry countdown: it ticks once a second while there is
 * something to count and the element can be seen (on screen, page visible), and not otherwise.
 * The page's visibility comes through the library's one listener controller
 * (controllers/page-listeners-controller.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PageListenersController } from '../../controllers/page-listeners-controller.js';

export class UptimeTicker implements ReactiveController {
  /** The time to show, moved on every second while ticking. */
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private onScreen = true;
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Whether there is something to count (a running VM, a reconnect countdown). */
    private readonly wanted: () => boolean,
  ) {
    host.addController(this);
    new PageListenersController(host).onVisibility(() => this.sync());
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries.some((e) => e.isIntersecting);
      this.sync();
    });
    this.observer.observe(this.host);
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.stop();
  }

  private sync(): void {
    const wants = this.host.isConnected && this.onScreen && !document.hidden && this.wanted();
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
