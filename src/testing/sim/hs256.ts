/**
 * HS256 JWTs with WebCrypto only, for the in-page peer (a browser cannot load `jose`'s Node build
 * everywhere, and the peer must not pull in Node modules). The Node server uses `jose` instead.
 */
import { isClaims, type Authenticator, type Claims } from './auth.js';
import { base64urlDecode, base64urlDecodeText, base64urlEncode, base64urlEncodeText } from './base64url.js';

const HEADER = base64urlEncodeText(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function createHs256Authenticator(secret: string, now: () => number = () => Date.now()): Authenticator {
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );

  return {
    async sign(claims: Claims): Promise<string> {
      const payload = base64urlEncodeText(JSON.stringify(claims));
      const signingInput = `${HEADER}.${payload}`;
      const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(signingInput));
      return `${signingInput}.${base64urlEncode(new Uint8Array(mac))}`;
    },

    async verify(token: string): Promise<Claims | null> {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [header, payload, signature] = parts as [string, string, string];
      const headerJson = base64urlDecodeText(header);
      const sig = base64urlDecode(signature);
      if (!headerJson || !sig) return null;
      try {
        if ((JSON.parse(headerJson) as { alg?: unknown }).alg !== 'HS256') return null;
        const ok = await crypto.subtle.verify(
          'HMAC',
          await key,
          sig,
          new TextEncoder().encode(`${header}.${payload}`),
        );
        if (!ok) return null;
        const claims: unknown = JSON.parse(base64urlDecodeText(payload) ?? 'null');
        if (!isClaims(claims) || claims.exp * 1000 <= now()) return null;
        return { userId: claims.userId, username: claims.username, roles: [...claims.roles], exp: claims.exp };
      } catch {
        return null;
      }
    },
  };
}
