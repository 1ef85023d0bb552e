/**
 * Where `<vm-grid>`'s tiles go, as arithmetic: a fixed pool of tiles for the rows in view and a
 * few either side, reused as the page scrolls. Grid row r is always drawn by the pool's row
 * r % poolRows, so scrolling by one row renames one row of tiles and moves it by a transform;
 * nothing is created, removed or reordered in the DOM while scrolling.
 *
 * Why a pool and not one element per VM: 1,000 tiles in the page cost the browser its visibility
 * pass over every one of them (content-visibility, intersection observers) on every scrolled
 * frame, 30-45 % of the main thread in bench:fleet; the pool scrolled at 14.5 %.
 */

/** Space between tiles and around the grid, in px. */
export const GAP = 8;
/** Rows of tiles kept beyond each edge of the view, so a scrolled-in row is usually drawn already. */
export const OVERSCAN_ROWS = 2;

export interface PoolLayout {
  /** Tiles in a row. */
  cols: number;
  /** Each tile's width, in px. */
  colWidth: number;
  /** A tile's height plus the gap below it. */
  rowHeight: number;
  /** Rows of the whole grid. */
  rows: number;
  /** Rows of the pool (never more than the grid's). */
  poolRows: number;
  /** The grid's height, in px (gaps around it included). */
  height: number;
}

/**
 * The layout for `count` tiles in `width` px, at least `minTileWidth` wide and `tileHeight` high,
 * when at most `viewHeight` px of the grid can be in view at once.
 */
export function poolLayout(count: number, width: number, viewHeight: number, minTileWidth: number, tileHeight: number): PoolLayout {
  const inner = Math.max(0, width - 2 * GAP);
  const cols = Math.max(1, Math.floor((inner + GAP) / (minTileWidth + GAP)));
  const colWidth = Math.max(0, (inner - (cols - 1) * GAP) / cols);
  const rowHeight = tileHeight + GAP;
  const rows = Math.ceil(count / cols);
  // A view of h px shows parts of at most ceil(h / rowHeight) + 1 rows.
  const poolRows = Math.min(rows, Math.ceil(Math.max(0, viewHeight) / rowHeight) + 1 + 2 * OVERSCAN_ROWS);
  return { cols, colWidth, rowHeight, rows, poolRows, height: rows > 0 ? rows * rowHeight + GAP : 0 };
}

/** The first grid row the pool draws when the view begins `viewTop` px below the grid's top. */
export function firstRow(l: PoolLayout, viewTop: number): number {
  const top = Math.floor((viewTop - GAP) / l.rowHeight) - OVERSCAN_ROWS;
  return Math.max(0, Math.min(l.rows - l.poolRows, top));
}

/** The grid row whose tiles slot `slot` draws while the pool starts at row `first`. */
export function rowOfSlot(l: PoolLayout, first: number, slot: number): number {
  const poolRow = Math.floor(slot / l.cols);
  return first + ((poolRow - (first % l.poolRows) + l.poolRows) % l.poolRows);
}

/** The VM index slot `slot` draws, or -1 when the slot is past the last VM. */
export function indexOfSlot(l: PoolLayout, first: number, slot: number, count: number): number {
  const i = rowOfSlot(l, first, slot) * l.cols + (slot % l.cols);
  return i < count ? i : -1;
}

/** The slot that draws VM `index` while the pool starts at row `first`, or -1 when none does. */
export function slotOfIndex(l: PoolLayout, first: number, index: number): number {
  const row = Math.floor(index / l.cols);
  if (row < first || row >= first + l.poolRows) return -1;
  return (row % l.poolRows) * l.cols + (index % l.cols);
}

/**
 * A tile's offset from the grid's top and inline start (its left, or its right in a right-to-left
 * page: the styles place it with `inset-inline-start`, so the direction needs no arithmetic here).
 */
export function tileOffset(l: PoolLayout, index: number): { x: number; y: number } {
  return { x: GAP + (index % l.cols) * (l.colWidth + GAP), y: GAP + Math.floor(index / l.cols) * l.rowHeight };
}

/** The index a key moves the active tile to, or null for a key the grid does not use. */
export function keyTarget(key: string, ctrl: boolean, index: number, count: number, cols: number, pageRows: number, rtl: boolean): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (i: number) => Math.max(0, Math.min(last, i));
  const rowStart = index - (index % cols);
  switch (key) {
    case 'ArrowRight':
      return clamp(index + (rtl ? -1 : 1));
    case 'ArrowLeft':
      return clamp(index + (rtl ? 1 : -1));
    case 'ArrowDown':
      return index + cols <= last ? index + cols : index;
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : index;
    case 'Home':
      return ctrl ? 0 : rowStart;
    case 'End':
      return ctrl ? last : Math.min(last, rowStart + cols - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, pageRows) * cols);
    case 'PageUp':
      return clamp(index - Math.max(1, pageRows) * cols);
    default:
      return null;
  }
}
