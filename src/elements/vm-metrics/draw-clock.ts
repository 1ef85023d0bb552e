/**
 * Page-wide clocks for chart updates. Every <vm-metrics> on a page gets its samples at its own
 * moment (each VM's socket ticks on its own phase), so per-element frames would make the browser
 * paint and composite the whole page once per element per sample: with 100 tiles that is 100
 * frames a second, and the paints cost more than the charts. Here all pending updates of a clock
 * run together in one animation frame, at most once per its interval (an idle page runs the next
 * frame at once, so a click on the window selector still answers immediately). A page in a
 * background tab gets no animation frames; a timer runs the jobs there (their draws are skipped
 * while hidden, but renders and `updateComplete` must not wait for the tab to be shown).
 */
export interface DrawClock {
  /** Runs `job` in the clock's next frame (once, however often it is asked). */
  request(job: () => void): void;
  cancel(job: () => void): void;
}

/** Full panels: a chart that is read closely, four updates a second at most. */
export const MIN_INTERVAL_MS = 250;

/**
 * Compact tiles: a dashboard of glanceable sparklines, once a second at most. A frame in which 100
 * tiles change costs Chromium about 75 ms of main thread (new text to lay out, 400 canvas bitmaps
 * to commit; bench/metrics --trace), so a big dashboard needs few such frames; LibGo samples every
 * 5 s, so no sample is ever held back longer than a second.
 */
export const SPARKLINE_INTERVAL_MS = 1000;

const HIDDEN_PAGE_FALLBACK_MS = 250;

export function createDrawClock(minIntervalMs: number): DrawClock {
  const pending = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  let lastFlush = -Infinity;

  function requestFrame(): void {
    frame = requestAnimationFrame(flush);
    fallback = setTimeout(flush, HIDDEN_PAGE_FALLBACK_MS);
  }

  function flush(): void {
    if (frame !== 0) cancelAnimationFrame(frame);
    if (fallback !== null) clearTimeout(fallback);
    frame = 0;
    fallback = null;
    lastFlush = performance.now();
    const jobs = [...pending];
    pending.clear();
    for (const job of jobs) {
      try {
        job();
      } catch (e) {
        // One element's failure must not stop the others' charts.
        console.error(e);
      }
    }
  }

  function arm(): void {
    if (timer !== null || frame !== 0) return;
    const wait = lastFlush + minIntervalMs - performance.now();
    if (wait <= 0) {
      requestFrame();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      requestFrame();
    }, wait);
  }

  return {
    request(job) {
      pending.add(job);
      arm();
    },
    cancel(job) {
      pending.delete(job);
    },
  };
}

export const chartClock = createDrawClock(MIN_INTERVAL_MS);
export const sparklineClock = createDrawClock(SPARKLINE_INTERVAL_MS);
