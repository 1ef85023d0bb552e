/** Exponential backoff with full jitter, so a fleet of tabs does not reconnect in lockstep. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Lower bound, so a jitter of ~0 does not hammer a server that just refused us. */
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, minMs: 100 };

export function backoffDelay(attempt: number, random: () => number, o: BackoffOptions = DEFAULT_BACKOFF): number {
  const cap = Math.min(o.maxMs, o.initialMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.max(o.minMs, Math.floor(random() * cap));
}
