/**
 * Samples pushed by a host through `<vm-metrics>.metrics`: the protocol's MetricsData plus a
 * timestamp. Host data has not been through the protocol validator, so every field is checked
 * here and a sample that cannot be trusted is rejected with a reason a person can act on.
 */
import { parseRfc3339 } from '../../protocol/validate.js';
import type { MetricsInput } from '../../metrics/index.js';

/** What a host may push: one object or an array of them. */
export interface MetricsSample extends MetricsInput {
  /** When the sample was taken: ms since the epoch, an RFC3339 string, or a Date. */
  timestamp: number | string | Date;
}

export type SampleCheck = { ok: true; t: number; data: MetricsInput } | { ok: false; reason: string };

const FIELDS = [
  ['cpu', ['utilization']],
  ['memory', ['used', 'total']],
  ['network', ['rxBytes', 'txBytes']],
  ['disk', ['readBytes', 'writeBytes']],
] as const;

function timestampOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : undefined;
  if (typeof v === 'string') return parseRfc3339(v);
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v == null) return String(v);
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

/** Checks one pushed sample; missing groups or fields are allowed (they become gaps). */
export function checkSample(sample: unknown): SampleCheck {
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
    return { ok: false, reason: `a sample must be an object, got ${describe(sample)}` };
  }
  const s = sample as Record<string, unknown>;
  const t = timestampOf(s.timestamp);
  if (t === undefined) {
    return {
      ok: false,
      reason: `timestamp must be ms since the epoch, an RFC3339 string or a Date, got ${describe(s.timestamp)}`,
    };
  }
  let groups = 0;
  const data: Record<string, Record<string, number>> = {};
  for (const [group, fields] of FIELDS) {
    const g = s[group];
    if (g === undefined || g === null) continue;
    if (typeof g !== 'object' || Array.isArray(g)) return { ok: false, reason: `${group} must be an object, got ${describe(g)}` };
    const out: Record<string, number> = {};
    for (const field of fields) {
      const v = (g as Record<string, unknown>)[field];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        return { ok: false, reason: `${group}.${field} must be a finite number ≥ 0, got ${describe(v)}` };
      }
      out[field] = v;
    }
    data[group] = out;
    groups++;
  }
  if (groups === 0) return { ok: false, reason: 'a sample needs at least one of cpu, memory, network or disk' };
  return { ok: true, t, data: data as MetricsInput };
}

/**
 * Adds the valid samples to `history` (one already known or older is skipped on purpose: a host
 * may resend its whole array). Returns what to tell the host about the invalid ones, or null.
 */
export function addSamples(history: { add(t: number, data: MetricsInput): unknown }, samples: readonly unknown[]): string | null {
  const errors: string[] = [];
  for (const sample of samples) {
    const check = checkSample(sample);
    if (check.ok) history.add(check.t, check.data);
    else errors.push(check.reason);
  }
  if (errors.length === 0) return null;
  return errors.length === 1
    ? `Invalid metrics sample skipped: ${errors[0]}.`
    : `${errors.length} invalid metrics samples skipped; the first: ${errors[0]}.`;
}
