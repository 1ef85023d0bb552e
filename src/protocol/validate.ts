/**
 * Field validators for inbound messages. Each returns the cleaned value or `undefined`, so the
 * decoder can say which field was wrong without throwing.
 */
import { VM_STATUSES, type VmStatus } from './types.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown, maxLength = 65536): string | undefined {
  return typeof v === 'string' && v.length <= maxLength ? v : undefined;
}

/** A finite number ≥ 0; the server's counters and sizes are never negative. */
export function nonNegative(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

const KNOWN_STATUSES = new Set<string>(VM_STATUSES);

/** Any status string the UI does not know becomes `unknown` instead of breaking a switch. */
export function normaliseStatus(raw: string): VmStatus {
  const s = raw.trim().toLowerCase();
  return KNOWN_STATUSES.has(s) ? (s as VmStatus) : 'unknown';
}

// RFC3339 with an optional fraction of any length (Go sends nanoseconds) and Z or ±hh:mm.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC3339 timestamp into ms since the epoch. `Date.parse` is not used because it
 * rejects or misreads nine fraction digits in some engines; sub-millisecond digits are kept as a
 * fraction so two messages within one millisecond still order correctly.
 */
export function parseRfc3339(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.length > 64) return undefined;
  const m = RFC3339.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, Math.min(second, 59));
  if (frac) ms += Number(`0.${frac}`) * 1000;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const offset = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    ms -= sign * offset * 60_000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

/** A short, single-line excerpt of untrusted input for an error detail. */
export function excerpt(text: string, max = 80): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
