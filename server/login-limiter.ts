/**
 * Failed sign-ins per key (a client address, a user name), as token buckets: `burst` failures
 * at once, then one more every `refillMs`. Only failures spend tokens, so a portal that signs in
 * often is never slowed, while guessing runs at a few attempts a minute instead of ~800 a second.
 * Memory is bounded: at most `maxKeys` buckets; the least recently touched go first, and a full
 * bucket is the same as no bucket.
 */
export interface LoginLimiterOptions {
  burst?: number;
  refillMs?: number;
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class LoginLimiter {
  private readonly burst: number;
  private readonly refillMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: LoginLimiterOptions = {}) {
    this.burst = options.burst ?? 10;
    this.refillMs = options.refillMs ?? 6000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? (() => Date.now());
  }

  get size(): number {
    return this.buckets.size;
  }

  /** 0 when `key` may try now, else how long until it may. */
  retryAfterMs(key: string): number {
    const bucket = this.current(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.ceil((1 - bucket.tokens) * this.refillMs);
  }

  /** Spends one token of `key`. */
  fail(key: string): void {
    const bucket = this.current(key) ?? { tokens: this.burst, at: this.now() };
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    // Re-inserted so that the Map's order is least recently touched first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }

  /** The bucket refilled up to now; dropped (null) once full again. */
  private current(key: string): Bucket | null {
    const bucket = this.buckets.get(key);
    if (!bucket) return null;
    const now = this.now();
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.refillMs);
    bucket.at = now;
    if (bucket.tokens >= this.burst) {
      this.buckets.delete(key);
      return null;
    }
    return bucket;
  }
}
