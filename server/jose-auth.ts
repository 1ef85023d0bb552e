/** The server's token implementation: `jose`, as a Node deployment would use. */
import { jwtVerify, SignJWT } from 'jose';
import { isClaims, type Authenticator, type Claims } from '../src/testing/sim/auth.js';

export function createJoseAuthenticator(secret: string, now: () => number = () => Date.now()): Authenticator {
  const key = new TextEncoder().encode(secret);
  return {
    sign(claims: Claims): Promise<string> {
      return new SignJWT({ userId: claims.userId, username: claims.username, roles: claims.roles })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(Math.floor(now() / 1000))
        .setExpirationTime(claims.exp)
        .sign(key);
    },
    async verify(token: string): Promise<Claims | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(now()) });
        if (!isClaims(payload)) return null;
        return { userId: payload.userId, username: payload.username, roles: [...payload.roles], exp: payload.exp };
      } catch {
        return null;
      }
    },
  };
}
