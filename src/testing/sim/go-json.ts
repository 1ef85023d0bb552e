/**
 * JSON exactly as Go's encoding/json writes the server's messages: map keys sorted (the envelope is
 * a map, hence `data`, `timestamp`, `type`), `<`, `>`, `&`, U+2028 and U+2029 escaped. Clients must
 * not depend on either, and the simulation makes sure they are exercised.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (ch) =>
    `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) sorted[key] = sortKeys(v);
  }
  return sorted;
}

/**
 * RFC3339 with nanoseconds in UTC, trailing zeros of the fraction trimmed as Go's RFC3339Nano does
 * (so `...03.1234Z` can happen, and `...03Z` when the fraction is zero).
 */
export function rfc3339Nano(epochMs: number, subMsNanos = 0): string {
  const whole = Math.floor(epochMs);
  const iso = new Date(whole).toISOString(); // 2026-11-25T20:14:03.123Z
  const nanos = (whole % 1000) * 1_000_000 + Math.floor(subMsNanos) % 1_000_000;
  const fraction = nanos.toString().padStart(9, '0').replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** One encoded server message, ready to be batched into a frame. */
export function encodeServerMessage(type: string, data: unknown, timestamp: string): string {
  return goJson({ type, timestamp, data });
}

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
