/**
 * Time and randomness are injected so that tests can drive the simulation with fake timers and a
 * fixed seed, and so the same core runs under Node and in a browser page.
 */

import { realTimers, type Timers } from '../../transport/timers.js';

export type TimerHandle = unknown;

/** The clients' injected timers, the same seam: the simulation and a hub can share fake time. */
export type Clock = Timers;

/**
 * The page's (or Node's) own timers, looked up at every call rather than captured, so fake timers
 * installed after the simulation was created (sinon, @web/test-runner) still take effect.
 */
export const systemClock: Clock = realTimers;

/** A small, fast PRNG (mulberry32): good enough for plausible metrics, and reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomUuid(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
  // Version 4 and the RFC 4122 variant, so the ids look like what the Go server generates.
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
