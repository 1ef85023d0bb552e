// `npm test`: every quality gate, then every test suite, in order; stops at the first failure.
//   typecheck (tsc, then server/ with Node types) → eslint → lit-analyzer → custom-elements.json check → React/Vue typings generated from it → byte budget → node tests → browser tests → Storybook stories → package → host apps → nginx front proxy
// The last line printed is exactly "N passed, N failed" (individual tests, node + browser).
// `npm test -- --from=test:server` starts at that step (for local iteration; CI runs them all).
import { spawn, spawnSync } from 'node:child_process';
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
    // stdout is passed through and its tail kept, so a step's own "N passed, N failed" line counts.
    current = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let tail = '';
    current.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4096);
    });
    current.on('error', (error) => resolve({ code: 127, error, tail }));
    current.on('close', (code, signal) => resolve({ code: signal ? 1 : code, tail }));
  });
}

/** The last plain "N passed, N failed" line a step printed, if any. */
function plainCounts(tail) {
  const all = [...tail.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
  const last = all.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}

function ensureChromium() {
  let found;
  try {
    found = findChromium();
  } catch (error) {
    finish(1, error.message); // CHROME_PATH set but wrong: say so, do not install anything
  }
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) finish(1, CHROMIUM_HELP);
  console.log('No Chromium found; installing Debian\'s chromium with apt-get (running as root).');
  const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y --no-install-recommends chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  found = install.status === 0 ? findChromium() : undefined;
  if (!found) finish(1, `Installing chromium failed. ${CHROMIUM_HELP}`);
  return found;
}

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);

// The front-proxy checks (scripts/test-nginx.mjs) run Debian's nginx with its njs module; like
// Chromium, installed with apt-get when missing and run as root, else named.
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const NJS_MODULE = '/usr/lib/nginx/modules/ngx_http_js_module.so';
function ensureNginx() {
  if (existsSync(NGINX) && (process.env.NGINX_PATH || existsSync(NJS_MODULE))) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const help = "The front-proxy checks need Debian's nginx and its njs module: apt-get install nginx libnginx-mod-http-js (or set NGINX_PATH).";
  if (!isRoot || !hasApt) finish(1, help);
  console.log("No nginx with njs found; installing Debian's nginx and libnginx-mod-http-js with apt-get (running as root).");
  const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y --no-install-recommends nginx libnginx-mod-http-js'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0 || !existsSync(NGINX)) finish(1, `Installing nginx failed. ${help}`);
}
ensureNginx();

/** @type {{ name: string, script: string, when?: () => boolean, counts?: boolean }[]} */
const steps = [
  { name: 'typecheck (tsc -p tsconfig.json)', script: 'typecheck' },
  { name: 'typecheck server (tsc -p server/tsconfig.json, Node types)', script: 'typecheck:node', when: () => existsSync('server/tsconfig.json') },
  { name: 'eslint', script: 'lint' },
  { name: 'lit-analyzer (strict)', script: 'lint:lit', when: () => existsSync('src') },
  { name: 'custom-elements.json is current', script: 'check:manifest' },
  { name: 'React and Vue typings are what custom-elements.json generates', script: 'check:typings' },
  { name: 'first-paint byte budget (vm-detail ≤ 26 KB gzip; no xterm/Chart.js before paint)', script: 'check:size', counts: true },
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

for (const [index, step] of steps.entries()) {
  if (index < first) continue;
  if (step.when && !step.when()) {
    console.log(`\n── ${index + 1}/${steps.length} ${step.name}: skipped (not applicable yet)`);
    continue;
  }
  console.log(`\n── ${index + 1}/${steps.length} ${step.name}  (npm run ${step.script})`);
  const summaryFile = join(scratch, `${step.script.replace(/\W/g, '_')}.json`);
  const env = step.counts ? { LIBGO_TEST_SUMMARY: summaryFile, CHROME_PATH: chromium } : { CHROME_PATH: chromium };
  const { code, error, tail } = await run(npm.command, [...npm.prefix, 'run', '--silent', step.script], env);
  if (step.counts) {
    const counts = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : plainCounts(tail ?? '');
    if (counts) {
      totals.passed += counts.passed ?? 0;
      totals.failed += counts.failed ?? 0;
      totals.skipped += counts.skipped ?? 0;
    } else if (code !== 0) {
      totals.failed += 1; // the runner died before it could count anything
    }
  }
  if (code !== 0) {
    finish(1, `FAILED: ${step.name} (npm run ${step.script}${error ? `: ${error.message}` : `, exit code ${code}`}).`);
  }
}

finish(totals.failed > 0 ? 1 : 0);
