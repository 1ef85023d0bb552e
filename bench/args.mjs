// The command line of bench/run.mjs: benchmark names first, then flags for every benchmark, passed
// on whole. A flag's value is the flag's (`--only heap-hour`, `--renderer "virtual grid"`), so
// everything from the first `--` argument on belongs to the flags, never to the names.
export function splitBenchArgs(args) {
  const first = args.findIndex((a) => a.startsWith('--'));
  const end = first < 0 ? args.length : first;
  return { names: args.slice(0, end), flags: args.slice(end) };
}
