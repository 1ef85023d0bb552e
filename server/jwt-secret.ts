/**
 * The HS256 secret. Version 0.1 fell back to a constant published in the sources, so anyone could
 * mint an admin token for any server started without `JWT_SECRET`.
 */
import { randomBytes } from 'node:crypto';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
export const MIN_JWT_SECRET_BYTES = 32;

/** A refusal whose message is for the person starting the server; `npm start` prints just that. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The given secret when it is long enough; a fresh random one when none is given (tokens then last
 * as long as the process, which is what a demo needs).
 */
export function resolveJwtSecret(given: string | undefined): string {
  if (given === undefined || given === '') return randomBytes(MIN_JWT_SECRET_BYTES).toString('base64url');
  const bytes = Buffer.byteLength(given, 'utf8');
  if (bytes < MIN_JWT_SECRET_BYTES) {
    throw new ConfigError(
      `JWT_SECRET is ${bytes} bytes; it must be at least ${MIN_JWT_SECRET_BYTES} (HS256 needs a key as long as its hash). ` +
        'Generate one with `openssl rand -base64 48`, or leave JWT_SECRET unset for a random secret per start.',
    );
  }
  return given;
}
