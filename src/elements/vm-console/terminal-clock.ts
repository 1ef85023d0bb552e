/** The console's frame clock, shared by its write queue and its fitting (one clock, one frame). */
import { createDrawClock } from '../../internal/draw-clock.js';

// rAF does not run in a background tab; the terminal still has to keep up (it parses without
// rendering), so a timer takes over after 100 ms. Background timers are throttled, which is fine.
const terminalClock = createDrawClock(0, { hiddenFallbackMs: 100 });

/** Runs `fn` in the next animation frame (or soon, in a hidden tab); returns a cancel function. */
export const frameScheduler = (fn: () => void): (() => void) => terminalClock.schedule(fn);
