/* global document, fetch, sessionStorage, window -- page.evaluate callbacks run in the browser */
// The demo (`npm start`): its user table tells the truth about each role, and it never scrolls sideways, from a 320 px phone to a 1920 px desktop: the
// detail page of a running VM (its action tooltips loaded) and of an unknown VM (the error state),
// in light and dark. document.documentElement.scrollWidth is what
// a user feels as a page that slides under the finger.
import { watchPage } from '../../scripts/serve-and-launch.mjs';
import { startLibGoServer, stepRecorder, until, waitDeep } from './harness.mjs';

const WIDTHS = [320, 360, 390, 768, 1024, 1440, 1920];
const PAGES = [
  { hash: '#/vms/web-01', ready: 'demo-app >>> vm-detail >>> [role="tooltip"]' },
  { hash: '#/vms/no-such-vm', ready: 'demo-app >>> vm-detail >>> [part="banner"]:not([hidden])' },
  { hash: '#/embed/web-01', ready: 'demo-app >>> vm-console >>> .xterm-helper-textarea' },
];

export async function run({ browser }) {
  const checks = [];
  const step = stepRecorder(checks);
  const libgo = await startLibGoServer({ demo: true });
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.bringToFront();
    watchPage(page);
    await page.goto(`${libgo.url}/`, { waitUntil: 'load' });
    await step("the sign-in page's user table says what each role can do", async () => {
      const rows = await until('the demo users table', () =>
        page.evaluate(() => [...(document.querySelector('demo-app')?.shadowRoot?.querySelectorAll('.users tbody tr') ?? [])].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim())),
      );
      const row = (user) => rows.find((r) => r.startsWith(user)) ?? '';
      // PROTOCOL.md: the operator has start and stop, which is what suspend and resume need too.
      if (!/every action|suspend/.test(row('operator'))) throw new Error(`operator row: "${row('operator')}"`);
      if (!/console/.test(row('operator'))) throw new Error(`operator row: "${row('operator')}"`);
      if (/console|start|every action/.test(row('viewer'))) throw new Error(`viewer row: "${row('viewer')}"`);
      return rows.join(' | ');
    });
    await page.evaluate(async () => {
      const r = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin123' }) });
      sessionStorage.setItem('libgo-demo-token', (await r.json()).token);
    });
    await step('the VM page lists the fleet in <vm-list>, live, from the page\'s own origin (no server attribute)', async () => {
      // A new document (a query), so the demo reads the token stored above.
      await page.goto(`${libgo.url}/?theme=light#/vms/web-01`, { waitUntil: 'load' });
      // Only rows in the list's view hold sessions: web-01 is scrolled into it, as a person would.
      const web01 = await waitDeep(page, 'demo-app >>> vm-list >>> [role="row"][data-vm="web-01"] [part="status-badge"][data-status="running"]', 20_000);
      await web01.evaluate((badge) => badge.scrollIntoView({ block: 'nearest' }));
      await waitDeep(page, 'demo-app >>> vm-list >>> .row.live[data-vm="web-01"] [part="status-badge"][data-status="running"]', 20_000);
      const rows = await page.evaluate(() => document.querySelector('demo-app').shadowRoot.querySelector('vm-list').shadowRoot.querySelectorAll('[role="row"][data-vm]').length);
      if (rows < 4) throw new Error(`${rows} rows listed, expected the 4 VMs`);
      return `${rows} rows`;
    });
    for (const theme of ['light', 'dark']) {
      for (const { hash, ready } of PAGES) {
        await step(`demo ${hash} (${theme}): no horizontal scroll at ${WIDTHS[0]}–${WIDTHS.at(-1)} px`, async () => {
          await page.setViewport({ width: 1440, height: 900 });
          await page.goto(`${libgo.url}/?theme=${theme}${hash}`, { waitUntil: 'load' });
          await waitDeep(page, ready, 20_000);
          const wide = [];
          for (const width of WIDTHS) {
            await page.setViewport({ width, height: 900 });
            const sw = await until(`a layout at ${width} px`, () =>
              page.evaluate(() => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => r(document.documentElement.scrollWidth))))),
            );
            if (sw > width) wide.push(`${width} px → ${sw} px`);
          }
          if (wide.length) throw new Error(`the page is wider than the window: ${wide.join(', ')}`);
        });
      }
    }
  } finally {
    await context.close().catch(() => {});
    await libgo.close();
  }
  return checks;
}
