/**
 * Coalesces any number of change notifications into at most one host update per animation
 * frame, in the page-wide frame clock (so every element that changed renders in the same frame,
 * and a background tab still gets its updates: see draw-clock.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import { frameClock } from './draw-clock.js';

export class FrameBatcher {
  private readonly flush = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {}

  schedule(): void {
    frameClock.request(this.flush);
  }

  cancel(): void {
    frameClock.cancel(this.flush);
  }
}
