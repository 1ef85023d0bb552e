/**
 * Full screen for the console: the browser's own where it is allowed, else (an iframe without
 * `allowfullscreen`) the element fills the viewport, marked `data-fullscreen="fallback"` for CSS.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PageListenersController } from '../../controllers/page-listeners-controller.js';

export type FullscreenMode = 'native' | 'fallback' | null;

export class ConsoleFullscreen implements ReactiveController {
  private modeValue: FullscreenMode = null;

  constructor(private readonly host: HTMLElement & ReactiveControllerHost) {
    host.addController(this);
    new PageListenersController(host).on(
      () => document,
      'fullscreenchange',
      () => this.set(document.fullscreenElement === host ? 'native' : this.modeValue === 'fallback' ? 'fallback' : null),
    );
  }

  get mode(): FullscreenMode {
    return this.modeValue;
  }

  async toggle(): Promise<void> {
    const el = this.host;
    if (document.fullscreenElement === el) {
      await document.exitFullscreen().catch(() => undefined);
      return;
    }
    if (this.modeValue === 'fallback') {
      this.set(null);
      return;
    }
    if (document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      try {
        await el.requestFullscreen();
        this.set('native');
        return;
      } catch {
        // Not allowed here (an iframe without allowfullscreen): fill the viewport instead.
      }
    }
    this.set('fallback');
  }

  hostDisconnected(): void {
    if (this.modeValue === 'fallback') this.set(null);
  }

  private set(mode: FullscreenMode): void {
    if (mode === this.modeValue) return;
    this.modeValue = mode;
    if (mode === 'fallback') this.host.dataset.fullscreen = 'fallback';
    else delete this.host.dataset.fullscreen;
    this.host.requestUpdate();
  }
}
