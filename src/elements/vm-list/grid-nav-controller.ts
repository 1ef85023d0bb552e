/**
 * `<vm-list>`'s keyboard: the WAI-ARIA grid pattern (grid-keys.ts) over a virtualized grid, with a
 * roving tabindex. The active cell is kept as numbers, not as an element, because the virtualizer
 * renders only some rows: a key moves the position, asks the virtualizer to bring its row in, and
 * the cell is focused after the render that shows it. The header's one Actions cell stands for
 * every action column below it.
 */
import type { LitElement, ReactiveController } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { moveInGrid, type GridPos } from './grid-keys.js';
import type { RowRange } from './row-ranges.js';

export interface GridNavOptions {
  /** Data rows (the header not counted). */
  rows: () => number;
  /** Columns a data row has for the keyboard: its cells, then each action button. */
  cols: number;
  /** Cells before the actions: the header's Actions cell is at this column. */
  cells: number;
  /** The virtualizer's scroller (the grid's body); null while no grid is rendered. */
  body: () => (HTMLElement & Partial<VirtualizerHostElement>) | null;
  /** Enter or Space on a data row's cell (index from 0); false when there is no such row. */
  choose: (index: number) => boolean;
}

export class GridNavController implements ReactiveController {
  private activePos: GridPos = { row: 1, col: 1 };
  private focusWanted = false;

  constructor(
    private readonly host: LitElement,
    private readonly options: GridNavOptions,
  ) {
    host.addController(this);
  }

  /** The active cell: row 0 is the header, 1… the VMs. */
  get active(): GridPos {
    return this.activePos;
  }

  private set active(pos: GridPos) {
    this.activePos = pos;
    this.host.requestUpdate();
  }

  /** The tabindex of a cell: 0 for the active one (the grid's one tab stop), else -1. */
  tab(row: number, col: number): number {
    const a = this.activePos;
    const cells = this.options.cells;
    const hit = row === 0 && col === cells ? a.row === 0 && a.col >= cells : a.row === row && a.col === col;
    return hit ? 0 : -1;
  }

  /** After the rows changed: an active row past the end goes back to the first. */
  clampTo(rows: number): void {
    if (this.activePos.row > rows) this.active = { row: Math.min(1, rows), col: this.activePos.col };
  }

  /**
   * Keeps the tab stop among the rendered rows (the virtualizer removes the others): unless the
   * grid has focus, an active row scrolled away hands it to the first row on screen.
   */
  keepInReach(rendered: RowRange, shown: RowRange): void {
    if (this.host.matches(':focus-within') || this.activePos.row === 0 || rendered.first < 0) return;
    const i = this.activePos.row - 1;
    if (i >= rendered.first && i <= rendered.last) return;
    const first = shown.first >= 0 ? shown.first : rendered.first;
    this.active = { row: first + 1, col: this.activePos.col };
  }

  readonly onFocusin = (ev: FocusEvent): void => {
    const pos = (ev.target as HTMLElement).closest<HTMLElement>('[data-pos]')?.dataset.pos;
    if (!pos) return;
    const [row, col] = pos.split(',').map(Number) as [number, number];
    const a = this.activePos;
    const cells = this.options.cells;
    if (row !== a.row || (col !== a.col && !(row === 0 && col === cells && a.col >= cells))) {
      this.active = { row, col };
    }
  };

  readonly onKeydown = (ev: KeyboardEvent): void => {
    const onButton = (ev.target as HTMLElement).localName === 'button';
    if ((ev.key === 'Enter' || ev.key === ' ') && !onButton && this.activePos.row >= 1) {
      if (this.options.choose(this.activePos.row - 1)) ev.preventDefault();
      return;
    }
    const size = { rows: this.options.rows(), cols: this.options.cols, pageRows: this.pageRows() };
    const next = moveInGrid(ev.key, ev.ctrlKey || ev.metaKey, this.activePos, size);
    if (!next) return;
    ev.preventDefault();
    this.active = next;
    this.focusWanted = true;
    if (next.row >= 1) this.options.body()?.[virtualizerRef]?.element(next.row - 1)?.scrollIntoView({ block: 'nearest' });
  };

  hostUpdated(): void {
    if (this.focusWanted) void this.focusActive();
  }

  /** Rows in one screenful, less one kept for context (PageUp/PageDown). */
  private pageRows(): number {
    const body = this.options.body();
    const first = body?.querySelector<HTMLElement>('[role="row"]');
    if (!body || !first || first.offsetHeight === 0) return 1;
    return Math.max(1, Math.floor(body.clientHeight / first.offsetHeight) - 1);
  }

  /** Focuses the active cell once the virtualizer has rendered its row (a few frames at most). */
  private async focusActive(): Promise<void> {
    this.focusWanted = false;
    for (let i = 0; i < 10; i++) {
      const el = this.activeElement();
      if (el) {
        el.focus({ preventScroll: el.closest('.body') === null });
        if (el.closest('.body')) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
  }

  private activeElement(): HTMLElement | null {
    const { row, col } = this.activePos;
    const c = row === 0 ? Math.min(col, this.options.cells) : col;
    return this.host.renderRoot.querySelector<HTMLElement>(`[data-pos="${row},${c}"]`);
  }
}
