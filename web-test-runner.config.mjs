// @web/test-runner: browser tests in real headless Chromium against the in-process LibGo server.
// Start it with `npm run test:browser` (node --import tsx, so the TypeScript server can load).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HELP, chromiumLaunchOptions, createProfileDir, findChromium } from './scripts/find-chromium.mjs';
import { libgoServerPlugin } from './test/setup/libgo-server-plugin.mjs';
import { summaryReporter } from './test/setup/summary-reporter.mjs';
import { testRunnerHtml } from './test/setup/test-runner-html.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_HELP);

// A fresh profile per run, removed when the runner exits.
const profile = createProfileDir('libgo-wtr-');
process.once('exit', () => profile.remove());
// @web/test-runner stops cleanly (browser, LibGo servers) on SIGINT only; treat SIGTERM (CI
// cancellation, `kill`) the same way, with a deadline in case stopping hangs.
process.once('SIGTERM', () => {
  setTimeout(() => process.exit(143), 10_000).unref();
  process.emit('SIGINT', 'SIGINT');
});

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['test/**/*.test.ts', '!server/**', '!node_modules/**'],
  // Lit in dev mode: its warnings are checked by test/setup/test-runner-html.mjs.
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    // tsconfig.json sets experimentalDecorators and useDefineForClassFields: false (Lit decorators).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
    libgoServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: chromiumLaunchOptions({ executablePath, userDataDir: profile.dir }),
      // Each test page in its own window: headless Chromium runs requestAnimationFrame only in the
      // front tab of a window, so with two tabs the other file's frames would never come.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  testRunnerHtml,
  // The one-time "Lit is in dev mode" notice is expected in every file; other logs are shown.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].includes('lit.dev/msg/dev-mode')),
  // No cursor-redrawing progress output in CI logs or pipes.
  staticLogging: Boolean(process.env.CI) || !process.stdout.isTTY,
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: {
    config: { ui: 'bdd', timeout: 10_000 },
  },
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }), summaryReporter()],
};
