/**
 * A clock for the header's uptime and retry countdown: it ticks once a second while there is
 * something to count and the element can be seen (on screen, page visible), and not otherwise.
 * The page's visibility comes through the library's one listener controller
 * (controllers/page-listeners-controller.ts). Loaded when there is first something to count
 * (lazy-ticker.ts), with the uptime it shows; Lit and the words come from the element (`Kit`).
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { PageListenersController } from '../../controllers/page-listeners-controller.js';
import type { Kit } from '../../internal/deferred-kit.js';
import { formatUptime } from '../../metrics/format.js';

/** "up 3 h 12 min", with the exact seconds for machines and screen readers. */
export function renderUptime(up: number, { html, msg, str, locale: activeLocale }: Kit): TemplateResult {
  const secs = Math.floor(up);
  const locale = activeLocale();
  const count = secs.toLocaleString(locale);
  const time = html`<time datetime="PT${secs}S"><bdi>${formatUptime(secs, locale)}</bdi></time>`;
  return html`<span class="uptime" title=${msg(str`Up for ${count} seconds`, { id: 'detail.uptime.title' })}
    ><span class="visually-hidden">${msg('Uptime', { id: 'detail.uptime' })} </span>${msg('up', { id: 'detail.up' })} ${time}</span
  >`;
}

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
