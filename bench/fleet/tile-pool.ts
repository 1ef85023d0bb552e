// A measurement for a fleet grid element, not a library feature: the page's tiles in a pool of
// just enough tiles for the rows in view and `overscan` rows either side (default 2). Every tile is placed by
// hand (absolutely, moved by a transform), so no tile's layout reaches the page's; a passive
// scroll listener moves the rows that left one side of the view to the other and gives their
// tiles the next VMs. No tile is created while scrolling, and the page holds no off-screen tile
// for the browser's visibility observers to go through in every frame.

type Tile = HTMLElement & { vmName: string; compact: boolean };

const ROW_HEIGHT = 102;
const TILE_HEIGHT = 96;
const GAP = 6;
const MIN_TILE_WIDTH = 280;

export interface TilePool {
  /** The tile showing VM number `v`, or a tile showing another VM (compare its vmName). */
  tileOf: (v: number) => Tile | undefined;
  /** Each VM's tile top in page coordinates, as if all tiles were in the page. */
  tops: number[];
  tileHeight: number;
}

/**
 * Fills `grid` with the pool for `n` VMs named by `vmName`. `ownVisibility: false` turns off the
 * tiles' own content-visibility (every tile of the pool is in or near view).
 */
export function mountTilePool(grid: HTMLElement, n: number, vmName: (v: number) => string, { ownVisibility = true, overscan = 2 } = {}): TilePool {
  const width = grid.clientWidth - 2 * GAP;
  const cols = Math.max(1, Math.floor((width + GAP) / (MIN_TILE_WIDTH + GAP)));
  const colWidth = (width - (cols - 1) * GAP) / cols;
  const rows = Math.ceil(n / cols);
  const poolRows = Math.min(rows, Math.ceil(innerHeight / ROW_HEIGHT) + 1 + 2 * overscan);
  grid.style.cssText = `display: block; position: relative; height: ${rows * ROW_HEIGHT - GAP}px; contain: strict`;
  const gridTop = grid.getBoundingClientRect().top + scrollY + GAP;
  const pool: Tile[] = [];
  for (let i = 0; i < poolRows * cols; i++) {
    const el = document.createElement('vm-metrics') as Tile;
    el.compact = true;
    const left = GAP + (i % cols) * (colWidth + GAP);
    el.style.cssText = `position: absolute; top: ${GAP}px; left: ${left}px; width: ${colWidth}px; height: ${TILE_HEIGHT}px${ownVisibility ? '' : '; content-visibility: visible'}`;
    pool.push(el);
  }
  // Row r always uses the pool's row r % poolRows: a scroll by one row renames one row of tiles.
  let first = -1;
  const place = () => {
    const from = Math.max(0, Math.min(rows - poolRows, Math.floor((scrollY - gridTop) / ROW_HEIGHT) - overscan));
    if (from === first) return;
    first = from;
    for (let r = from; r < from + poolRows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = r * cols + c;
        const el = pool[(r % poolRows) * cols + c]!;
        el.hidden = v >= n;
        if (v >= n || el.vmName === vmName(v)) continue;
        el.vmName = vmName(v);
        el.style.transform = `translateY(${r * ROW_HEIGHT}px)`;
      }
    }
  };
  place();
  grid.append(...pool);
  addEventListener('scroll', place, { passive: true });
  return {
    tileOf: (v) => pool[v % pool.length],
    tops: Array.from({ length: n }, (_, v) => gridTop + Math.floor(v / cols) * ROW_HEIGHT),
    tileHeight: TILE_HEIGHT,
  };
}
