/**
 * Page-wide clocks: every job asked of a clock runs in its next animation frame, together, at
 * most once per the clock's interval (an idle page runs the next frame at once, so a click still
 * answers immediately). Elements get their data at their own moments (each VM's socket ticks on
 * its own phase); run separately, 100 tiles would make the browser lay out, paint and commit the
 * page 100 times a second. A page in a background tab gets no animation frames, yet hosts still
 * read element state there and a terminal must keep parsing: a timer runs the jobs when no frame
 * comes in time (browsers throttle it further in hidden tabs, which is fine).
 */
export interface DrawClock {
  /** Runs `job` in the clock's next frame (once, however often it is asked). */
  request(job: () => void): void;
  cancel(job: () => void): void;
  /** `request(job)`, returning the function that cancels it. */
  schedule(job: () => void): () => void;
}

export interface DrawClockOptions {
  /** How long to wait for an animation frame before a timer runs the jobs. Default 250 ms. */
  hiddenFallbackMs?: number;
}

export function createDrawClock(minIntervalMs: number, { hiddenFallbackMs = 250 }: DrawClockOptions = {}): DrawClock {
  const pending = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  let lastFlush = -Infinity;

  function requestFrame(): void {
    frame = requestAnimationFrame(flush);
    fallback = setTimeout(flush, hiddenFallbackMs);
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
        // One job's failure must not stop the others.
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

  const clock: DrawClock = {
    request(job) {
      pending.add(job);
      arm();
    },
    cancel(job) {
      pending.delete(job);
    },
    schedule(job) {
      clock.request(job);
      return () => clock.cancel(job);
    },
  };
  return clock;
}

/** Every frame, for element renders: one frame however many elements changed. */
export const frameClock = createDrawClock(0);
