// A node:test reporter that yields one JSON line, { passed, failed, skipped }, counted from the test
// events themselves (suites are not tests). scripts/run-node-tests.mjs points its destination at
// the file $LIBGO_TEST_SUMMARY names.
export default async function* summary(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // A suite's failing hook fails its tests (cancelled), which are counted; the suite is not.
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip !== undefined || event.data.todo !== undefined) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else counts.failed += 1;
  }
  yield `${JSON.stringify(counts)}\n`;
}
