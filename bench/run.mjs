#!/usr/bin/env node
// Runs the benchmarks named on the command line (all when none): bench/<name>/run.mjs each.
// Arguments from the first one starting with `--` on (e.g. `--quick`, `--only heap-hour`) are passed
// on to every benchmark run.
// Benchmarks print ratios measured side by side in one run; they never fail on timing.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitBenchArgs } from './args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'run.mjs')))
  .map((d) => d.name)
  .sort();
const { names: wanted, flags } = splitBenchArgs(process.argv.slice(2));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ') || 'none'}.`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, name, 'run.mjs'), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
