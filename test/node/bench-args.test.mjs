// bench/run.mjs's command line: `npm run bench:fleet -- --only heap-hour` (as the README says)
// must run the fleet benchmark with both words as its flag, not look for a benchmark "heap-hour".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBenchArgs } from '../../bench/args.mjs';

test('a flag keeps its value', () => {
  assert.deepEqual(splitBenchArgs(['fleet', '--only', 'heap-hour']), { names: ['fleet'], flags: ['--only', 'heap-hour'] });
  assert.deepEqual(splitBenchArgs(['fleet', '--quick', '--renderer', 'virtual grid', '--seconds', '2']), {
    names: ['fleet'],
    flags: ['--quick', '--renderer', 'virtual grid', '--seconds', '2'],
  });
});

test('names only, flags only, nothing', () => {
  assert.deepEqual(splitBenchArgs(['console', 'metrics']), { names: ['console', 'metrics'], flags: [] });
  assert.deepEqual(splitBenchArgs(['--quick']), { names: [], flags: ['--quick'] });
  assert.deepEqual(splitBenchArgs([]), { names: [], flags: [] });
});
