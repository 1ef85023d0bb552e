/**
 * The page's socket budget. Chromium opens at most 255 WebSockets per browser profile, all tabs
 * together, and fails the rest at once ("Insufficient resources", the URL and its token logged).
 * So every socket of a page asks this one budget before it opens, and a socket past the budget
 * waits, visibly queued, until a grant is free: console sessions first, then sessions an element
 * shows on screen, then the rest.
 *
 * A shown element waiting for a socket takes, at once, the one of the element out of view longest
 * (an element never shown first): what the user sees now matters more than what they saw. The
 * ones that left view most recently keep theirs longest, so scrolling back a little finds them
 * still live. One that left view less than `lingerMs` ago is spared for `PATIENCE_MS`, so tiles
 * flicked past in a fast scroll take nobody's socket.
 *
 * This module loads with the connection code (`budgeted-socket.ts`), never in a first paint; the
 * settings are in `socket-budget-config.ts`. Its state lives on `globalThis`, so two copies of the
 * library on one page share one budget.
 */
import type { BudgetSettings, SocketPriority } from './socket-budget-config.js';

const RANK: Readonly<Record<SocketPriority, number>> = { console: 0, visible: 1, background: 2 };

/**
 * How long a shown element waits for a socket an element out of view less than `lingerMs` holds:
 * long enough that tiles flicked past in a fast scroll take no socket, short enough that a tile
 * scrolled into view is live within one connect time and one metrics interval (1 Hz) of it.
 */
const PATIENCE_MS = 250;

/**
 * Sockets of the page in their opening handshake at once. Chromium delays each new WebSocket of a
 * page by a random 1–5 s × 2^(handshakes pending) / 65,536: unseen up to about ten at once, then
 * seconds (bench:fleet: of 19 list rows granted together, the last four opened 0.5–4 s late). A
 * few at a time keeps every handshake immediate; the browser opens them one by one anyway.
 */
export const MAX_OPENING = 4;
/** A handshake still not over after this long holds no place: a server that hangs blocks no other. */
export const OPENING_TIMEOUT_MS = 5000;

/** What a socket tells the budget about itself. */
export interface SocketClaimant {
  readonly priority: SocketPriority;
  /** `performance.now()` since which it has been out of view; `-Infinity` when never shown. */
  readonly passiveSince: number;
  /** A socket may be opened now. */
  grant(): void;
  /** Granted and not yet open (its handshake in flight); the ticket's `changed` is called when that ends. */
  opening?(): boolean;
  /** The grant is taken back: close the socket (the claimant is queued again). */
  revoke(): void;
}

/** A claimant's place in the budget. */
export interface SocketTicket {
  readonly granted: boolean;
  /** Not granted only because a few other sockets are in their handshake (there is room). */
  readonly paced: boolean;
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
  /** When it last started waiting. */
  waitingSince: number;
  /** When it was last granted. */
  grantedAt: number;
}

const now = () => performance.now();

export class SocketBudget {
  private readonly held = new Set<Slot>();
  private readonly waiting = new Set<Slot>();
  private seq = 0;
  private pumping = false;
  private pumpAgain = false;
  private pumpQueued = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;
  /** The most grants held at once since the last `resetPeak()`. */
  peak = 0;
  /** Grants given and taken back so far (for benchmarks: churn shows as revokes). */
  readonly counts = { grants: 0, revokes: 0 };

  constructor(private readonly settings: BudgetSettings) {
    settings.apply = () => this.pump();
  }

  get max(): number {
    return this.settings.max;
  }

  get lingerMs(): number {
    return this.settings.lingerMs;
  }

  /** Grants held now (each is at most one socket open or opening). */
  get inUse(): number {
    return this.held.size;
  }

  /** Claimants waiting for a grant. */
  get queued(): number {
    return this.waiting.size;
  }

  resetPeak(): void {
    this.peak = this.held.size;
  }

  /** Asks for a socket; `claimant.grant()` is called (at once when there is room) when one is free. */
  request(claimant: SocketClaimant): SocketTicket {
    const slot: Slot = { claimant, seq: this.seq++, granted: false, released: false, waitingSince: now(), grantedAt: -Infinity };
    this.waiting.add(slot);
    // The common case (room to spare, nobody waiting before it) is answered synchronously.
    if (this.waiting.size === 1 && this.held.size < this.settings.max && !this.pumping) this.pump();
    else this.pumpSoon();
    const held = this.held;
    const settings = this.settings;
    return {
      get granted() {
        return slot.granted;
      },
      get paced() {
        return !slot.granted && !slot.released && held.size < settings.max;
      },
      changed: () => {
        if (slot.released) return;
        // Patience counts from when the claim became what it is now (e.g. scrolled into view).
        if (!slot.granted) slot.waitingSince = now();
        if (this.waiting.size > 0) this.pumpSoon();
      },
      release: () => {
        if (slot.released) return;
        slot.released = true;
        this.waiting.delete(slot);
        if (this.held.delete(slot)) {
          slot.granted = false;
          this.pump();
        }
      },
    };
  }

  /** Looks at the queue once the current task's changes (a scroll's worth of elements) are in. */
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
    const { max, lingerMs } = this.settings;
    // A lower maximum takes sockets back from those that can best spare them.
    while (this.held.size > max) {
      const victim = this.lowest(() => true);
      if (!victim) break;
      this.revoke(victim);
    }
    const t = now();
    let nextLook = Infinity;
    let opening = 0;
    let openingEnds = Infinity;
    for (const h of this.held) {
      if (!h.claimant.opening?.() || h.grantedAt + OPENING_TIMEOUT_MS <= t) continue;
      opening++;
      openingEnds = Math.min(openingEnds, h.grantedAt + OPENING_TIMEOUT_MS);
    }
    for (const slot of [...this.waiting].sort(byClaim)) {
      if (slot.granted || !this.waiting.has(slot)) continue;
      // The rest wait for a handshake to end (the claimant's `changed` pumps again), or to time out.
      if (opening >= MAX_OPENING) {
        nextLook = Math.min(nextLook, openingEnds);
        break;
      }
      if (this.held.size >= max) {
        const rank = RANK[slot.claimant.priority];
        // Background claims wait for a free socket; a console waits for nobody but another
        // console (a tile shown on screen then queues behind it).
        if (rank === RANK.background) continue;
        const patienceEnds = slot.waitingSince + PATIENCE_MS;
        const victim =
          this.lowest((h) => {
            if (h.claimant.priority !== 'background') return false;
            const spared = Math.min(h.claimant.passiveSince + lingerMs, patienceEnds);
            if (spared <= t) return true;
            nextLook = Math.min(nextLook, spared);
            return false;
          }) ?? (rank === RANK.console ? this.lowest((h) => h.claimant.priority !== 'console') : null);
        if (!victim) continue;
        this.revoke(victim);
      }
      this.waiting.delete(slot);
      this.held.add(slot);
      slot.granted = true;
      slot.grantedAt = t;
      opening++;
      this.counts.grants++;
      this.peak = Math.max(this.peak, this.held.size);
      slot.claimant.grant();
    }
    this.lookAgainAt(nextLook, t);
  }

  /** The granted slot that can best spare its socket among those `eligible`: lowest priority, longest out of view. */
  private lowest(eligible: (h: Slot) => boolean): Slot | null {
    let best: Slot | null = null;
    for (const h of this.held) {
      if (!eligible(h)) continue;
      if (!best || compareVictims(h, best) < 0) best = h;
    }
    return best;
  }

  private revoke(slot: Slot): void {
    this.held.delete(slot);
    slot.granted = false;
    this.counts.revokes++;
    slot.seq = this.seq++;
    slot.waitingSince = now();
    this.waiting.add(slot);
    slot.claimant.revoke();
  }

  /** Looks again when the first spared holder may yield to someone waiting. */
  private lookAgainAt(at: number, t: number): void {
    if (at === Infinity || (this.timer !== null && this.timerAt <= at)) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - t) + 1);
  }
}

function byClaim(a: Slot, b: Slot): number {
  return RANK[a.claimant.priority] - RANK[b.claimant.priority] || a.seq - b.seq;
}

function compareVictims(a: Slot, b: Slot): number {
  return RANK[b.claimant.priority] - RANK[a.claimant.priority] || a.claimant.passiveSince - b.claimant.passiveSince;
}

/** The page's socket budget, shared by every hub and every copy of the library on the page. */
export function socketBudget(): SocketBudget {
  const g = globalThis as unknown as Record<symbol, SocketBudget | undefined>;
  // The settings' key and defaults are those of `budgetSettings()` (socket-budget-config.ts), not
  // imported: an import from a first-paint module would keep it in every first paint.
  const settings = ((g as unknown as Record<symbol, BudgetSettings>)[Symbol.for('libgo-vm-elements.socket-budget')] ??= { max: 64, lingerMs: 5000 });
  return (g[Symbol.for('libgo-vm-elements.socket-budget-queue')] ??= new SocketBudget(settings));
}
