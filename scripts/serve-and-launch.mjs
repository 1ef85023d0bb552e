// The one loopback file server and headless-Chromium launcher behind every browser check and
// benchmark: test-stories, test-examples (and test/embedding/), test-nginx and bench/*. Each caller
// says what to serve and which extra flags it needs; the rest is the same everywhere.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions, createProfileDir } from './find-chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * Serves files on 127.0.0.1 (random port). `mounts` maps URL prefixes to directories
 * (`{ '/': dir }` or `{ '/dist/': repo/dist, '/examples/plain-html/': … }`, longest prefix first,
 * nothing outside a mount); `routes` maps exact paths to `{ type?, body }`; `headers` are added to
 * every answer (e.g. a Content-Security-Policy); `cache` is the Cache-Control of every answer
 * (`no-store` unless the files cannot change during the run). A directory serves its index.html.
 */
export async function serveStatic({ mounts = {}, routes = {}, headers = {}, cache = 'no-store' } = {}) {
  const prefixes = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route) {
      res.writeHead(200, { ...headers, 'content-type': route.type ?? TYPES[extname(path)] ?? 'text/plain', 'cache-control': cache });
      res.end(route.body);
      return;
    }
    if (path === '/favicon.ico') {
      // Chromium asks for it on every page; an answer without a body keeps it out of the error log.
      res.writeHead(204, headers);
      res.end();
      return;
    }
    for (const [prefix, dir] of prefixes) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) break; // outside the mount
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) break;
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`Not found: ${path}`);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * A headless Chromium (scripts/find-chromium.mjs: $CHROME_PATH or the system's) with a throwaway
 * profile; `args` are added to the shared flags, any other option goes to `puppeteer.launch`.
 * `close()` closes the browser and removes the profile.
 */
export async function launchBrowser({ profilePrefix = 'libgo-chromium-', args = [], ...options } = {}) {
  const profile = createProfileDir(profilePrefix);
  const launch = chromiumLaunchOptions({ userDataDir: profile.dir });
  let browser;
  try {
    browser = await puppeteer.launch({ protocolTimeout: 60_000, ...launch, ...options, args: [...launch.args, ...args] });
  } catch (error) {
    profile.remove();
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      profile.remove();
    },
  };
}

/**
 * Records uncaught page errors, console errors and failed requests of a page in `problems`
 * (a message that matches one of `allow` is ignored), and console warnings in `warnings`.
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
