// How a check runner reports its own result: one line per check, then exactly "N passed, N failed",
// and the same counts written to the file $LIBGO_TEST_SUMMARY names (scripts/test.mjs adds them up;
// it reads nothing a runner prints).
import { writeFileSync } from 'node:fs';

/** Writes `{ passed, failed, skipped }` where `npm test` asked for it (nothing when run alone). */
export function writeSummary(counts, file = process.env.LIBGO_TEST_SUMMARY) {
  if (file) writeFileSync(file, JSON.stringify({ skipped: 0, ...counts }));
}

/**
 * A recorder of checks. `report(name, ok, detail?, ms?)` prints "ok   name (1.2 s) — detail" or
 * "FAIL …"; `finish()` prints the closing line, writes the summary and exits (1 if a check failed,
 * or if nothing ran: a runner that checked nothing has not passed).
 */
export function checkReport() {
  let passed = 0;
  let failed = 0;
  return {
    report(name, ok, detail, ms) {
      if (ok) passed += 1;
      else failed += 1;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ms !== undefined ? ` (${(ms / 1000).toFixed(1)} s)` : ''}${detail ? ` — ${detail}` : ''}`);
    },
    get counts() {
      return { passed, failed };
    },
    finish({ emptyFails = true } = {}) {
      console.log(`${passed} passed, ${failed} failed`);
      writeSummary({ passed, failed });
      process.exit(failed > 0 || (emptyFails && passed === 0) ? 1 : 0);
    },
  };
}
