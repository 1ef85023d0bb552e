/* global URL, console, setTimeout */
// Shared by scripts/test-examples.mjs, test-nginx.mjs, test-package.mjs and the embedding checks in
// this folder: the reference LibGo server, a fresh dist/, named checks and polling. The file server
// and Chromium come from scripts/serve-and-launch.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

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
