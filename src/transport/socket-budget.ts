/**
 * The page's socket budget. Chromium opens at most 255 WebSockets per browser profile, all tabs
 * together, and fails the rest at once ("Insufficient resources", the URL and its token logged).
 * So every hub of a page asks this one budget before it opens a socket, and a socket past the
 * budget waits, visibly queued, until a grant is free: console sessions first, then sessions an
 * element shows on screen, then the rest. A session out of view keeps its socket until someone
 * with a better claim waits for it and a linger has passed, so scrolling back and forth does
 * not churn sockets.
 *
 * The budget lives on `globalThis`, so two copies of the library on one page share it.
 */

/** Who gets a socket first: lower rank first. */
export type SocketPriority = 'console' | 'visible' | 'background';

const RANK: Readonly<Record<SocketPriority, number>> = { console: 0, visible: 1, background: 2 };

export interface SocketBudgetOptions {
  /** Sockets the page may hold at once. Default 64; `Infinity` turns the budget off. */
  max?: number;
  /**
   * How long a session that left the screen keeps its socket against a waiting visible one.
   * Default 5 s; a shown element that has waited 1 s (steady scrolling) no longer waits for it.
   */
  lingerMs?: number;
}

/** What a session tells the budget about itself. */
export interface SocketClaimant {
  readonly priority: SocketPriority;
  /**
   * `performance.now()`-like time since which a `background` claimant has been out of view;
   * `-Infinity` when it was never shown (it yields at once).
   */
  readonly passiveSince: number;
  /** A socket may be opened now. */
  grant(): void;
  /** The grant is taken back: close the socket (the claimant is queued again). */
  revoke(): void;
}

/** A claimant's place in the budget. */
export interface SocketTicket {
  readonly granted: boolean;
  /** Call after the claimant's priority changed. */
  changed(): void;
  /** Gives the grant (or the place in the queue) back, for good. */
  release(): void;
}

interface Slot {
  claimant: SocketClaimant;
  seq: number;
  granted: boolean;
  released: boolean;
  /** When it last started waiting (budget clock). */
  waitingSince: number;
}

const DEFAULT_MAX = 64;
const DEFAULT_LINGER_MS = 5000;
/**
 * A shown element waits at most this long for a lingering one: the linger spares sockets when a
 * user scrolls back and forth, but under steady scrolling what is on screen now matters more.
 */
const PATIENCE_MS = 1000;

export class SocketBudget {
  private maxValue = DEFAULT_MAX;
  private lingerValue = DEFAULT_LINGER_MS;
  private readonly grantedSlots = new Set<Slot>();
  private readonly waitingSlots = new Set<Slot>();
  private seq = 0;
  private pumping = false;
  private pumpAgain = false;
  private pumpQueued = false;
  private lingerTimer: ReturnType<typeof setTimeout> | null = null;
  private lingerAt = Infinity;
  /** The most grants held at once since the last `resetPeak()`. */
  peak = 0;
  /** Grants given and taken back so far (for benchmarks: churn shows as revokes). */
  readonly counts = { grants: 0, revokes: 0 };

  get max(): number {
    return this.maxValue;
  }

  get lingerMs(): number {
    return this.lingerValue;
  }

  /** Grants held now (each is at most one socket open or opening). */
  get inUse(): number {
    return this.grantedSlots.size;
  }

  /** Claimants waiting for a grant. */
  get queued(): number {
    return this.waitingSlots.size;
  }

  configure(options: SocketBudgetOptions): void {
    if (options.max !== undefined) {
      const m = options.max;
      if (typeof m !== 'number' || Number.isNaN(m) || m < 1 || (Number.isFinite(m) && !Number.isInteger(m))) {
        throw new RangeError('The socket budget (max) must be a whole number of at least 1, or Infinity.');
      }
      this.maxValue = m;
    }
    if (options.lingerMs !== undefined) {
      const l = options.lingerMs;
      if (typeof l !== 'number' || !Number.isFinite(l) || l < 0) throw new RangeError('lingerMs must be a non-negative number of milliseconds.');
      this.lingerValue = l;
    }
    // A lower maximum takes sockets back from those that can best spare them.
    while (this.grantedSlots.size > this.maxValue) {
      const victim = this.lowest(() => true);
      if (!victim) break;
      this.revoke(victim);
    }
    this.pump();
  }

  resetPeak(): void {
    this.peak = this.grantedSlots.size;
  }

  /** Asks for a socket; `claimant.grant()` is called (perhaps at once) when one is free. */
  request(claimant: SocketClaimant): SocketTicket {
    const slot: Slot = { claimant, seq: this.seq++, granted: false, released: false, waitingSince: nowMs() };
    this.waitingSlots.add(slot);
    // The common case (room to spare, nobody waiting before it) is answered synchronously.
    if (this.waitingSlots.size === 1 && this.grantedSlots.size < this.maxValue && !this.pumping) this.pump();
    else this.pumpSoon();
    return {
      get granted() {
        return slot.granted;
      },
      changed: () => {
        if (slot.released) return;
        // Patience counts from when the claim became what it is now (e.g. scrolled into view).
        if (!slot.granted) slot.waitingSince = nowMs();
        this.pumpSoon();
      },
      release: () => {
        if (slot.released) return;
        slot.released = true;
        this.waitingSlots.delete(slot);
        if (this.grantedSlots.delete(slot)) {
          slot.granted = false;
          this.pump();
        }
      },
    };
  }

  private pumpSoon(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.pumpOnce();
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }

  private pumpOnce(): void {
    const waiting = [...this.waitingSlots].sort(byClaim);
    const now = nowMs();
    let nextExpiry = Infinity;
    for (const slot of waiting) {
      if (slot.released || slot.granted) continue;
      if (this.grantedSlots.size >= this.maxValue) {
        const rank = RANK[slot.claimant.priority];
        // A holder out of view yields to a better claim after its linger; a console waits for
        // nobody but another console (a tile shown on screen then queues behind it).
        const patienceEnds = slot.waitingSince + Math.min(PATIENCE_MS, this.lingerValue);
        const victim =
          this.lowest((s) => {
            if (RANK[s.claimant.priority] <= rank || s.claimant.priority !== 'background') return false;
            const expires = Math.min(s.claimant.passiveSince + this.lingerValue, rank < RANK.background ? patienceEnds : Infinity);
            if (expires <= now) return true;
            nextExpiry = Math.min(nextExpiry, expires);
            return false;
          }) ?? (rank === 0 ? this.lowest((s) => s.claimant.priority !== 'console') : null);
        if (!victim) break;
        this.revoke(victim);
      }
      this.waitingSlots.delete(slot);
      this.grantedSlots.add(slot);
      slot.granted = true;
      this.counts.grants++;
      this.peak = Math.max(this.peak, this.grantedSlots.size);
      slot.claimant.grant();
    }
    this.armLinger(nextExpiry, now);
  }

  /** The granted slot that can best spare its socket among those `eligible`: lowest priority, longest out of view. */
  private lowest(eligible: (s: Slot) => boolean): Slot | null {
    let best: Slot | null = null;
    for (const s of this.grantedSlots) {
      if (!eligible(s)) continue;
      if (!best || compareVictims(s, best) < 0) best = s;
    }
    return best;
  }

  private revoke(slot: Slot): void {
    this.grantedSlots.delete(slot);
    slot.granted = false;
    this.counts.revokes++;
    slot.seq = this.seq++;
    slot.waitingSince = nowMs();
    this.waitingSlots.add(slot);
    slot.claimant.revoke();
  }

  /** Looks again when the first lingering holder may yield to someone waiting. */
  private armLinger(at: number, now: number): void {
    if (at === Infinity || (this.lingerTimer !== null && this.lingerAt <= at)) return;
    if (this.lingerTimer !== null) clearTimeout(this.lingerTimer);
    this.lingerAt = at;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      this.lingerAt = Infinity;
      this.pump();
    }, Math.max(0, at - now) + 1);
  }
}

function byClaim(a: Slot, b: Slot): number {
  return RANK[a.claimant.priority] - RANK[b.claimant.priority] || a.seq - b.seq;
}

function compareVictims(a: Slot, b: Slot): number {
  return RANK[b.claimant.priority] - RANK[a.claimant.priority] || a.claimant.passiveSince - b.claimant.passiveSince;
}

function nowMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Time for `SocketClaimant.passiveSince`, on the budget's clock. */
export const budgetNow = nowMs;

const GLOBAL_KEY = Symbol.for('libgo-vm-elements.socket-budget');

/** The page's socket budget, shared by every hub and every copy of the library on the page. */
export function socketBudget(): SocketBudget {
  const g = globalThis as unknown as Record<symbol, SocketBudget | undefined>;
  return (g[GLOBAL_KEY] ??= new SocketBudget());
}

/**
 * Sets the page's socket budget: `max` sockets at once (default 64, well under Chromium's 255 per
 * browser profile, which every tab shares), and how long an element out of view keeps its socket
 * (`lingerMs`, default 5 s). `{ max: Infinity }` turns the budget off.
 */
export function configureSocketBudget(options: SocketBudgetOptions): void {
  socketBudget().configure(options);
}
