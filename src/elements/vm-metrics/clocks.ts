/**
 * The draw clocks of <vm-metrics> (see internal/draw-clock.ts): every chart on the page updates
 * in the same frame, at most at its cadence.
 */
import { createDrawClock } from '../../internal/draw-clock.js';

/** Full panels: a chart that is read closely, four updates a second at most. */
export const MIN_INTERVAL_MS = 250;

/**
 * Compact tiles: a dashboard of glanceable sparklines, once a second at most. A frame in which 100
 * tiles change costs Chromium about 75 ms of main thread (new text to lay out, 400 canvas bitmaps
 * to commit; bench/metrics --trace), so a big dashboard needs few such frames; LibGo samples every
 * 5 s, so no sample is ever held back longer than a second.
 */
export const SPARKLINE_INTERVAL_MS = 1000;

export const chartClock = createDrawClock(MIN_INTERVAL_MS);
export const sparklineClock = createDrawClock(SPARKLINE_INTERVAL_MS);
