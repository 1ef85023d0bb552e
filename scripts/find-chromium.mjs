// Locates a Chromium/Chrome executable for the browser tests and the benchmarks.
// Order: $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_CANDIDATES = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]);

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the path of the first usable browser, or `undefined`.
 * A `CHROME_PATH` that is set but not executable is an error rather than silently skipped,
 * so a typo in CI does not quietly test another browser.
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROME_PATH is set to "${fromEnv}", which is not an executable file.`);
    }
    return fromEnv;
  }
  return CHROMIUM_CANDIDATES.find(isExecutable);
}

export const CHROMIUM_HELP =
  'No Chromium found. Install Debian\'s "chromium" package (apt-get install -y chromium) ' +
  'or set CHROME_PATH to a Chrome/Chromium executable. Looked for: $CHROME_PATH, ' +
  CHROMIUM_CANDIDATES.join(', ') + '.';

/**
 * Flags for a headless Chromium on a machine with a closed network: no background
 * networking, no component updates, no QUIC, no throttling of background pages, and a
 * throwaway profile.
 */
export function chromiumArgs(userDataDir) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    // Two test pages share one browser: keep requestAnimationFrame and timers running at full
    // speed in the page that is not in front (Chromium throttles background pages).
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    `--user-data-dir=${userDataDir}`,
  ];
}

/** A fresh temporary profile directory and a function that removes it. */
export function createProfileDir(prefix = 'libgo-chromium-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    remove() {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** puppeteer `launchOptions` used by the test runner and by bench/. */
export function chromiumLaunchOptions({ executablePath = findChromium(), userDataDir } = {}) {
  if (!executablePath) throw new Error(CHROMIUM_HELP);
  return { executablePath, headless: true, args: chromiumArgs(userDataDir) };
}

// `node scripts/find-chromium.mjs` prints the path (exit 1 with help if none).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const found = findChromium();
    if (!found) {
      console.error(CHROMIUM_HELP);
      process.exit(1);
    }
    console.log(found);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
