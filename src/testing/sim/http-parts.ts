/** Small request-parsing helpers shared by the REST handler and the upgrade check. */

export type HeaderBag = Record<string, string | string[] | undefined>;

export function header(headers: HeaderBag | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

export function bearerToken(headers: HeaderBag | undefined): string | null {
  const value = header(headers, 'authorization');
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match ? match[1]! : null;
}

/**
 * Splits a raw path into segments, percent-decoding each exactly once, so `a%2F..%2Fb` is the
 * single name `a/../b` and can never walk to another route. Null when an escape is malformed.
 */
export function pathSegments(rawPath: string): string[] | null {
  const path = rawPath.split('?')[0]!.split('#')[0]!;
  try {
    return path.split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}
