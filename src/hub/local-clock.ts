/**
 * The clocks a monitor session measures the server's timestamps against.
 *
 * `monotonic` never steps (the OS clock may, and so may the server's): it is what tells a server
 * clock step from the time that really passed between two samples. `wall` is the page's clock,
 * for what must outlive the page (stored histories). Injected timers (tests, the in-page peer) are
 * one clock for both, since they drive time themselves.
 */
import { realTimers, type Timers } from '../transport/timers.js';

export interface LocalClock {
  monotonic(): number;
  wall(): number;
}

export function localClock(timers: Timers): LocalClock {
  if (timers === realTimers) {
    return { monotonic: () => performance.now(), wall: () => Date.now() };
  }
  return { monotonic: () => timers.now(), wall: () => timers.now() };
}
