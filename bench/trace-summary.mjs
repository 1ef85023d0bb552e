import { writeFileSync } from 'node:fs';
// Where a page's main thread went in a recorded trace: self time of the top timeline events, CPU
// and wall ms per second (CPU beside wall: other load on the machine inflates only the latter).
// Shared by the benches' `--trace` flags.
export function printTrace(buffer, seconds) {
  const events = JSON.parse(new TextDecoder().decode(buffer)).traceEvents ?? [];
  // The busiest renderer main thread is the page's (about:blank and others have their own).
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busyOf = (m) => events.reduce((t, e) => t + (e.ph === 'X' && e.pid === m.pid && e.tid === m.tid ? e.dur ?? 0 : 0), 0);
  const main = mains.map((m) => [m, busyOf(m)]).sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events
    .filter((e) => e.ph === 'X' && e.dur && main && e.pid === main.pid && e.tid === main.tid)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Thread time (tdur, CPU) beside wall time (dur): other load on the machine inflates only the latter.
  const self = new Map();
  const cpu = new Map();
  const count = new Map();
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
      cpu.set(parent.name, (cpu.get(parent.name) ?? 0) - (e.tdur ?? 0));
    }
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    cpu.set(e.name, (cpu.get(e.name) ?? 0) + (e.tdur ?? 0));
    count.set(e.name, (count.get(e.name) ?? 0) + 1);
    stack.push(e);
  }
  const top = [...cpu].sort((a, b) => b[1] - a[1]).slice(0, 14);
  console.log(`    ${'(self time per event)'.padEnd(40)}  CPU ms/s   wall ms/s  count/s`);
  console.log(
    top
      .map(([n, us]) => `    ${n.padEnd(40)} ${(us / 1000 / seconds).toFixed(2).padStart(8)}  ${(self.get(n) / 1000 / seconds).toFixed(2).padStart(9)}  ${(count.get(n) / seconds).toFixed(1).padStart(6)}`)
      .join('\n'),
  );
}

/** Script time per second, by function (self time, from a sampled CPU profile), under `what`. */
export function printProfile(what, profile, seconds) {
  // BENCH_PROFILE_DIR=<dir> keeps the profile (.cpuprofile: DevTools opens it, with callers).
  if (process.env.BENCH_PROFILE_DIR) writeFileSync(`${process.env.BENCH_PROFILE_DIR}/${what.replace(/[^\w.-]+/g, '_')}.cpuprofile`, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  let total = 0;
  for (const ms of selfMs.values()) total += ms;
  console.log(`  ${what} (sampled), ${(total / seconds).toFixed(1)} ms/s:`);
  for (const [k, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${(ms / seconds).toFixed(2).padStart(8)} ms/s  ${k}`);
}
