/* global customElements -- page.evaluate callbacks run in the browser */
// `npm run test:nginx`: the host apps through real nginx (deploy/nginx/libgo.conf) in front of the
// reference server in LibGo-strict mode, which accepts a token only in `Authorization: Bearer`.
// nginx runs as a child process (not a daemon) with a temporary prefix, on a free port, over TLS
// with a self-signed certificate made here with openssl. The plain-HTML and React host apps sign
// in, go live, draw metrics and get their console input echoed, once with the token in the query
// and once in the subprotocol; then nginx's access and error logs must hold no token.
// One line per check, then exactly "N passed, N failed" (scripts/check-report.mjs); exit 1 if anything failed.
//   node scripts/test-nginx.mjs [--keep]     (--keep: leave the temp prefix, logs included)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, repoRoot, startLibGoServer, until, waitDeep } from '../test/embedding/harness.mjs';
import { checkReport } from './check-report.mjs';
import { launchBrowser, watchPage } from './serve-and-launch.mjs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const JS_MODULE = '/usr/lib/nginx/modules/ngx_http_js_module.so';
const keep = process.argv.includes('--keep');
const prefix = mkdtempSync(join(tmpdir(), 'libgo-nginx-'));
const www = join(prefix, 'www');

const { report, finish } = checkReport();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The site: the React host app at /, the plain-HTML one and the built elements beside it. */
async function buildSite() {
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'examples/react/vite.config.mjs'), build: { outDir: www }, logLevel: 'error' });
  mkdirSync(join(www, 'examples'), { recursive: true });
  symlinkSync(join(repoRoot, 'dist'), join(www, 'dist'));
  symlinkSync(join(repoRoot, 'examples/plain-html'), join(www, 'examples/plain-html'));
}

function makeCertificate() {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(prefix, 'key.pem'), '-out', join(prefix, 'cert.pem'),
  ], { stdio: 'ignore' });
}

/** deploy/nginx/libgo.conf with its @…@ values filled in, inside a minimal main configuration. */
function writeConfig(port, upstream) {
  const values = {
    LISTEN: `127.0.0.1:${port}`,
    SERVER_NAME: '127.0.0.1',
    CERTIFICATE: join(prefix, 'cert.pem'),
    CERTIFICATE_KEY: join(prefix, 'key.pem'),
    ROOT: www,
    LIBGO_UPSTREAM: upstream,
    TOKEN_JS: join(repoRoot, 'deploy/nginx/libgo-token.js'),
    ACCESS_LOG: join(prefix, 'access.log'),
    ERROR_LOG: join(prefix, 'error.log'),
  };
  const site = readFileSync(join(repoRoot, 'deploy/nginx/libgo.conf'), 'utf8').replace(/@([A-Z_]+)@/g, (whole, key) => {
    if (!(key in values)) throw new Error(`deploy/nginx/libgo.conf: no value for ${whole}`);
    return values[key];
  });
  writeFileSync(join(prefix, 'libgo.conf'), site);
  const temp = (name) => join(prefix, name);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `load_module ${JS_MODULE};
daemon off;
# One process as the current user: no user switch, so the temp prefix stays private.
master_process off;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} info;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${temp('libgo.conf')};
}
`,
  );
}

function startNginx(port) {
  const child = spawn(NGINX, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const ready = until(`nginx to listen on ${port}`, () => httpsStatus(port, '/health').then((s) => s > 0, () => false), 15_000);
  return {
    ready: Promise.race([ready, exited.then((code) => Promise.reject(new Error(`nginx exited (${code}); see ${join(prefix, 'error.log')}`)))]),
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Status of an https request to nginx (the certificate is self-signed). */
function httpsStatus(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const DETAIL = 'vm-detail';
const CONSOLE = `${DETAIL} >>> vm-console`;

/** Makes every <vm-connection> of the page use an auth mode the host app does not set itself. */
function forceAuthMode(mode) {
  const define = customElements.define.bind(customElements);
  customElements.define = (name, cls, options) => {
    if (name === 'vm-connection') {
      const connected = cls.prototype.connectedCallback;
      cls.prototype.connectedCallback = function () {
        this.authMode = mode;
        return connected.call(this);
      };
    }
    return define(name, cls, options);
  };
}

/** What a strict LibGo allows: sign in, live status, metrics, console echo (its console has no output of its own). */
async function scenario(page, label) {
  await page.waitForSelector('#login input[name="password"]');
  await page.type('#login input[name="password"]', 'admin123');
  await page.click('#login button[type="submit"]');
  await waitDeep(page, `${DETAIL} >>> .conn[data-state="live"]`, 20_000);
  await waitDeep(page, `${DETAIL}[status="running"]`, 20_000);
  await page.click(`${DETAIL} >>> #tab-monitoring`);
  await waitDeep(page, `${DETAIL} >>> vm-metrics >>> canvas`, 20_000);
  await page.click(`${DETAIL} >>> #tab-console`);
  await waitDeep(page, `${CONSOLE} >>> .xterm-helper-textarea`, 20_000);
  await waitDeep(page, `${CONSOLE} >>> [part="status-pill"][data-tone="ok"]`, 20_000);
  await page.click(`${CONSOLE} >>> [part="terminal"]`);
  const word = `hello-${label}`;
  await page.keyboard.type(word);
  await until(`"${word}" echoed back through nginx`, async () => (await page.$eval(CONSOLE, (el) => el.getTranscript())).includes(word));
}

// Anything that can be a token, in any form the client sends it.
const TOKEN_PATTERNS = [/eyJ[\w-]{4,}/, /ZXlK[\w-]{4,}/, /token=/i, /bearer/i, /k8s\.io/];

const HOSTS = [
  { name: 'plain-html', path: (origin) => `/examples/plain-html/?server=${encodeURIComponent(origin)}` },
  { name: 'react', path: (origin) => `/?server=${encodeURIComponent(origin)}` },
];

let libgo, nginx, chromium;
try {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: install Debian's nginx (apt-get install nginx libnginx-mod-http-js) or set NGINX_PATH.`);
  if (!existsSync(JS_MODULE)) throw new Error(`${JS_MODULE} not found: apt-get install libnginx-mod-http-js (njs decodes the subprotocol token).`);
  ensureBuilt();
  await buildSite();
  makeCertificate();
  libgo = await startLibGoServer({ strict: true, metricsIntervalMs: 1000, transitionDelayMs: 200 });
  const port = await freePort();
  writeConfig(port, `127.0.0.1:${libgo.port}`);
  nginx = startNginx(port);
  await nginx.ready;
  const origin = `https://127.0.0.1:${port}`;

  chromium = await launchBrowser({ profilePrefix: 'libgo-nginx-', args: ['--ignore-certificate-errors'] });

  for (const host of HOSTS) {
    for (const mode of ['query', 'subprotocol']) {
      const name = `${host.name}, token in the ${mode}, over wss through nginx`;
      const started = Date.now();
      let context;
      try {
        context = await chromium.browser.createBrowserContext();
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const watched = watchPage(page);
        const sockets = [];
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        cdp.on('Network.webSocketCreated', (e) => sockets.push(e.url));
        if (mode === 'subprotocol') await page.evaluateOnNewDocument(forceAuthMode, mode);
        await page.goto(origin + host.path(origin), { waitUntil: 'load' });
        await scenario(page, `${host.name}-${mode}`);
        if (sockets.length === 0 || !sockets.every((u) => u.startsWith('wss://'))) throw new Error(`sockets: ${sockets.length}, not all wss`);
        const inQuery = sockets.filter((u) => new URL(u).searchParams.has('token')).length;
        if (mode === 'query' ? inQuery !== sockets.length : inQuery !== 0) throw new Error(`${inQuery} of ${sockets.length} socket URLs carry ?token= in ${mode} mode`);
        if (watched.problems.length) throw new Error(watched.problems.join('; '));
        report(name, true, `sign-in, live status, metrics, console echo; ${sockets.length} sockets`, Date.now() - started);
      } catch (error) {
        report(name, false, error.message.split('\n')[0], Date.now() - started);
      } finally {
        await context?.close().catch(() => {});
      }
    }
  }

  // With LibGo down, nginx logs a failed upgrade: the request line (with ?token=) must not be in it.
  await libgo.close();
  libgo = null;
  const leak = 'eyJhbGciOiJIUzI1NiJ9.eyJsZWFrIjoidGVzdCJ9.c2lnbmF0dXJl';
  const status = await httpsStatus(port, `/ws/vms/web-01?token=${leak}`, { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' });
  report('an upgrade with LibGo down is answered 502', status === 502, `HTTP ${status}`);
  await nginx.stop();
  nginx = null;

  const access = readFileSync(join(prefix, 'access.log'), 'utf8');
  const errors = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
  const wsLines = access.split('\n').filter((l) => l.includes('/ws/vms/web-01'));
  report('the access log records the socket and API requests', wsLines.length > 0 && access.includes('/api/v1/auth/login'), `${access.split('\n').length - 1} lines, ${wsLines.length} for /ws/vms/web-01`);
  for (const [file, text] of [['access.log', access], ['error.log', errors]]) {
    const found = TOKEN_PATTERNS.filter((p) => p.test(text));
    report(`${file} holds no token`, found.length === 0, found.length ? `matches ${found.join(', ')}` : `${text.length} bytes checked`);
  }
} catch (error) {
  report('setup', false, error.stack ?? String(error));
} finally {
  await chromium?.close();
  await nginx?.stop();
  await libgo?.close();
  if (keep) console.log(`kept ${prefix}`);
  else rmSync(prefix, { recursive: true, force: true });
}

finish();
