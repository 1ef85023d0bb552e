/**
 * Coalesces any number of change notifications into at most one host update per animation
 * frame. While the page is hidden, rAF does not run, so no render work happens until it is
 * visible again, and then it catches up in one go.
 */
import type { ReactiveControllerHost } from 'lit';

export class FrameBatcher {
  private frame: number | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  schedule(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.host.requestUpdate();
    });
  }

  cancel(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }
}
