/**
 * Settings of the page's socket budget (see `socket-budget.ts`). Kept apart from the budget
 * itself, which loads with the connection code on first connect: a page that configures the
 * budget before any element connects must not carry the queue in its first paint.
 */

/** Who gets a socket first: console sessions, then what an element shows on screen, then the rest. */
export type SocketPriority = 'console' | 'visible' | 'background';

/**
 * A socket's place in the page's socket budget, kept by its owner (the hub, per session) and read
 * by the budget. A console socket is always `console`; another is `visible` while `shown` is not
 * 0, else `background`.
 */
export interface SocketClaim {
  /** How many elements show it on screen now. */
  shown: number;
  /** `performance.now()` since which no element shows it; `-Infinity` when it was never shown. */
  passiveSince: number;
  /** Set by the socket: the owner calls it after changing `shown`. */
  changed?: () => void;
  /** Set by the owner: the socket has to wait for the budget (never granted one, or taken back). */
  onQueued?: () => void;
}

export interface SocketBudgetOptions {
  /** Sockets the page may hold at once. Default 64; `Infinity` turns the budget off. */
  max?: number;
  /**
   * For how long after an element left view its socket is spared, for a moment, from an element
   * shown and waiting for one (see `socket-budget.ts`). Default 5 s.
   */
  lingerMs?: number;
}

/** @internal The budget's settings, shared on `globalThis` by every copy of the library. */
export interface BudgetSettings {
  max: number;
  lingerMs: number;
  /** The budget, once the connection code loaded: applies new settings. */
  apply?: () => void;
}

/** @internal */
export const budgetSettings = (): BudgetSettings =>
  ((globalThis as unknown as Record<symbol, BudgetSettings>)[Symbol.for('libgo-vm-elements.socket-budget')] ??= { max: 64, lingerMs: 5000 });

/**
 * Sets the page's socket budget: `max` sockets at once (default 64, well under Chromium's 255 per
 * browser profile, which every tab shares), and how long an element out of view is spared
 * (`lingerMs`, default 5 s). `{ max: Infinity }` turns the budget off. A lower maximum takes
 * sockets back, at once, from the elements that can best spare them.
 */
export function configureSocketBudget(options: SocketBudgetOptions): void {
  const { max: m, lingerMs: l } = options;
  if (m !== undefined && (typeof m !== 'number' || Number.isNaN(m) || m < 1 || (Number.isFinite(m) && !Number.isInteger(m)))) {
    throw new RangeError('The socket budget (max) must be a whole number of at least 1, or Infinity.');
  }
  if (l !== undefined && (typeof l !== 'number' || !Number.isFinite(l) || l < 0)) throw new RangeError('lingerMs must be a non-negative number of milliseconds.');
  const s = budgetSettings();
  s.max = m ?? s.max;
  s.lingerMs = l ?? s.lingerMs;
  s.apply?.();
}
