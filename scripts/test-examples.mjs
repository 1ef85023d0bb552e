/* global document, customElements -- page.evaluate callbacks run in the browser */
// `npm run test:examples`: first the README's plain-HTML snippet exactly as written (only its example
// server address replaced); then builds every example host app (examples/*) against the built package,
// serves it on 127.0.0.1 next to a reference LibGo server, and drives it in headless Chromium:
// sign in, see web-01 "Running" live, suspend and resume it (the host app must receive
// `vm-action-result`), see the metrics charts, and type `echo hello-<host>` into the console with
// the keyboard. Then the embedding checks in test/embedding/ (CSP, two copies on one page).
// Any page error, console error or failed request fails the host.
// One line per check, then exactly "N passed, N failed" (scripts/check-report.mjs); exit 1 if anything failed.
//   node scripts/test-examples.mjs [--only=react-tags,vue] [--keep] [--dist]
//   By default every app runs against the package as published: the `npm pack` tarball installed
//   into a temp project (offline). --dist: against the repo's dist/ instead (faster iteration).
//   --keep: the builds stay in examples/<app>/dist.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, repoRoot, startLibGoServer, until, waitDeep } from '../test/embedding/harness.mjs';
import { checkReport } from './check-report.mjs';
import { launchBrowser, serveStatic, watchPage } from './serve-and-launch.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const keep = args.includes('--keep');
const packed = !args.includes('--dist');
const scratch = mkdtempSync(join(tmpdir(), 'libgo-examples-'));
const outDir = (app) => (keep ? join(repoRoot, 'examples', app, 'dist') : join(scratch, app));

// ---- builds ------------------------------------------------------------------------------------

async function viteBuild(app) {
  const { build } = await import('vite');
  const out = outDir(app);
  await build({ configFile: join(repoRoot, 'examples', app, 'vite.config.mjs'), build: { outDir: out }, logLevel: 'error' });
  return out;
}

async function angularBuild() {
  const { buildAngular } = await import('../examples/angular/build.mjs');
  const out = outDir('angular');
  await buildAngular(out);
  return out;
}

const builds = new Map();
function built(app, make) {
  if (!builds.has(app)) builds.set(app, make());
  return builds.get(app);
}

/**
 * The README's plain-HTML snippet, verbatim: the first ```html block under "## Embedding". Only
 * the example server's address is replaced; its script src is served where it points.
 */
const README_SERVER = 'https://libgo.example.com';
function readmeSnippet(server) {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embedding'));
  const block = /```html\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block || !block.includes(README_SERVER)) throw new Error(`README.md: no \`\`\`html snippet with ${README_SERVER} under "## Embedding"`);
  return block.replaceAll(README_SERVER, server);
}

/** Each host: how to build and serve it, and the page to open (`server` is the LibGo server's URL). */
const HOSTS = [
  {
    name: 'readme-snippet',
    serve: async (server) =>
      serveStatic({
        mounts: { '/node_modules/libgo-vm-elements/': process.env.LIBGO_PACKAGE_DIR || repoRoot },
        routes: { '/': { type: 'text/html; charset=utf-8', body: readmeSnippet(server) } },
      }),
    path: () => '/',
    scenario: readmeScenario,
    // The elements load before the snippet sets tokenProvider: their first requests are refused,
    // which Chromium logs; what counts is that they recover (the scenario).
    allow: [/Failed to load resource: the server responded with a status of 401/],
  },
  {
    name: 'plain-html',
    serve: async () =>
      serveStatic({ mounts: { '/dist/': join(process.env.LIBGO_PACKAGE_DIR || repoRoot, 'dist'), '/examples/plain-html/': join(repoRoot, 'examples/plain-html') } }),
    path: (server) => `/examples/plain-html/?server=${encodeURIComponent(server)}`,
  },
  {
    name: 'react-tags',
    serve: async () => serveStatic({ mounts: { '/': await built('react', () => viteBuild('react')) } }),
    path: (server) => `/?server=${encodeURIComponent(server)}`,
  },
  {
    name: 'react-wrappers',
    serve: async () => serveStatic({ mounts: { '/': await built('react', () => viteBuild('react')) } }),
    path: (server) => `/?view=wrappers&server=${encodeURIComponent(server)}`,
  },
  {
    name: 'vue',
    serve: async () => serveStatic({ mounts: { '/': await built('vue', () => viteBuild('vue')) } }),
    path: (server) => `/?server=${encodeURIComponent(server)}`,
  },
  {
    name: 'angular',
    serve: async () => serveStatic({ mounts: { '/': await built('angular', angularBuild) } }),
    path: (server) => `/?server=${encodeURIComponent(server)}`,
  },
];

// ---- the scenario every host app must pass -----------------------------------------------------

const DETAIL = 'vm-detail';
const CONSOLE = `${DETAIL} >>> vm-console`;

async function logLines(page) {
  return page.$$eval('#log li', (items) => items.map((li) => li.textContent.trim()));
}

async function action(page, name, status) {
  const button = await waitDeep(page, `${DETAIL} >>> button[data-action="${name}"][aria-disabled="false"]`, 15_000);
  await button.click();
  await waitDeep(page, `${DETAIL}[status="${status}"]`, 15_000);
  // The host app's own listener saw the element's `vm-action-result` event.
  await until(`the host app to log "${name}: ok"`, async () => (await logLines(page)).some((l) => l.startsWith(`${name}: ok`)));
}

/** Clicks a VM's row in `<vm-list>`: the app must log the `vm-select` event and show that VM. */
async function chooseInList(page, vmName) {
  const row = `vm-list >>> [role="row"][data-vm="${vmName}"]`;
  const status = await (await waitDeep(page, `${row} [part="status-badge"]`, 15_000)).evaluate((badge) => badge.dataset.status);
  await (await waitDeep(page, `${row} .col-name`, 15_000)).click();
  await until(`the host app to log "select: ${vmName}"`, async () => (await logLines(page)).includes(`select: ${vmName}`));
  await until(`<vm-detail> to show ${vmName}`, () => page.$eval(DETAIL, (el, name) => el.vmName === name, vmName));
  // The detail agrees with the list on the VM's state.
  await waitDeep(page, `${DETAIL}[status="${status}"]`, 15_000);
}

const transcript = (page) => page.$eval(CONSOLE, (el) => el.getTranscript());

/** The simulated guest's serial console starts at a login prompt (any password is accepted). */
async function consoleLogin(page) {
  const lastLine = async () => (await transcript(page)).trimEnd().split('\n').at(-1) ?? '';
  await page.keyboard.press('Enter');
  await until('a login or shell prompt', async () => /login:$|[#$]$/.test(await lastLine()));
  if (/login:$/.test(await lastLine())) {
    await page.keyboard.type('root\n');
    await until('the password prompt', async () => /Password:$/.test(await lastLine()));
    await page.keyboard.type('secret\n');
    await until('the shell prompt', async () => /#$/.test(await lastLine()));
  }
}

async function scenario(page, host) {
  // Sign in through the app's form.
  await page.waitForSelector('#login input[name="password"]');
  await page.type('#login input[name="password"]', 'admin123');
  await page.click('#login button[type="submit"]');

  // Live status from the monitor socket.
  await waitDeep(page, `${DETAIL}[status="running"]`, 15_000);
  const badge = await page.$eval(`${DETAIL} >>> [part="status-badge"]`, (el) => el.textContent.replace(/\s+/g, ' ').trim());
  if (!/Running/.test(badge)) throw new Error(`status badge says "${badge}", expected Running`);
  await waitDeep(page, `${DETAIL} >>> .conn[data-state="live"]`, 15_000);

  // Every host app has the fleet list: web-01's row is there and live (the list's own socket
  // budget), and choosing a row tells the app, which shows that VM in the detail.
  // Only rows in the list's view hold sessions: where the app gives the list too little height for
  // four rows (cards, on a narrow page), web-01 is scrolled into it first, as a person would.
  const web01 = await waitDeep(page, 'vm-list >>> [role="row"][data-vm="web-01"] [part="status-badge"][data-status="running"]', 15_000);
  await web01.evaluate((badge) => badge.scrollIntoView({ block: 'nearest' }));
  await waitDeep(page, 'vm-list >>> .row.live[data-vm="web-01"]', 15_000);
  await chooseInList(page, 'db-01');
  await chooseInList(page, 'web-01');
  await waitDeep(page, `${DETAIL} >>> .conn[data-state="live"]`, 15_000);

  // Commands: suspend (no confirmation in these apps) and resume.
  await action(page, 'suspend', 'paused');
  await action(page, 'resume', 'running');

  // Monitoring tab: <vm-metrics> loads Chart.js lazily and draws.
  await page.click(`${DETAIL} >>> #tab-monitoring`);
  await waitDeep(page, `${DETAIL} >>> vm-metrics >>> canvas`, 20_000);

  // Console tab: type with the keyboard into xterm, see the guest's echo in the transcript.
  await page.click(`${DETAIL} >>> #tab-console`);
  await waitDeep(page, `${CONSOLE} >>> .xterm-helper-textarea`, 20_000);
  await waitDeep(page, `${CONSOLE} >>> [part="status-pill"][data-tone="ok"]`, 20_000);
  await page.click(`${CONSOLE} >>> [part="terminal"]`);
  await consoleLogin(page);
  const word = `hello-${host}`;
  await page.keyboard.type(`echo ${word}`);
  await page.keyboard.press('Enter');
  await until(`"${word}" echoed by the guest`, async () => {
    return (await transcript(page)).split('\n').some((line) => line.trim() === word);
  });
}

/**
 * The README snippet signs in by itself (as the operator) and shows web-01: live, its details
 * loaded with no error, and the page's own `vm-action-result` listener hears a suspend and resume.
 */
async function readmeScenario(page, _host, consoleLines) {
  await waitDeep(page, `${DETAIL}[status="running"]`, 15_000);
  await waitDeep(page, `${DETAIL} >>> .conn[data-state="live"]`, 15_000);
  const seen = () =>
    page.$eval(DETAIL, (el) => {
      const root = el.shadowRoot;
      const banner = root.querySelector('[part="banner"]');
      return { overview: root.querySelector('#panel-overview').textContent.replace(/\s+/g, ' '), banner: banner.hidden ? '' : banner.textContent.replace(/\s+/g, ' ').trim() };
    });
  await until('the overview with the VM\'s details and no error banner', async () => {
    const s = await seen();
    if (s.banner) throw new Error(`banner: "${s.banner}"`);
    return /vCPU/.test(s.overview);
  });
  await waitDeep(page, 'vm-metrics[vm-name="db-01"] >>> [part="base"]', 15_000);
  // Suspend asks for confirmation (the default confirm-actions); resume does not.
  await (await waitDeep(page, `${DETAIL} >>> button[data-action="suspend"][aria-disabled="false"]`, 15_000)).click();
  await (await waitDeep(page, `${DETAIL} >>> dialog[open] [data-confirm="ok"]`, 15_000)).click();
  await waitDeep(page, `${DETAIL}[status="paused"]`, 15_000);
  await until('the page to log "suspend true"', () => consoleLines.includes('suspend true'));
  await (await waitDeep(page, `${DETAIL} >>> button[data-action="resume"][aria-disabled="false"]`, 15_000)).click();
  await waitDeep(page, `${DETAIL}[status="running"]`, 15_000);
  await until('the page to log "resume true"', () => consoleLines.includes('resume true'));
  const s = await seen();
  if (s.banner) throw new Error(`banner at the end: "${s.banner}"`);
}

/** On failure: a screenshot under .tmp/ (git-ignored) to see what the page showed. */
async function saveScreenshot(context, name) {
  const page = (await context?.pages().catch(() => []))?.[0];
  if (!page) return;
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, '.tmp', `example-${name}-failure.png`), fullPage: true }).catch(() => {});
  const panels = await page
    .evaluate(() => [...(document.querySelector('vm-detail')?.shadowRoot?.querySelectorAll('[role="tabpanel"]') ?? [])].map((p) => `${p.id} hidden=${p.hidden}: ${p.innerHTML.replace(/<!--[^>]*-->/g, '').slice(0, 300)}`))
    .catch((e) => [String(e)]);
  const state = await page
    .evaluate(() => {
      const d = document.querySelector('vm-detail');
      const c = d?.shadowRoot?.querySelector('vm-console');
      const term = c?.shadowRoot?.querySelector('[part="terminal"]');
      return d ? JSON.stringify({ pending: d.isUpdatePending, console: !!c, consolePending: c?.isUpdatePending, termChildren: term?.childElementCount, termHeight: term?.getBoundingClientRect().height, visibility: document.visibilityState, focus: document.hasFocus(), tab: d.tab, status: d.status, parts: d.parts, defined: ['vm-console', 'vm-metrics'].map((t) => !!customElements.get(t)) }) : 'no vm-detail';
    })
    .catch((e) => String(e));
  console.log(`  ${name}: vm-detail state (private fields, for diagnosis): ${state}`);
  console.log(`  ${name}: tab panels at failure:\n    ${panels.join('\n    ')}`);
}

/** `npm pack` + offline install into a temp project; returns the installed package's directory. */
function installPacked() {
  const dir = join(scratch, 'packed');
  mkdirSync(dir, { recursive: true });
  // `prepack` builds first and may print before the JSON answer.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename }] = JSON.parse(out.slice(out.search(/^\[/m)));
  writeFileSync(join(dir, 'package.json'), '{"name":"host","private":true}');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(dir, filename)], { cwd: dir, stdio: 'ignore' });
  console.log(`examples run against ${filename} installed in a temp project`);
  return join(dir, 'node_modules', 'libgo-vm-elements');
}

// ---- run ---------------------------------------------------------------------------------------

const { report, finish } = checkReport();

let browser;
try {
  ensureBuilt();
  if (packed) process.env.LIBGO_PACKAGE_DIR = installPacked();
  browser = await launchBrowser({ profilePrefix: 'libgo-examples-' });
  for (const host of HOSTS) {
    if (only && !only.includes(host.name)) continue;
    const started = Date.now();
    let site, libgo, context, watched;
    try {
      libgo = await startLibGoServer({ transitionDelayMs: 200 });
      site = await host.serve(libgo.url);
      context = await browser.browser.createBrowserContext();
      const page = await context.newPage();
      await page.bringToFront();
      page.setDefaultTimeout(20_000);
      watched = watchPage(page, { allow: host.allow ?? [] });
      const consoleLines = [];
      page.on('console', (msg) => consoleLines.push(msg.text()));
      await page.goto(site.url + host.path(libgo.url), { waitUntil: 'load' });
      await (host.scenario ?? scenario)(page, host.name, consoleLines);
      if (watched.problems.length) throw new Error(watched.problems.join('; '));
      const done = host.scenario ? 'signs in by itself, live status, details loaded, suspend/resume + page event' : 'login, live status, suspend/resume + host event, metrics, console echo';
      report(host.name, true, done, Date.now() - started);
    } catch (error) {
      await saveScreenshot(context, host.name);
      const also = watched?.problems.length ? ` [page: ${watched.problems.slice(0, 3).join(' | ')}]` : '';
      report(host.name, false, error.message.split('\n')[0] + also, Date.now() - started);
    } finally {
      await context?.close().catch(() => {});
      await site?.close();
      await libgo?.close();
    }
  }

  const embedding = [
    ['csp', '../test/embedding/csp.mjs'],
    ['two-copies', '../test/embedding/two-copies.mjs'],
    ['demo', '../test/embedding/demo-page.mjs'],
  ];
  for (const [name, module] of embedding) {
    if (only && !only.includes(name)) continue;
    const { run } = await import(module);
    const started = Date.now();
    for (const check of await run({ browser: browser.browser, scratch: join(scratch, name) })) {
      report(`${name}: ${check.name}`, check.ok, check.detail, check.ms ?? Date.now() - started);
    }
  }
} catch (error) {
  report('setup', false, error.stack ?? String(error));
} finally {
  await browser?.close();
  if (!keep) rmSync(scratch, { recursive: true, force: true });
}

finish();
