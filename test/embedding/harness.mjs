/* global URL, console, setTimeout */
// Shared by scripts/test-examples.mjs and the embedding checks in this folder: a loopback static
// file server, the reference LibGo server, a headless Chromium, and page-error collection.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions, createProfileDir } from '../../scripts/find-chromium.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves files on 127.0.0.1 (random port). `mounts` maps URL prefixes to directories
 * (`{ '/': dir }` or `{ '/dist/': repo/dist, '/examples/plain-html/': … }`); `headers` are added to
 * every answer (e.g. a Content-Security-Policy); `routes` maps exact paths to `{type, body}`.
 */
export async function serveStatic({ mounts, headers = {}, routes = {} }) {
  const prefixes = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico' && !routes[path]) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const route = routes[path];
    if (route) {
      res.writeHead(200, { ...headers, 'content-type': route.type ?? TYPES[extname(path)] ?? 'text/plain', 'cache-control': 'no-store' });
      res.end(route.body);
      return;
    }
    for (const [prefix, dir] of prefixes) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) break; // outside the mount
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) break;
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`Not found: ${path}`);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** The reference LibGo server (TypeScript), loaded with tsx when this process was not started with it. */
export async function startLibGoServer(options = {}) {
  const url = pathToFileURL(join(repoRoot, 'server/create-server.ts')).href;
  let mod;
  try {
    mod = await import(url);
  } catch {
    const { tsImport } = await import('tsx/esm/api');
    mod = await tsImport(url, import.meta.url);
  }
  return mod.createLibGoServer({ port: 0, ...options });
}

/** A headless Chromium with a throwaway profile; `close()` removes the profile too. */
export async function launchBrowser() {
  const profile = createProfileDir('libgo-examples-');
  const browser = await puppeteer.launch({ ...chromiumLaunchOptions({ userDataDir: profile.dir }), protocolTimeout: 60_000 });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      profile.remove();
    },
  };
}

/**
 * Records uncaught page errors, console errors and CSP violations of a page in `problems`
 * (a message that matches one of `allow` is ignored).
 */
export function watchPage(page, { allow = [] } = {}) {
  const problems = [];
  const warnings = [];
  const add = (text) => {
    if (!allow.some((re) => re.test(text))) problems.push(text);
  };
  page.on('pageerror', (error) => add(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') add(`console.error: ${msg.text()}`);
    if (msg.type() === 'warn' || msg.type() === 'warning') warnings.push(msg.text());
  });
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') add(`request failed: ${req.url()} ${reason}`);
  });
  return { problems, warnings };
}

/** Newest modification time of the files under `dir` (recursively), 0 if there is none. */
export function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` unless dist/ is newer than src/, package.json and rollup.config.mjs. */
export function ensureBuilt({ log = console.log } = {}) {
  const bundle = join(repoRoot, 'dist/browser/libgo-vm-elements.js');
  const inputs = Math.max(
    newestMtime(join(repoRoot, 'src')),
    statSync(join(repoRoot, 'package.json')).mtimeMs,
    statSync(join(repoRoot, 'rollup.config.mjs')).mtimeMs,
  );
  const built = existsSync(bundle) && existsSync(join(repoRoot, 'dist/index.js')) ? Math.min(statSync(bundle).mtimeMs, statSync(join(repoRoot, 'dist/index.js')).mtimeMs) : 0;
  if (built > inputs) return false;
  log('dist/ is missing or older than src/: npm run build');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status}).`);
  return true;
}

/**
 * A recorder of named checks: `step(name, fn)` runs `fn` and records pass (with what `fn`
 * returned) or failure (the error's first line), with its duration, into `checks`.
 */
export function stepRecorder(checks) {
  return async (name, fn) => {
    const t0 = Date.now();
    try {
      checks.push({ name, ok: true, detail: (await fn()) ?? '', ms: Date.now() - t0 });
    } catch (error) {
      checks.push({ name, ok: false, detail: error.message.split('\n')[0], ms: Date.now() - t0 });
    }
  };
}

/** Polls `fn` (in Node) until it returns a truthy value or `timeoutMs` passes, then throws `what`. */
export async function until(what, fn, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `page.waitForSelector` for selectors that pierce shadow roots (`a >>> b`): Puppeteer waits for
 * those with a MutationObserver on the document, which never hears about changes inside shadow
 * roots, so it can miss an element that appears later. This polls instead.
 */
export async function waitDeep(page, selector, timeoutMs = 20_000) {
  return until(`"${selector}"`, () => page.$(selector), timeoutMs);
}
