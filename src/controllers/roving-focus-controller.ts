/**
 * Arrow-key focus within a group that is one tab stop (WAI-ARIA toolbar, tablist, menu grid):
 * arrows move to the neighbour (wrapping along a row), Home and End to the ends, Up and Down by a
 * row in a grid. The host hands its keydown (and, for a remembered tab stop, focusin) events over.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextRovingIndex, type RovingLayout } from '../internal/roving-index.js';

export { nextRovingIndex, type RovingLayout };

export interface RovingFocusOptions {
  /** The items that can take focus, in order (disabled ones left out). */
  items: () => HTMLElement[];
  layout?: RovingLayout;
  /** Items per row, for a grid. */
  columns?: number;
  /**
   * Keep one tab stop among `members` (default: the items): the item focused last, else the
   * first, gets tabindex 0 and every other member -1, after each render of the host.
   */
  tabStop?: boolean;
  members?: () => HTMLElement[];
  /** The index the key moves from (default: the item the event came from). */
  current?: (items: HTMLElement[], event: KeyboardEvent) => number;
  /** Moves to an item (default: focuses it); a tablist selects the tab here. */
  activate?: (item: HTMLElement, index: number) => void;
}

export class RovingFocusController implements ReactiveController {
  private readonly options: RovingFocusOptions;
  private last: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost, options: RovingFocusOptions) {
    this.options = options;
    host.addController(this);
  }

  /** Handles a keydown on the group; true when it moved focus (the default action is prevented). */
  readonly onKeydown = (e: KeyboardEvent): boolean => {
    const items = this.options.items();
    const index = this.options.current ? this.options.current(items, e) : items.indexOf(e.target as HTMLElement);
    if (index < 0) return false;
    const next = nextRovingIndex(e.key, index, items.length, this.options.layout, this.options.columns);
    if (next === null) return false;
    e.preventDefault();
    const item = items[next]!;
    if (this.options.activate) this.options.activate(item, next);
    else item.focus();
    return true;
  };

  /** Remembers the item that took focus as the group's tab stop. */
  readonly onFocusin = (e: FocusEvent): void => {
    const item = this.options.items().find((i) => i === e.target || i.contains(e.target as Node));
    if (!item) return;
    this.last = item;
    this.syncTabStop();
  };

  hostUpdated(): void {
    if (this.options.tabStop) this.syncTabStop();
  }

  private syncTabStop(): void {
    if (!this.options.tabStop) return;
    const items = this.options.items();
    const stop = this.last && items.includes(this.last) ? this.last : items[0];
    for (const m of this.options.members?.() ?? items) m.tabIndex = m === stop ? 0 : -1;
  }
}
