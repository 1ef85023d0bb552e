/**
 * What the current user may do, as far as the UI can tell. The server stays the authority; this
 * only decides which buttons are enabled and which explanation is shown before anyone clicks.
 */
export type Permission = 'create' | 'read' | 'update' | 'delete' | 'start' | 'stop' | 'export' | 'console';

/**
 * PROTOCOL.md's role table. `console` is not granted by the real server to any role; the reference
 * server grants it to admin and operator, and so does this table. Where a deployment differs, set
 * `permissions` on the hub (or the element) explicitly.
 */
export const ROLE_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  admin: ['create', 'read', 'update', 'delete', 'start', 'stop', 'export', 'console'],
  operator: ['read', 'update', 'start', 'stop', 'export', 'console'],
  viewer: ['read'],
};

export function permissionsForRoles(roles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role.toLowerCase()] ?? []) out.add(p);
  return out;
}

export interface TokenClaims {
  userId?: string;
  username?: string;
  roles: string[];
  permissions?: string[];
  exp?: number;
}

/** Reads a JWT's claims without verifying it (the server verifies). Null when it is not a JWT. */
export function readTokenClaims(token: string | null | undefined): TokenClaims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1]!.length > 16384) return null;
  try {
    const b64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    if (typeof claims !== 'object' || claims === null) return null;
    const c = claims as Record<string, unknown>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
    return {
      userId: typeof c.userId === 'string' || typeof c.userId === 'number' ? String(c.userId) : undefined,
      username: typeof c.username === 'string' ? c.username : undefined,
      roles: strings(c.roles) ?? [],
      permissions: strings(c.permissions),
      exp: typeof c.exp === 'number' ? c.exp : undefined,
    };
  } catch {
    return null;
  }
}

export function permissionsFromClaims(claims: TokenClaims): Set<Permission> {
  if (claims.permissions) return new Set(claims.permissions as Permission[]);
  return permissionsForRoles(claims.roles);
}
