/**
 * Row sizes, in one place for the styles and the virtualizer. Every row of a layout has the same
 * height, and the virtualizer is told it before it measures: its default first guess (100 px)
 * made it render, measure and render again within one frame, which the browser reports as a
 * "ResizeObserver loop" error, and a jump to row 10,000 land short.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/** A table row, from CARDS_BELOW px of the list's own width. */
export const ROW_HEIGHT = 44;
/** A card, below CARDS_BELOW px. */
export const CARD_HEIGHT = 96;
export const CARDS_BELOW = 800;
/**
 * Rows rendered beyond each edge of the view, in px (the virtualizer's default is 1,000). Every
 * rendered row is filled again when the range moves, so this is the work of a scrolled frame:
 * flung at 400 px a frame through 10,000 VMs (bench:fleet, 1440×900), 1,000 px (63 rows) made
 * 61-74 of 300 frames late and 600 px 80-85; 400 px 1-12, 250 px 4. It still covers a few frames
 * of a fast touch fling that the compositor scrolls ahead of the page.
 */
export const OVERHANG_PX = 400;
/**
 * How near the view's edge the rendered rows may run before they are laid out again. The
 * virtualizer lays out again as soon as fewer than OVERHANG_PX px are rendered beyond an edge: a
 * scroll at a reading pace of 150 px/s moved the range by one row 3.4 times a second, and each move
 * filled every rendered row again (bench:fleet). With the range drawn to OVERHANG_PX and moved
 * only when less than this is left, it moves once every 200 px scrolled (0.5 a second traced),
 * and still keeps a fast touch fling's few frames ahead covered. 100 px measured no cheaper.
 */
export const RELAYOUT_PX = 200;

/**
 * The flow layout with every row of the height it is told, known without measuring. The
 * virtualizer measured each new row with its box and computed margins: a forced layout per row
 * on every frame of a fling, which could only ever confirm the height the styles fix. A layout
 * may hand it a function that says a row's size instead; this one answers from the row height.
 */
export class FixedRowLayout extends FlowLayout {
  private readonly told: (element: Element) => RowBox = () => ({ width: this._itemSize.width, height: this._itemSize.height, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0 });

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    // What the virtualizer's scroll check compares with (see RELAYOUT_PX)...
    this._overhang = RELAYOUT_PX;
  }

  // ...and what a layout renders: the one setting serves both in FlowLayout.
  override _getActiveItems(): void {
    this._overhang = OVERHANG_PX;
    try {
      super._getActiveItems();
    } finally {
      this._overhang = RELAYOUT_PX;
    }
  }

  // Typed `boolean` by FlowLayout; the virtualizer takes a function too (Layout.measureChildren).
  override get measureChildren(): boolean {
    return this.told as unknown as boolean;
  }

  set rowHeight(h: number) {
    this._itemSize = { ...this._itemSize, height: h };
  }
}

interface RowBox {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

interface RowLayoutSpecifier {
  type: typeof FixedRowLayout;
  rowHeight: number;
}
const specifiers = new Map<number, RowLayoutSpecifier>();

/** The same object per height, so re-renders do not reconfigure the layout. */
export function rowLayout(height: number): RowLayoutSpecifier {
  let s = specifiers.get(height);
  if (!s) specifiers.set(height, (s = { type: FixedRowLayout, rowHeight: height }));
  return s;
}
