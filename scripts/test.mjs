// `npm test`: every quality gate, then every test suite, in order; stops at the first failure.
//   typecheck (tsc, then server/ with Node types) → eslint → lit-analyzer → custom-elements.json check → React/Vue typings generated from it → translations complete → byte budget → node tests → browser tests → Storybook stories → package → host apps → nginx front proxy
// The last line printed is exactly "N passed, N failed" (individual tests, node + browser).
// `npm test -- --from=test:server` starts at that step (for local iteration; CI runs them all).
// Each counting step reports its own result into the JSON file LIBGO_TEST_SUMMARY names
// (scripts/check-report.mjs, scripts/node-test-summary.mjs, test/setup/summary-reporter.mjs);
// nothing a step prints is parsed here.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_HELP, findChromium } from './find-chromium.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'libgo-test-'));
let current; // the running child process

function finish(code, message) {
  rmSync(scratch, { recursive: true, force: true });
  if (message) console.error(`\n${message}`);
  if (totals.skipped > 0) console.log(`(${totals.skipped} skipped)`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    current?.kill(signal);
    finish(130, `Interrupted (${signal}).`);
  });
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    current = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    current.on('error', (error) => resolve({ code: 127, error }));
    current.on('close', (code, signal) => resolve({ code: signal ? 1 : code }));
  });
}

// System packages are installed by .ci/run (as root, in CI), never here: on a developer's machine
// a missing one is named, with the command that installs it, before the first step runs.
function requireChromium() {
  try {
    const found = findChromium();
    if (found) return found;
  } catch (error) {
    finish(1, error.message); // CHROME_PATH set but wrong
  }
  return finish(1, CHROMIUM_HELP);
}

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const NJS_MODULE = '/usr/lib/nginx/modules/ngx_http_js_module.so';
function requireNginx() {
  if (existsSync(NGINX) && (process.env.NGINX_PATH || existsSync(NJS_MODULE))) return;
  finish(1, "The front-proxy checks (npm run test:nginx) need Debian's nginx and its njs module: sudo apt-get install -y nginx libnginx-mod-http-js (or set NGINX_PATH).");
}

/** @type {{ name: string, script: string, when?: () => boolean, counts?: boolean }[]} */
const steps = [
  { name: 'typecheck (tsc -p tsconfig.json)', script: 'typecheck' },
  { name: 'typecheck server (tsc -p server/tsconfig.json, Node types)', script: 'typecheck:node', when: () => existsSync('server/tsconfig.json') },
  { name: 'eslint', script: 'lint' },
  { name: 'lit-analyzer (strict)', script: 'lint:lit', when: () => existsSync('src') },
  { name: 'custom-elements.json is current', script: 'check:manifest' },
  { name: 'React and Vue typings are what custom-elements.json generates', script: 'check:typings' },
  { name: 'translations: every message of every shipped locale translated, src/locales built from xliff/', script: 'check:localize' },
  { name: 'first-paint byte budget (vm-detail ≤ 26.5 KB gzip; no xterm/Chart.js before paint)', script: 'check:size', counts: true },
  { name: 'node tests (server/test, test/node)', script: 'test:server', counts: true },
  { name: 'browser tests (Chromium)', script: 'test:browser', counts: true },
  { name: 'Storybook: build, then render every story (console errors, axe)', script: 'test:stories', counts: true },
  { name: 'package: npm pack, install the tarball, resolve every export, bundle and typecheck against it', script: 'test:package', counts: true },
  { name: 'hosts: plain HTML, React, Vue, Angular apps, strict CSP, two copies (against the packed tarball)', script: 'test:examples', counts: true },
  { name: 'front proxy: plain HTML and React through nginx (deploy/nginx) to LibGo-strict, query and subprotocol tokens over wss, no token in the logs', script: 'test:nginx', counts: true },
];

const npm = process.env.npm_execpath
  ? { command: process.execPath, prefix: [process.env.npm_execpath] }
  : { command: 'npm', prefix: [] };

const fromArg = process.argv.slice(2).find((arg) => arg.startsWith('--from='))?.slice('--from='.length);
const first = fromArg ? steps.findIndex((step) => step.script === fromArg) : 0;
if (first < 0) finish(2, `Unknown --from step "${fromArg}"; one of: ${steps.map((s) => s.script).join(', ')}.`);

const chromium = requireChromium();
console.log(`Chromium: ${chromium}`);
if (steps.slice(first).some((step) => step.script === 'test:nginx')) requireNginx();

for (const [index, step] of steps.entries()) {
  if (index < first) continue;
  if (step.when && !step.when()) {
    console.log(`\n── ${index + 1}/${steps.length} ${step.name}: skipped (not applicable yet)`);
    continue;
  }
  console.log(`\n── ${index + 1}/${steps.length} ${step.name}  (npm run ${step.script})`);
  const summaryFile = join(scratch, `${step.script.replace(/\W/g, '_')}.json`);
  const env = step.counts ? { LIBGO_TEST_SUMMARY: summaryFile, CHROME_PATH: chromium } : { CHROME_PATH: chromium };
  const { code, error } = await run(npm.command, [...npm.prefix, 'run', '--silent', step.script], env);
  const failedBefore = totals.failed;
  if (step.counts) {
    if (existsSync(summaryFile)) {
      const counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
      totals.passed += counts.passed ?? 0;
      totals.failed += counts.failed ?? 0;
      totals.skipped += counts.skipped ?? 0;
    } else {
      totals.failed += 1; // the runner died before it could count, or does not report: either is a failure
      if (code === 0) finish(1, `FAILED: ${step.name} exited 0 without writing its result to LIBGO_TEST_SUMMARY.`);
    }
  }
  if (code !== 0) {
    // A step that failed without counting a failure (a type check, a linter, a crash) is one: the
    // closing line must never read "0 failed" for a red run.
    if (totals.failed === failedBefore) totals.failed += 1;
    finish(1, `FAILED: ${step.name} (npm run ${step.script}${error ? `: ${error.message}` : `, exit code ${code}`}).`);
  }
}

finish(totals.failed > 0 ? 1 : 0);
