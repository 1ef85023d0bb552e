// CPU time from Linux /proc, which other load on the machine inflates far less than TaskDuration
// (a task's wall time, preemption included): the page's renderer main thread, and every Chromium
// process together (raster, compositor and display threads included). Shared by the benches.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticks(path) {
  try {
    const f = readFileSync(path, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The browser process and every process below it. */
function processTree(root) {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      parent.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
    } catch {
      // Gone between listing and reading: not ours to count.
    }
  }
  const mine = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, pp] of parent) {
      if (mine.has(pp) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  return [...mine];
}

/**
 * `snapshot()` the CPU time of a puppeteer `browser`'s processes; `between(a, b)` gives, in ms, the
 * main thread of the busiest renderer (the page's) and all of Chromium.
 */
export function cpuClock(browser) {
  return {
    snapshot() {
      const root = browser.process()?.pid;
      const pids = root ? processTree(root) : [];
      return new Map(pids.map((pid) => [pid, { main: ticks(`/proc/${pid}/task/${pid}/stat`), all: ticks(`/proc/${pid}/stat`) }]));
    },
    between(a, b) {
      let main = 0;
      let all = 0;
      for (const [pid, end] of b) {
        const start = a.get(pid) ?? { main: 0, all: 0 };
        main = Math.max(main, end.main - start.main);
        all += end.all - start.all;
      }
      return { main, all };
    },
  };
}
