/** Users, roles and permissions as PROTOCOL.md describes the server's role table. */

export const PERMISSIONS = ['create', 'read', 'update', 'delete', 'start', 'stop', 'export', 'console'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The real server grants `console` to no role; the reference server grants it to admin and operator
 * so that read-only users can monitor but not type (see PROTOCOL.md).
 */
export const ROLE_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  admin: ['create', 'read', 'update', 'delete', 'start', 'stop', 'export', 'console'],
  operator: ['read', 'update', 'start', 'stop', 'export', 'console'],
  viewer: ['read'],
};

export interface SimUser {
  id: string;
  username: string;
  password: string;
  email: string;
  roles: string[];
}

export const DEFAULT_USERS: readonly SimUser[] = [
  { id: '7d1c2a4e-0b6f-4a52-9c1e-3f8a5d0b7e21', username: 'admin', password: 'admin123', email: 'admin@libgo.local', roles: ['admin'] },
  { id: 'b3e9f6a1-5c2d-4e8f-a7b0-1d4c6e9f2a83', username: 'operator', password: 'operator123', email: 'operator@libgo.local', roles: ['operator'] },
  { id: 'e5a0c8d2-9f3b-4b16-8e4a-7c2f1b5d9e04', username: 'viewer', password: 'viewer123', email: 'viewer@libgo.local', roles: ['viewer'] },
];

export function permissionsForRoles(roles: readonly string[]): Set<Permission> {
  const perms = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) perms.add(p);
  return perms;
}
