/**
 * Which rows of `<vm-list>` have stayed rendered long enough to hold a session: the element looks
 * every SETTLE_MS while the virtualizer's ranges move, and a row gets its session only when it was
 * rendered at two looks in a row (a row that came and went within one, as in a fling, never opens
 * a socket). The rows on screen are said apart, to ask the socket budget first.
 */
export interface RowRange {
  first: number;
  last: number;
}

export interface Look {
  /** Rows rendered at this look and the last one (all rendered ones once the ranges stood still). */
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
    this.shownRange = { first: r.first, last: r.last };
    this.version++;
  }

  /** Takes a look at the rows, in the shown order (only the ranges' rows are named). */
  look<R>(rows: readonly R[], name: (row: R) => string): Look {
    const names = (r: RowRange) => (r.first < 0 ? [] : rows.slice(r.first, r.last + 1).map(name));
    const rendered = names(this.rendered);
    const moving = this.version !== this.lookedVersion;
    const stable = moving ? rendered.filter((n) => this.lastNames.has(n)) : rendered;
    this.lastNames = new Set(rendered);
    this.lookedVersion = this.version;
    return { stable, shown: new Set(names(this.shownRange)), moving };
  }
}
