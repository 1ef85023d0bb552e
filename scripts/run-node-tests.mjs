// `npm run test:server`: node:test over server/test/*.test.ts (TypeScript through tsx) and
// test/node/*.test.mjs (checks of the repository's own scripts).
// (Node 20's `--test` does not expand globs itself, and an empty match must not be an error.)
// The spec reporter prints to the terminal; scripts/node-test-summary.mjs counts the same events
// into the file $LIBGO_TEST_SUMMARY names, when `npm test` asks for it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeSummary } from './check-report.mjs';

const DIRS = ['server/test', 'test/node'];
const files = DIRS.filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.test\.(ts|mjs)$/.test(e.name))
      .map((e) => join(dir, e.name)),
  )
  .sort();

if (files.length === 0) {
  console.log(`No node tests found (${DIRS.map((d) => `${d}/*.test.{ts,mjs}`).join(', ')}).`);
  writeSummary({ passed: 0, failed: 0, skipped: 0 });
  process.exit(0);
}

const summaryFile = process.env.LIBGO_TEST_SUMMARY;
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (summaryFile) reporters.push(`--test-reporter=${new URL('./node-test-summary.mjs', import.meta.url).href}`, `--test-reporter-destination=${summaryFile}`);
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...reporters, ...process.argv.slice(2), ...files], {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
});

child.on('close', (code, signal) => {
  // Crashed before the reporter could count: still one failure, not silence.
  if (summaryFile && !(existsSync(summaryFile) && readFileSync(summaryFile, 'utf8').trim())) writeSummary({ passed: 0, failed: 1 });
  process.exit(signal ? 1 : (code ?? 1));
});
