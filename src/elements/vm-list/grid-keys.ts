/**
 * The WAI-ARIA grid pattern's keys as a pure function: where the focus goes from a cell. Row 0 is
 * the header row; rows 1…rowCount are the VMs (the virtualizer renders only some of them, so the
 * position is kept as numbers and the element focuses the cell once it is rendered).
 */
export interface GridPos {
  row: number;
  col: number;
}

export interface GridSize {
  /** Data rows, not counting the header. */
  rows: number;
  cols: number;
  /** Rows that PageUp/PageDown move by (about one screenful). */
  pageRows: number;
}

/** The new position for a key, or null when the key is not a grid key (let it through). */
export function moveInGrid(key: string, ctrl: boolean, from: GridPos, size: GridSize): GridPos | null {
  const lastRow = size.rows;
  const lastCol = size.cols - 1;
  const clampRow = (r: number) => Math.max(0, Math.min(lastRow, r));
  const clampCol = (c: number) => Math.max(0, Math.min(lastCol, c));
  switch (key) {
    case 'ArrowRight':
      return { row: from.row, col: clampCol(from.col + 1) };
    case 'ArrowLeft':
      return { row: from.row, col: clampCol(from.col - 1) };
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'Home':
      return ctrl ? { row: Math.min(1, lastRow), col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol };
    case 'PageDown':
      return { row: clampRow(from.row + Math.max(1, size.pageRows)), col: from.col };
    case 'PageUp':
      // From the data rows a page up stops at the first VM; the header is one ArrowUp away.
      return { row: from.row === 0 ? 0 : Math.max(Math.min(1, lastRow), from.row - Math.max(1, size.pageRows)), col: from.col };
    default:
      return null;
  }
}
