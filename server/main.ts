/** `npm start`: the reference server with the demo page, on 127.0.0.1:8080 unless PORT/HOST say otherwise. */
import { DEFAULT_USERS } from '../src/testing/sim/users.js';
import { publicBindWarning } from './bind-policy.js';
import { createLibGoServer, type LibGoServer } from './create-server.js';
import { ConfigError } from './jwt-secret.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const allowPublic = process.env.ALLOW_PUBLIC === '1';

let server: LibGoServer;
try {
  server = await createLibGoServer({
    port,
    host,
    allowPublic,
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    demo: true,
    jwtSecret: process.env.JWT_SECRET,
    faults: process.env.LIBGO_FAULTS === '1',
    strict: process.env.LIBGO_STRICT === '1',
  });
} catch (error) {
  // A configuration mistake is the operator's to fix: the reason, without a stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`libgo reference server: ${error.message}`);
  process.exit(2);
}

if (allowPublic) console.warn(publicBindWarning(host));
console.log(`LibGo reference server listening on ${server.url}`);
console.log(`  demo page:  ${server.url}/`);
console.log(`  WebSocket:  ${server.url.replace(/^http/, 'ws')}/ws/vms/{name}[/console]`);
console.log(`  VMs:        ${server.sim.vmNames().join(', ')}`);
console.log('  users:      ' + DEFAULT_USERS.map((u) => `${u.username}/${u.password} (${u.roles.join(',')})`).join(', '));
if (!process.env.JWT_SECRET) console.log('  tokens:     signed with a random secret for this run (set JWT_SECRET, 32+ bytes, to keep them across restarts)');
if (process.env.LIBGO_STRICT === '1') console.log('  LibGo-strict: Authorization header only, acknowledged-only commands, echo-only console (docs/deploying-with-libgo.md)');
if (process.env.LIBGO_FAULTS === '1') console.log('  fault injection and /__test/ routes are ENABLED');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    console.log(`\n${signal}: shutting down`);
    void server.close().then(() => process.exit(0));
  });
}
