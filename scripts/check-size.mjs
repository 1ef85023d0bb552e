// The byte budget, as a gate: fails when the JS a page must load before `<vm-detail>` paints its
// Overview tab exceeds 26.5 KB gzip (Lit included), when another element's first paint outgrows its
// guard, or when xterm.js or Chart.js — which the elements load on demand — creep into any
// element's first paint. Sizes are deterministic (one
// esbuild bundle, gzip -9), so this is a budget, not a timing threshold. Timing is in bench/detail.
import { writeSummary } from './check-report.mjs';
import { bundlePage, detailPageEntry, elementPageEntry, firstPaintSize } from './first-paint.mjs';

// Issue 5's target was 25 KB. Dec 2026: raised to 26 KB, knowingly, for what a first paint now
// carries: recovery when a token arrives, error states said once, action outcomes judged by the
// VM's status, kept metrics history and reconnect probing (issues 12, 15, 17); the action path,
// outcome display and error words already load after the paint. Paying the 0.6 KB back (the
// history-persistence glue out of MonitorSession, or the action path behind an idle preload) is
// part of the architecture step (issue 13).
// Dec 2026, the architecture step itself: moving the persistence glue out saved 60 B, and the
// shared controllers (action runner, hub owner, permissions), the one status vocabulary, the `base`
// part and the socket budget's visibility hooks added more: 26.1 KB. Raised to 26.5 KB, knowingly;
// issue 13's note says what is left to pay back.
// Dec 2026, localization (issue 14), raised to 29 KB knowingly and for the lead to confirm: every
// word through msg with a stable id, and the runtime that picks each element's locale (internal/
// localize.ts and controllers/locale-controller.ts, about 3.5 KB minified) cost every element's
// first paint 2.3-2.4 KB gzip (vm-detail 26.5 -> 28.8 KB). Translations are not in it: they load
// when a page asks for their language (German 5.6 KB gzip). Ways to pay it back: shorter message
// ids, the locale runtime's loading half behind an import() (only a non-English page needs it).
// Dec 2026, paid back in part (h6-i18n-size): the translating half (registry, loading, lookup,
// choosing a locale: internal/localize.ts) loads by import() only when a page wants a language other
// than English, and shares no module with the first paint (a shared module becomes a chunk of its
// own); the first paint keeps msg/str and the lang check (internal/msg.ts, controllers/
// locale-controller.ts). 28.8 -> 28.3 KB; lowered to 28.5 KB. Far less than hoped: in one gzip
// stream with the rest, the runtime weighed about 0.3 KB, not its 1.3 KB alone. The rest of the
// 1.8 KB is the words themselves: the message ids (0.4 KB; the ids are what keep translations
// when an English wording changes) and msg calls, getters and per-locale code around ~75 messages.
// Getting back to 26.5 KB needs first-paint code out (the action path behind an idle preload,
// issue 13's note) or ids dropped for lit-localize's hashed ones.
// 2 Dec 2026, issue 13's split and issue 14's budget (branch split-detail-console): 28.29 -> 27.77 KB,
// lowered to 27.8 KB. Paid back: the action runner (controllers/action-runner.ts: confirmation flow,
// outcome, timers) loads after the paint, on idle, on hover/focus of a button or when one can be
// pressed, and has no runtime imports (its kit comes from the element), so it splits no shared
// module into a first-paint file of its own; the header's clock, its page listeners and the uptime
// load when there is first something to count (elements/vm-detail/lazy-ticker.ts), the copy
// confirmation's words with the Overview's details; vm-detail imports its
// decorators from their own modules (the lit/decorators.js barrel kept vm-console's @query in this
// paint: 0.23 KB). Spent: the split itself (+0.5 KB: member names of the new modules survive
// minifying) and vm-action fired at the click when the runner is not here yet. Still 1.3 KB over
// issue 14's 26.5 KB: what is left is the header (status words, connection label, announcer),
// the hub and session code a first paint needs, and the words' ids (see above).
// Merged with the last localized words (errors said from their code, the outcome's action named by
// the session: +0.07 KB): 27.84 KB, gate 27.9 KB.
// 2 Dec 2026, issue 14's budget met (branch budget-detail): 27.84 -> 26.45 KB gzip (76.9 -> 73.1 KB
// minified, 12 -> 11 files), lowered to 26.5 KB. Paid back: the number formatters (metrics/format.ts,
// 0.54 KB: the Kit carried them into the paint for the Overview and the uptime, which now import
// them); what a monitor session does with metrics (history, waiting samples, gaps, persistence:
// hub/metrics-intake.ts, loaded with the first sample or a persisting start; 0.31 KB);
// VmMonitorController in session-controller.ts (0.13 KB: a module shared with <vm-metrics> alone was a
// file of its own); <vm-detail>'s properties in `static properties` (0.30 KB: Lit's decorator modules
// stay with <vm-metrics> and <vm-console>); the style sheet's notes out of the shipped CSS (0.11 KB).
// Tried and dropped: the command path behind import() (tests require `command()` to send at once),
// the hub's claims reading (20 B). What is left: Lit (15 KB min), the header's words, the hub and
// session code, and about 1.7 KB gzip of splitting: the 11 files gzip to 1.7 KB less as one.
const DETAIL_BUDGET = 26.5 * 1024;
// The others are regression guards, set a little above what they weigh now (Nov 2026): raise one
// deliberately, in the commit that needs it, never to make a red build green.
// Dec 2026, raised on purpose: the console's link confirmation and keyboard exit (issues 12, 15),
// and the monitor session's action confirmation and kept history (17, 12) are first-paint UI and
// state; the terminal's own helpers moved out of the first paint to make room (terminal-kit.ts).
// Dec 2026, raised on purpose (issue 14, localization, as the budget above): console 30.7 -> 33.1 KB,
// metrics 27.7 -> 30.0 KB. Lowered with the translating half out of the first paint (as above):
// console 33.1 -> 32.6 KB, metrics 30.0 -> 29.4 KB.
const CONSOLE_BUDGET = 33 * 1024;
// Dec 2026, raised on purpose, metrics 29.75 -> 30.25 KB (at 29.9): the element split into
// controllers (issue 13: chart drawing, paced renders; +0.2 KB of class wrappers and option names
// that minifying keeps) and the last words localized (issue 14: window buttons through Intl, the
// disk marks, errors said from their code; +0.15 KB).
// 3 Dec 2026, raised on purpose (issue 10), metrics 30.25 -> 30.4 KB (at 30.36): compact tiles
// draw SVG paths instead of canvases (+0.09 KB: the card's second plot template, the SVG's rules),
// and a tile's frame contains its paint (+0.01 KB), which took a scrolled fleet page from 69-80 %
// to 36-48 % main-thread busy (bench:fleet).
// 3 Dec 2026 (evening), raised on purpose (issue 10), metrics 30.4 -> 30.5 KB (at 30.49): the
// page-wide intersection observers let go of tiles whose content the browser skips
// (observe-while-rendered.ts, +0.13 KB), which cut their cost while a fleet page scrolls by half;
// then 30.5 -> 30.6 KB (at 30.56): a compact card's narrow layout is marked from the plot sizes
// already measured, not by a container query (+0.07 KB; bench:fleet, idle 9.6-10.8 -> 8.0-8.3 %).
// 5 Dec 2026, raised on purpose (issue 10), metrics 30.6 -> 30.7 KB (at 30.66): a tile's sparkline
// is drawn again only when its window's edge reaches the next whole pixel (sparklineEdge, +0.09 KB),
// which took 100 tiles in view from 13.3-15.3 % main-thread busy to 8.4-10.0 % (bench:metrics).
// 6 Dec 2026, raised on purpose (issue 10), metrics 30.7 -> 30.8 KB (at 30.76): kept histories are
// typed arrays (a block copy per column), and 0.1's records are still read (+0.1 KB); one write of
// 100 VMs that held an hour at 1 Hz took the main thread 352 ms, now 119 ms (bench:metrics,
// "keeping histories"), every 15 s.
// 6 Dec 2026 (night), raised on purpose (issue 10), metrics 30.8 -> 31.2 KB (at 31.13): a tile
// hatches the part of its window with no data yet inside its sparkline (Sparkline.hatch, +0.35 KB),
// not as a box over it whose width changed, laid out and painted its gradient again, on every draw:
// 100 tiles in view, traced, Paint 16-19 -> 12 ms/s, Layerize 8-9 -> 5, PrePaint 6.6-7.6 -> 5.3,
// gradient images 2 -> 0 ms/s; bench:metrics, five runs each side by side, all Chromium CPU median
// 20.9 -> 18.0 %.
const METRICS_BUDGET = 31.2 * 1024;
// Dec 2026, raised on purpose (issue 13): <vm-connection> and <vm-detail> now build their own hub
// through one shared controller (controllers/hub-owner-controller.ts), which carries what both
// need (rebuild on a new server, a fallback hub, disposal): 13.6 KB, 0.1 KB over the old guard.
const CONNECTION_BUDGET = 14 * 1024;
const HEAVY = /node_modules\/(@xterm|chart\.js)\//;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const pages = [
  ['vm-detail (Overview tab)', await bundlePage('detail', detailPageEntry), DETAIL_BUDGET],
  ['vm-console', await bundlePage('console', elementPageEntry('vm-console')), CONSOLE_BUDGET],
  ['vm-metrics', await bundlePage('metrics', elementPageEntry('vm-metrics')), METRICS_BUDGET],
  ['vm-connection', await bundlePage('connection', elementPageEntry('vm-connection')), CONNECTION_BUDGET],
];

let failures = 0;
let checks = 0;
for (const [name, page, budget] of pages) {
  const size = firstPaintSize(page);
  const heavy = [...new Set(size.inputs.filter((i) => HEAVY.test(i)).map((i) => i.match(HEAVY)[1]))];
  const problems = [];
  if (budget !== null && size.gzip > budget) problems.push(`over its ${kb(budget)} budget`);
  if (heavy.length > 0) problems.push(`loads ${heavy.join(' and ')} before its first paint`);
  checks++;
  if (problems.length > 0) failures++;
  console.log(
    `${problems.length ? 'FAIL' : 'ok  '} ${name}: ${kb(size.gzip)} gzip (${kb(size.min)} minified) in ${size.paths.length} file(s)` +
      `${budget !== null ? `, budget ${kb(budget)}` : ''}${problems.length ? ` — ${problems.join('; ')}` : ''}`,
  );
}
if (failures > 0) {
  console.log('\nSee what is in a page with `npm run bench:detail` (largest modules per file).');
}
console.log(`${checks - failures} passed, ${failures} failed`);
writeSummary({ passed: checks - failures, failed: failures });
process.exit(failures > 0 ? 1 : 0);
