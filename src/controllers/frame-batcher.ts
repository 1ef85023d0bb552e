/**
 * Coalesces any number of change notifications into at most one host update per animation
 * frame. A page in a background tab gets no animation frames, yet hosts still read element state
 * (a `status` attribute, action outcomes) there, so a timer delivers the update when no frame
 * comes within a quarter second; browsers throttle it further in hidden tabs, which is fine.
 */
import type { ReactiveControllerHost } from 'lit';

const HIDDEN_PAGE_FALLBACK_MS = 250;

export class FrameBatcher {
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  schedule(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => this.flush());
    this.timer = setTimeout(() => this.flush(), HIDDEN_PAGE_FALLBACK_MS);
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
