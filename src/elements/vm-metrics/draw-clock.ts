/**
 * One page-wide clock for chart updates. Every <vm-metrics> on a page gets its samples at its own
 * moment (each VM's socket ticks on its own phase), so per-element frames would make the browser
 * paint and composite the whole page once per element per sample: with 100 tiles that is 100
 * frames a second, and the paints cost more than the charts. Here all pending chart updates run
 * together in one animation frame, at most every `MIN_INTERVAL_MS` (an idle page runs the next
 * frame at once, so a click on the window selector still answers immediately).
 */
export const MIN_INTERVAL_MS = 250;

const pending = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let frame = 0;
let lastFlush = -Infinity;

function flush(): void {
  frame = 0;
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
  const wait = lastFlush + MIN_INTERVAL_MS - performance.now();
  if (wait <= 0) {
    frame = requestAnimationFrame(flush);
    return;
  }
  timer = setTimeout(() => {
    timer = null;
    frame = requestAnimationFrame(flush);
  }, wait);
}

/** Runs `job` in the next shared chart frame (once, however often it is asked). */
export function requestChartFrame(job: () => void): void {
  pending.add(job);
  arm();
}

export function cancelChartFrame(job: () => void): void {
  pending.delete(job);
}
