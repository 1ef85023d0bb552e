/** The demo's sign-in: a LibGo JWT kept in sessionStorage (gone when the tab closes). */
import { LazyRestClient, VmError } from '../../src/hub/index.js';
import { ROLE_PERMISSIONS, readTokenClaims } from '../../src/hub/permissions.js';
import { ACTION_NEEDS, ACTION_ORDER } from '../../src/hub/action-rules.js';

const KEY = 'libgo-demo-token';

export interface DemoUser {
  username: string;
  password: string;
  role: string;
  note: string;
}

/**
 * What a role can do in these elements, from the permission tables themselves (a hand-written
 * note said the operator could only start and stop; it can suspend and resume as well).
 */
export function roleAbilities(role: string): string {
  const granted = new Set<string>(ROLE_PERMISSIONS[role] ?? []);
  const actions = ACTION_ORDER.filter((a) => ACTION_NEEDS[a].every((p) => granted.has(p)));
  const parts = [actions.length === ACTION_ORDER.length ? 'every action' : actions.join(', '), granted.has('console') ? 'console' : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'watch only';
}

/** The reference server's users (src/testing/sim/users.ts), shown on the login form. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', password: 'admin123', role: 'admin' },
  { username: 'operator', password: 'operator123', role: 'operator' },
  { username: 'viewer', password: 'viewer123', role: 'viewer' },
].map((u) => ({ ...u, note: roleAbilities(u.role) }));

export function currentToken(): string | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = readTokenClaims(token);
  if (claims?.exp !== undefined && claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return token;
}

export function currentUser(): { username: string; roles: string[] } | null {
  const claims = readTokenClaims(currentToken());
  return claims ? { username: claims.username ?? '?', roles: claims.roles } : null;
}

export async function signIn(username: string, password: string): Promise<void> {
  const result = await new LazyRestClient({ serverUrl: location.origin }).login(username, password);
  sessionStorage.setItem(KEY, result.token);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

export function describeLoginError(e: unknown): string {
  if (e instanceof VmError) {
    if (e.code === 'AUTH_ERROR') return 'Wrong user name or password.';
    return e.message;
  }
  return 'Signing in failed.';
}
