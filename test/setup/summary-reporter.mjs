// A @web/test-runner reporter that counts individual tests and, when LIBGO_TEST_SUMMARY names a
// file, writes { passed, failed, skipped, fileErrors } there (read by scripts/test.mjs).
// A test file that fails without a failing test (it did not load, a hook threw, an uncaught error,
// a Lit warning after the last test) counts as one failed test, so it cannot vanish from the count.
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countSessions(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
  for (const session of sessions) {
    const before = counts.failed;
    countSuite(session.testResults, counts);
    const fileFailed = !session.passed || (session.errors?.length ?? 0) > 0;
    if (fileFailed && counts.failed === before) {
      counts.failed += 1;
      counts.fileErrors += 1;
    }
  }
  return counts;
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter({ file = process.env.LIBGO_TEST_SUMMARY } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = countSessions(sessions);
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
