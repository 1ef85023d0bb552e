#!/usr/bin/env node
// Renders every Storybook story in headless Chromium and fails on what a user would hit: a story
// that throws or never finishes, a console error, an uncaught page error, a failed request, or an
// axe violation inside #storybook-root, or two copies of Lit on the page; and each element's docs
// page whose props table lists private members. Then `storybook dev` (what `npm run storybook`
// runs), from an empty pre-bundle cache, opens one story of each element and fails on two copies of
// Lit: only Lit's dev build warns about them, and the static build never loads it.
//
//   node scripts/test-stories.mjs                       build storybook-static/, then test
//   node scripts/test-stories.mjs --no-build            test the existing build
//   node scripts/test-stories.mjs --screenshots DIR     also save a PNG of each story in DIR
//   node scripts/test-stories.mjs --filter vm-console   only stories whose id contains a string
//   node scripts/test-stories.mjs --jobs 2              pages in parallel (default 2)
//   node scripts/test-stories.mjs --no-dev              skip the `storybook dev` pass
//
// Prints one line per story and ends with exactly "N passed, N failed".
/* global window, document, requestAnimationFrame -- the functions passed to page.evaluate run in the page */
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSummary } from './check-report.mjs';
import { launchBrowser, serveStatic } from './serve-and-launch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'storybook-static');
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');

const RENDER_TIMEOUT_MS = 60_000;
/** After the story finished: time for lazy chunks, sockets and one more animation frame. */
const SETTLE_MS = 400;
const VIEWPORT = { width: 1320, height: 900 };

function parseArgs(argv) {
  const opts = { build: true, dev: true, screenshots: null, filter: [], jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--no-build') opts.build = false;
    else if (a === '--no-dev') opts.dev = false;
    else if (a === '--screenshots') opts.screenshots = resolve(value());
    else if (a === '--filter') opts.filter.push(value());
    else if (a === '--jobs') {
      opts.jobs = Number(value());
      if (!Number.isInteger(opts.jobs) || opts.jobs < 1) throw new Error('--jobs needs a positive integer');
    } else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 16).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  return opts;
}

function build() {
  return new Promise((resolveBuild, reject) => {
    const args = ['storybook', 'build', '--quiet', '-c', '.storybook', '-o', 'storybook-static'];
    const child = spawn('npx', args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolveBuild();
      else reject(new Error(`storybook build failed (exit ${code}):\n${log.slice(-6000)}`));
    });
  });
}

/** A free loopback port (for `storybook dev`, which takes a port number, not 0). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * `storybook dev` on a loopback port with a pre-bundle cache of its own (empty, as on a newcomer's
 * first run, when Vite discovers and optimises dependencies). Resolves once it serves index.json.
 */
async function startDevServer() {
  const port = await freePort();
  const cacheDir = mkdtempSync(join(tmpdir(), 'libgo-storybook-cache-'));
  const args = ['storybook', 'dev', '-p', String(port), '--host', '127.0.0.1', '-c', '.storybook', '--no-open', '--no-version-updates', '--ci', '--quiet'];
  const child = spawn('npx', args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', LIBGO_STORYBOOK_CACHE_DIR: cacheDir },
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(cacheDir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}/index.json`).then((r) => r.ok, () => false);
    if (ok) return { base, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`storybook dev did not serve ${base}/index.json within 180 s:\n${log.slice(-4000)}`);
}

/** One story in `storybook dev`: it renders, with one copy of Lit and no page error. */
async function testDevStory(browser, base, story) {
  const page = await browser.newPage({ type: 'window' });
  await page.setViewport(VIEWPORT);
  const problems = [];
  let active = true;
  page.on('console', (msg) => {
    if (active && /Multiple versions of Lit loaded/.test(msg.text())) problems.push(`two copies of Lit: ${msg.text().slice(0, 120)}`);
  });
  page.on('pageerror', (err) => {
    if (active) problems.push(`page error: ${err.message ?? err}`);
  });
  try {
    // The first page waits for Vite's dependency scan and pre-bundling.
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load', timeout: 180_000 });
    const state = await page.evaluate(waitForStory, RENDER_TIMEOUT_MS * 2);
    if (state.error) problems.push(`story ${state.phase}: ${state.error}`);
    else if (state.phase !== 'finished') problems.push(`story ended in phase ${state.phase}`);
    await page.evaluate(settleElements, SETTLE_MS);
  } catch (e) {
    problems.push(`harness: ${e?.message ?? e}`);
  } finally {
    active = false;
    await page.close().catch(() => {});
  }
  return problems;
}

/** Runs in the page: waits for the story's render (loaders, render, play, afterEach) to end. */
async function waitForStory(timeoutMs) {
  const done = ['finished', 'errored', 'aborted'];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
    const errorShown = document.body.classList.contains('sb-show-errordisplay');
    if (errorShown || done.includes(phase)) {
      const message = errorShown
        ? [document.querySelector('#error-message')?.textContent, document.querySelector('#error-stack')?.textContent]
            .filter(Boolean)
            .join('\n')
            .trim()
        : '';
      return { phase: phase ?? 'unknown', error: message };
    }
    if (Date.now() > until) return { phase: phase ?? 'not started', error: `story did not finish within ${timeoutMs} ms` };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs in the page: every Lit element (through shadow roots) has finished updating. */
async function settleElements(settleMs) {
  const elements = () => {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.includes('-')) out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector('#storybook-root') ?? document);
    return out;
  };
  for (let round = 0; round < 3; round++) {
    const els = elements();
    await Promise.all(els.map((el) => el.updateComplete).filter(Boolean));
    await Promise.all(els.map((el) => (el.localName === 'vm-console' && el.isConnected ? el.ready : null)).filter(Boolean));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  await new Promise((r) => setTimeout(r, settleMs));
  const rootEl = document.querySelector('#storybook-root');
  return { children: rootEl ? rootEl.children.length : 0, customElements: elements().length };
}

/**
 * Runs in the page after axe.min.js is injected. Honours the story's `parameters.a11y` as the a11y
 * addon does: `test: 'off'` skips, `options` are axe run options (e.g. a rule turned off for one
 * story, with the reason in the story), `config` goes to `axe.configure`.
 */
async function runAxe() {
  const a11y = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y ?? {};
  if (a11y.test === 'off' || a11y.disable === true) return [];
  if (a11y.config) window.axe.configure(a11y.config);
  const result = await window.axe.run('#storybook-root', { ...a11y.options, resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  }));
}

async function testStory(browser, base, story, opts) {
  // Its own window: headless Chromium runs requestAnimationFrame only in a window's front tab.
  const page = await browser.newPage({ type: 'window' });
  await page.setViewport(VIEWPORT);
  const problems = [];
  let active = true;
  page.on('console', (msg) => {
    if (active && msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    // Two copies of Lit on a page (a second copy's elements do not share the first's state).
    if (active && /Multiple versions of Lit loaded/.test(msg.text())) problems.push(`two copies of Lit: ${msg.text().slice(0, 120)}`);
  });
  page.on('pageerror', (err) => {
    if (active) problems.push(`page error: ${err.message ?? err}`);
  });
  page.on('requestfailed', (req) => {
    if (active) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (res) => {
    if (active && res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const started = Date.now();
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
    const state = await page.evaluate(waitForStory, RENDER_TIMEOUT_MS);
    if (state.error) problems.push(`story ${state.phase}: ${state.error}`);
    else if (state.phase !== 'finished') problems.push(`story ended in phase ${state.phase}`);
    const settled = await page.evaluate(settleElements, SETTLE_MS);
    if (settled.children === 0) problems.push('#storybook-root is empty');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(runAxe);
    for (const v of violations) {
      problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.join('\n      ')}`);
    }
    if (opts.screenshots) {
      // The width frame of narrow/wide stories, else the whole root.
      const target = (await page.$('#storybook-root .story-width')) ?? (await page.$('#storybook-root'));
      await target.screenshot({ path: join(opts.screenshots, `${story.id}.png`) });
    }
  } catch (e) {
    problems.push(`harness: ${e?.message ?? e}`);
  } finally {
    active = false;
    await page.close().catch(() => {});
  }
  return { problems, ms: Date.now() - started };
}

/**
 * A docs page's props table lists the public API only: no private or protected member of the
 * element (custom-elements.json) appears as a row. Returns the problems found.
 */
async function testDocsPage(browser, base, entry) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const tag = /vm-[a-z-]+/.exec(entry.title)?.[0];
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!decl) return [];
  const attributes = new Set((decl.attributes ?? []).map((a) => a.name));
  const hidden = new Set((decl.members ?? []).filter((m) => (m.privacy === 'private' || m.privacy === 'protected') && !attributes.has(m.name)).map((m) => m.name));
  const page = await browser.newPage({ type: 'window' });
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load' });
    await page.waitForSelector('.docblock-argstable tbody tr', { timeout: RENDER_TIMEOUT_MS });
    const rows = await page.$$eval('.docblock-argstable tbody tr td:first-child', (cells) => cells.map((c) => c.textContent.trim().replace(/\*$/, '')));
    const shown = rows.filter((name) => hidden.has(name));
    return shown.length ? [`the props table shows ${shown.length} private member(s) of <${tag}>: ${shown.slice(0, 8).join(', ')}`] : [];
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (opts.build) {
    console.log('Building Storybook (storybook-static/)…');
    await build();
    console.log(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const indexFile = join(outDir, 'index.json');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run without --no-build`);
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story')
    .filter((e) => opts.filter.length === 0 || opts.filter.some((f) => e.id.includes(f)));
  const docs = Object.values(index.entries)
    .filter((e) => e.type === 'docs' && /vm-[a-z-]+/.test(e.title))
    .filter((e) => opts.filter.length === 0 || opts.filter.some((f) => e.id.includes(f)));
  if (stories.length + docs.length === 0) throw new Error('no stories matched');
  if (opts.screenshots) mkdirSync(opts.screenshots, { recursive: true });

  // The hashed assets never change within a run: the browser may cache them across stories.
  const server = await serveStatic({ mounts: { '/': outDir }, cache: 'max-age=3600' });
  const base = server.url;
  const chromium = await launchBrowser({ profilePrefix: 'libgo-stories-', protocolTimeout: 120_000 });
  const { browser } = chromium;
  const t1 = Date.now();
  let passed = 0;
  let failed = 0;
  try {
    const queue = [...stories];
    const worker = async () => {
      for (let story = queue.shift(); story; story = queue.shift()) {
        const { problems, ms } = await testStory(browser, base, story, opts);
        if (problems.length === 0) {
          passed++;
          console.log(`ok    ${story.id} (${ms} ms)`);
        } else {
          failed++;
          console.log(`FAIL  ${story.id} (${ms} ms)\n    ${problems.join('\n    ')}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.jobs, stories.length) }, worker));
    for (const entry of docs) {
      const t = Date.now();
      const problems = await testDocsPage(browser, base, entry).catch((e) => [String(e.message ?? e)]);
      if (problems.length === 0) passed++;
      else failed++;
      console.log(`${problems.length ? 'FAIL ' : 'ok   '} ${entry.id} (public API only, ${Date.now() - t} ms)${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
    }
    if (opts.dev) {
      // One story per element file, in the order a designer meets them in the sidebar.
      const firstOfEach = [...new Map(stories.map((s) => [s.importPath, s])).values()];
      console.log(`storybook dev (empty pre-bundle cache): ${firstOfEach.length} stories`);
      const dev = await startDevServer();
      try {
        for (const story of firstOfEach) {
          const t = Date.now();
          const problems = await testDevStory(browser, dev.base, story);
          if (problems.length === 0) passed++;
          else failed++;
          console.log(`${problems.length ? 'FAIL ' : 'ok   '} dev ${story.id} (one Lit, ${Date.now() - t} ms)${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
        }
      } finally {
        dev.stop();
      }
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  console.log(`Tested ${stories.length} stories in ${((Date.now() - t1) / 1000).toFixed(1)} s${opts.screenshots ? ` (screenshots in ${opts.screenshots})` : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  writeSummary({ passed, failed });
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});
