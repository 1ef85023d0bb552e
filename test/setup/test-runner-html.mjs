// The HTML page @web/test-runner loads for every test file. Before the test framework runs it
// installs a console.warn hook that records Lit dev-mode warnings (every one of them carries a
// "lit.dev/msg/<code>" link), and as soon as mocha exists it adds two root hooks:
//   afterEach — a test during which Lit warned is marked failed, with the warnings as the error
//               (the test is failed in place, so the rest of the file still runs);
//   after     — warnings issued after the last test fail the file as a hook error.
// The one-time "Lit is in dev mode" notice (code dev-mode) is expected and ignored.
// A test that provokes a warning on purpose calls allowLitWarning(code) from test/setup/lit.ts.

const litWarningHook = `
(() => {
  const state = (globalThis.__libgoLitWarnings = { seen: [], allowed: new Set(), ignored: new Set(['dev-mode']) });
  const codeOf = (text) => (/lit\\.dev\\/msg\\/([a-z0-9-]+)/i.exec(text) || [])[1];
  const warn = console.warn;
  console.warn = function (...args) {
    const text = args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : '')).join(' ');
    const code = codeOf(text);
    if (code && !state.ignored.has(code)) state.seen.push({ code, text });
    return warn.apply(this, args);
  };
  const take = () => {
    const found = state.seen.filter((w) => !state.allowed.has(w.code));
    state.seen = [];
    state.allowed.clear();
    return found;
  };
  const describeAll = (found) =>
    'Lit dev-mode warning(s):\\n' + found.map((w) => '  [' + w.code + '] ' + w.text).join('\\n');
  const install = (mocha) => {
    if (!mocha || !mocha.suite || state.installed) return;
    state.installed = true;
    mocha.suite.afterEach('Lit dev-mode warnings', function () {
      const found = take();
      const test = this.currentTest;
      if (found.length === 0 || !test) return;
      const error = new Error(describeAll(found));
      if (test.state === 'failed' && test.err) {
        test.err.message += '\\n' + error.message;
      } else {
        test.state = 'failed';
        test.err = error;
      }
    });
    mocha.suite.afterAll('Lit dev-mode warnings after the last test', function () {
      const found = take();
      if (found.length > 0) throw new Error(describeAll(found));
    });
  };
  // The mocha bundle assigns globalThis.mocha while it loads; catch that moment.
  let value;
  Object.defineProperty(globalThis, 'mocha', {
    configurable: true,
    get: () => value,
    set: (v) => { value = v; install(v); },
  });
})();
`;

/** @param {string} testFramework */
export function testRunnerHtml(testFramework) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>libgo-vm-elements tests</title>
  </head>
  <body>
    <script>${litWarningHook}</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}
