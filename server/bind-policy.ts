/**
 * Where the reference server may listen. It ships demo users with published passwords and answers
 * CORS for any origin: fine on loopback, an open door on a shared host or a LAN.
 */
import { isIP } from 'node:net';
import { ConfigError } from './jwt-secret.js';

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^(0{0,4}:){1,7}0{0,3}1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

/** Throws unless `host` is loopback or the operator said, in so many words, to expose the server. */
export function checkBindHost(host: string, allowPublic: boolean): void {
  if (allowPublic || isLoopbackHost(host)) return;
  throw new ConfigError(
    `Refusing to listen on ${host}: it is not a loopback address, and this reference server has demo users ` +
      'with published passwords (admin/admin123...), CORS open to any origin and no TLS. ' +
      'Set ALLOW_PUBLIC=1 (or pass allowPublic: true) to listen there anyway.',
  );
}

/** What `npm start` prints when ALLOW_PUBLIC=1 lets it listen beyond loopback. */
export function publicBindWarning(host: string): string {
  const bar = '!'.repeat(78);
  return [
    bar,
    `WARNING: listening on ${host}, reachable from other machines (ALLOW_PUBLIC=1).`,
    '  - the demo users and their passwords are published: anyone who can reach this port is admin;',
    '  - CORS allows any origin, and traffic is plain HTTP/WS (tokens travel in clear);',
    '  - this is a simulation for development, not a LibGo server to put on a network.',
    bar,
  ].join('\n');
}
