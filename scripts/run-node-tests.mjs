// `npm run test:server`: node:test over server/test/*.test.ts (TypeScript through tsx) and
// test/node/*.test.mjs (checks of the repository's own scripts).
// (Node 20's `--test` does not expand globs itself, and an empty match must not be an error.)
// Streams the spec reporter's output; when LIBGO_TEST_SUMMARY names a file, writes
// { passed, failed, skipped } there, taken from node:test's own closing summary.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIRS = ['server/test', 'test/node'];
const files = DIRS.filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.test\.(ts|mjs)$/.test(e.name))
      .map((e) => join(dir, e.name)),
  )
  .sort();

function writeSummary(counts) {
  if (process.env.LIBGO_TEST_SUMMARY) writeFileSync(process.env.LIBGO_TEST_SUMMARY, JSON.stringify(counts));
}

if (files.length === 0) {
  console.log(`No node tests found (${DIRS.map((d) => `${d}/*.test.{ts,mjs}`).join(', ')}).`);
  writeSummary({ passed: 0, failed: 0, skipped: 0 });
  process.exit(0);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } },
);

let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4096);
});

child.on('close', (code, signal) => {
  // Closing summary lines look like "ℹ pass 12" (spec) or "# pass 12" (tap).
  // Strip ANSI colour codes before matching.
  const text = tail.replace(/\x1b\[[0-9;]*m/g, '');
  const count = (name) => {
    const all = [...text.matchAll(new RegExp(`^\\s*[ℹ#] ${name} (\\d+)\\s*$`, 'gm'))];
    return all.length ? Number(all.at(-1)[1]) : 0;
  };
  const counts = {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting
  writeSummary(counts);
  process.exit(signal ? 1 : (code ?? 1));
});
