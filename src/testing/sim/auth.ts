/** The token seam: the Node server plugs in `jose`, the in-page peer the WebCrypto HS256 below. */

export interface Claims {
  userId: string;
  username: string;
  roles: string[];
  /** Seconds since the epoch, as in any JWT. */
  exp: number;
}

export interface Authenticator {
  sign(claims: Claims): Promise<string>;
  /** Resolves to null (never rejects) for a malformed, forged or expired token. */
  verify(token: string): Promise<Claims | null>;
}

export function isClaims(value: unknown): value is Claims {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.userId === 'string' &&
    typeof c.username === 'string' &&
    Array.isArray(c.roles) &&
    c.roles.every((r) => typeof r === 'string') &&
    typeof c.exp === 'number'
  );
}
