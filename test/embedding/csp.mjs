/* global setTimeout, window, document, getComputedStyle -- browser globals: page.evaluate callbacks run in the page */
// A host page under a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'):
// <vm-detail>, <vm-metrics> and <vm-console> from the self-contained browser bundle must work,
// and the page must see no CSP violation (securitypolicyviolation events and console errors).
// Run by scripts/test-examples.mjs (`run({browser})` → list of checks).
import { join } from 'node:path';
import { serveStatic, watchPage } from '../../scripts/serve-and-launch.mjs';
import { repoRoot, startLibGoServer, stepRecorder, until, waitDeep } from './harness.mjs';

const LISTENER = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?').split('/').pop() + ':' + e.lineNumber + ':' + e.columnNumber + (e.sample ? ' sample: ' + e.sample.slice(0, 80) : ''));
});
`;

const APP = `
import { LazyRestClient } from '/dist/browser/libgo-vm-elements.js';
const server = new URLSearchParams(location.search).get('server');
const { token } = await new LazyRestClient({ serverUrl: server }).login('admin', 'admin123');
const connection = document.createElement('vm-connection');
connection.server = server;
connection.tokenProvider = () => token;
for (const tag of ['vm-detail', 'vm-metrics', 'vm-console']) {
  const el = document.createElement(tag);
  el.setAttribute('vm-name', 'web-01');
  connection.append(el);
}
document.body.append(connection);
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CSP</title>
<script src="/listener.js"></script>
<script type="module" src="/dist/browser/libgo-vm-elements.js"></script>
<script type="module" src="/app.js"></script>
<link rel="stylesheet" href="/page.css">
</head>
<body><h1>Strict CSP</h1></body>
</html>`;

export async function run({ browser }) {
  const checks = [];
  const libgo = await startLibGoServer();
  const libgoWs = libgo.url.replace(/^http/, 'ws');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${libgo.url} ${libgoWs}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
  const site = await serveStatic({
    mounts: { '/dist/': join(repoRoot, 'dist') },
    headers: { 'content-security-policy': csp },
    routes: {
      '/': { type: 'text/html; charset=utf-8', body: PAGE },
      '/listener.js': { body: LISTENER },
      '/app.js': { body: APP },
      '/page.css': { body: 'body { font: 14px system-ui, sans-serif; margin: 1rem; } vm-console { height: 260px; }' },
    },
  });
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.bringToFront();
    const watched = watchPage(page);
    await page.goto(`${site.url}/?server=${encodeURIComponent(libgo.url)}`, { waitUntil: 'load' });
    const step = stepRecorder(checks);
    await step('vm-detail shows live status', async () => {
      await waitDeep(page, 'vm-detail[status="running"]', 20_000);
      await waitDeep(page, 'vm-detail >>> .conn[data-state="live"]', 20_000);
    });
    await step('vm-metrics draws its charts (Chart.js)', async () => {
      await waitDeep(page, 'vm-metrics >>> canvas', 20_000);
      const drawn = await until('a chart with pixels', () =>
        page.$eval('vm-metrics', (el) =>
          [...el.shadowRoot.querySelectorAll('canvas')].some((c) => {
            if (!c.width || !c.height) return false;
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
            return false;
          }),
        ),
        20_000,
      );
      return drawn ? 'canvas has pixels' : '';
    });
    await step('vm-console receives output and takes keyboard input (xterm.js)', async () => {
      await waitDeep(page, 'vm-console >>> .xterm-helper-textarea', 20_000);
      await page.click('vm-console >>> [part="terminal"]');
      await page.keyboard.press('Enter');
      await until('a login prompt from the guest', async () => /login:\s*$/.test(await page.$eval('vm-console', (el) => el.getTranscript())), 15_000);
      // The rendered rows carry the text too (xterm's DOM renderer, styled without inline styles),
      // drawn in the frame after the write that put it in the buffer.
      const rowsText = () => page.$eval('vm-console', (el) => el.shadowRoot.querySelector('.xterm-rows')?.textContent ?? '');
      await until('the terminal rows to show the prompt', async () => /login:/.test(await rowsText()), 5_000).catch(async () => {
        throw new Error(`the terminal rows do not show the prompt: "${(await rowsText()).slice(0, 80)}"`);
      });
      // xterm's own <style> elements are blocked here; the element mirrors them into adopted
      // sheets, so the rows must still be in the theme's foreground colour, not the page's.
      const colours = await page.$eval('vm-console', (el) => {
        const probe = document.createElement('span');
        probe.style.color = el.terminal.options.theme.foreground;
        document.body.append(probe);
        const want = getComputedStyle(probe).color;
        probe.remove();
        return { want, got: getComputedStyle(el.shadowRoot.querySelector('.xterm-rows')).color };
      });
      if (colours.want !== colours.got) throw new Error(`terminal text is ${colours.got}, the theme says ${colours.want}`);
    });
    await step('no CSP violations, page errors or console errors', async () => {
      await new Promise((r) => setTimeout(r, 500));
      const violations = await page.evaluate(() => window.__violations);
      await page.screenshot({ path: join(repoRoot, '.tmp', 'embedding-csp.png'), fullPage: true }).catch(() => {});
      // Reports of xterm's blocked <style> elements are expected: their rules reach the terminal
      // through adopted stylesheets instead (checked above). Anything else is a failure.
      const unexpected = violations.filter((v) => !/^style-src-elem blocked inline at xterm/.test(v));
      const problems = [...unexpected.map((v) => `violation: ${v}`), ...watched.problems.filter((p) => !/Content Security Policy/.test(p) || !violations.length)];
      const distinct = [...new Set(problems)];
      if (problems.length) throw new Error(`${problems.length} (${distinct.length} distinct): ${distinct.slice(0, 8).join(' | ')}`);
    });
  } finally {
    await context.close().catch(() => {});
    await site.close();
    await libgo.close();
  }
  return checks;
}
