/**
 * Which rows of `<vm-list>` hold a session: rows on screen that have stayed rendered long enough.
 * The element looks every SETTLE_MS while the virtualizer's ranges move, and a row gets its session
 * only when it was rendered at two looks in a row (a row that came and went within one, as in a
 * fling, never opens a socket). Rows the virtualizer renders beyond the view hold none: each live
 * session costs the page a socket message a second, and off-screen rows keep their last values (an
 * idle list of 10,000 VMs held 64 sockets for about 22 rows on screen: bench:fleet).
 */
export interface RowRange {
  first: number;
  last: number;
}

export interface Look {
  /** Rows on screen now and rendered at the last look too (all rows on screen once still). */
  stable: string[];
  /** Rows on screen. */
  shown: Set<string>;
  /** The ranges moved since the last look: look again. */
  moving: boolean;
}

const NONE: RowRange = { first: -1, last: -1 };

export class RowRanges {
  /** Rows the virtualizer has rendered (on screen and a little around). */
  rendered: RowRange = NONE;
  /** Rows on screen. */
  shownRange: RowRange = NONE;
  private version = 0;
  private lookedVersion = -1;
  private lastNames = new Set<string>();

  setRendered(r: RowRange): void {
    this.rendered = { first: r.first, last: r.last };
    this.version++;
  }

  setShown(r: RowRange): void {
    if (r.first === this.shownRange.first && r.last === this.shownRange.last) return;
    this.shownRange = { first: r.first, last: r.last };
    this.version++;
  }

  /** Takes a look at the rows, in the shown order (only the ranges' rows are named). */
  look<R>(rows: readonly R[], name: (row: R) => string): Look {
    const names = (r: RowRange) => (r.first < 0 ? [] : rows.slice(r.first, r.last + 1).map(name));
    const rendered = names(this.rendered);
    const shown = new Set(names(this.shownRange));
    const moving = this.version !== this.lookedVersion;
    const stable = rendered.filter((n) => shown.has(n) && (!moving || this.lastNames.has(n)));
    this.lastNames = new Set(rendered);
    this.lookedVersion = this.version;
    return { stable, shown, moving };
  }
}

/**
 * The rows inside the list's own scroll box (any part of them), by their `aria-rowindex`: what the
 * list shows, whether or not the page has scrolled the list itself into view (the virtualizer's
 * visible range is clipped to the window, so a list below the fold would show no row at all; the
 * list as a whole being off screen is said to the socket budget apart).
 */
export function rowsInView(body: Element | null | undefined): RowRange {
  if (!body) return NONE;
  const box = body.getBoundingClientRect();
  let first = -1;
  let last = -1;
  for (const row of body.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]')) {
    const r = row.getBoundingClientRect();
    if (r.bottom <= box.top || r.top >= box.bottom || r.height === 0) continue;
    // aria-rowindex counts the header row and from 1.
    const index = Number(row.getAttribute('aria-rowindex')) - 2;
    if (!(index >= 0)) continue;
    if (first < 0 || index < first) first = index;
    if (index > last) last = index;
  }
  return first < 0 ? NONE : { first, last };
}
